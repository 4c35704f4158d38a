//! Guided-reflection prompt packs: the format, the built-in packs and lenses (data
//! files under `content/`), the rules a pack must follow, how answers meet prompts, and
//! the insights drawn from answered prompts.
//!
//! Prompts are tagged with the RIOS framework's essential elements and collaborative
//! tasks (Watson and colleagues), used here only as labels. Custom packs are stored
//! encrypted by the journal (see `journal::packs`); this module holds no storage.

mod answers;
mod insights;
mod model;
mod registry;
mod validate;

pub use answers::{
    answers_from_json, prepare_answers, render_answers, RenderedAnswer, MAX_SHORT_TEXT_CHARS,
};
pub use insights::{
    insights, CarryingWeek, ElementCoverage, Insights, InsightsRequest, Observation, ThemeCoverage,
    DEFAULT_WEEKS, MAX_WEEKS,
};
pub use model::{
    AnswerType, CollaborativeTask, Lens, PackOrigin, PackRequest, PackSummary, Prompt, PromptPack,
    RiosElement, RscTheme, LENS_PREFIX, PACK_FORMAT,
};
pub use registry::{built_in_packs, lenses, parse_pack, Registry};
pub use validate::{
    is_valid_id, Strictness, BRIEF_PROMPTS, BUILT_IN_PROMPTS, CONTAINMENT_ID,
    CRITICAL_INCIDENT_PROMPTS, CUSTOM_PROMPTS, MAX_BRIEF_MINUTES,
    MAX_TITLE_CHARS as MAX_PACK_TITLE_CHARS,
};
