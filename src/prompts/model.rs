//! The prompt-pack format: what a pack, a prompt and a lens are, as data.
//!
//! One format serves built-in packs (JSON files under `content/packs/`), custom packs
//! (stored encrypted in the journal) and, later, packs a supervisor sends: every pack is
//! self-contained and carries `"format": 1`.

use serde::{Deserialize, Serialize};

use crate::journal::PackRef;

/// The version of the pack file format this build reads and writes.
pub const PACK_FORMAT: u32 = 1;

/// The five essential elements of reflective supervision, as the RIOS framework names
/// them (Watson and colleagues). Used as tags, never as ratings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum RiosElement {
    FamilyStory,
    HoldingTheBaby,
    UseOfSelf,
    ParallelProcess,
    ReflectiveAlliance,
}

impl RiosElement {
    pub const ALL: [RiosElement; 5] = [
        Self::FamilyStory,
        Self::HoldingTheBaby,
        Self::UseOfSelf,
        Self::ParallelProcess,
        Self::ReflectiveAlliance,
    ];

    /// The label a person sees.
    pub fn label(self) -> &'static str {
        match self {
            Self::FamilyStory => "Understanding the family story",
            Self::HoldingTheBaby => "Holding the baby in mind",
            Self::UseOfSelf => "Professional use of self",
            Self::ParallelProcess => "Parallel process",
            Self::ReflectiveAlliance => "Reflective alliance",
        }
    }
}

/// The collaborative tasks, in the order a reflection roughly moves through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum CollaborativeTask {
    Describing,
    Responding,
    Exploring,
    Linking,
    Integrating,
}

impl CollaborativeTask {
    /// Position in the describing → integrating order, from 0.
    pub fn step(self) -> u8 {
        self as u8
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Describing => "Describing",
            Self::Responding => "Responding",
            Self::Exploring => "Exploring",
            Self::Linking => "Linking",
            Self::Integrating => "Integrating",
        }
    }
}

/// The five RS/C themes a built-in pack can serve. (Not the light/dark `Theme` of the
/// settings.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum RscTheme {
    ChallengingRelationships,
    ImplicitBias,
    VicariousTrauma,
    Burnout,
    ReflectiveProcess,
}

impl RscTheme {
    pub const ALL: [RscTheme; 5] = [
        Self::ChallengingRelationships,
        Self::ImplicitBias,
        Self::VicariousTrauma,
        Self::Burnout,
        Self::ReflectiveProcess,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::ChallengingRelationships => "Unpacking challenging relationships",
            Self::ImplicitBias => "Exploring implicit bias",
            Self::VicariousTrauma => "Processing vicarious trauma",
            Self::Burnout => "Preventing burnout",
            Self::ReflectiveProcess => "Facilitated reflective process",
        }
    }
}

/// How a prompt is answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum AnswerType {
    LongText,
    ShortText,
    /// 0 to 10, with words for each end.
    Scale {
        low_label: String,
        high_label: String,
    },
    Choice {
        options: Vec<String>,
    },
    /// A small step and the date it is meant for.
    Plan,
}

impl AnswerType {
    pub fn label(&self) -> &'static str {
        match self {
            Self::LongText => "long text",
            Self::ShortText => "short text",
            Self::Scale { .. } => "0 to 10 scale",
            Self::Choice { .. } => "choice",
            Self::Plan => "plan (a step and a date)",
        }
    }
}

/// One question in a pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    /// Unique within its pack: lowercase letters, digits and '-'.
    pub id: String,
    pub text: String,
    /// A sentence or two that makes the prompt easier to start.
    pub help: String,
    /// Short example answers (may be empty).
    #[serde(default)]
    pub examples: Vec<String>,
    pub element: RiosElement,
    pub task: CollaborativeTask,
    pub answer: AnswerType,
}

/// Where a pack came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PackOrigin {
    /// Shipped with Attune.
    BuiltIn,
    /// Made or edited by a person, perhaps from another pack.
    Custom { based_on: Option<PackRef> },
}

/// A guided-reflection prompt pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct PromptPack {
    /// The file format ([`PACK_FORMAT`]).
    pub format: u32,
    pub id: String,
    /// Goes up when the prompts change; entries keep the version they were written with.
    pub version: u32,
    pub title: String,
    pub purpose: String,
    pub when_to_use: String,
    /// About how long the pack takes.
    pub minutes: u8,
    /// The RS/C theme the pack serves, if one.
    pub theme: Option<RscTheme>,
    pub prompts: Vec<Prompt>,
    /// The last step: settling, linking or planning.
    pub closing: Prompt,
    pub origin: PackOrigin,
}

impl PromptPack {
    /// The prompts in the order they are asked, the closing step last.
    pub fn steps(&self) -> impl Iterator<Item = &Prompt> {
        self.prompts.iter().chain(std::iter::once(&self.closing))
    }

    /// The prompt (or closing step) with this id.
    pub fn prompt(&self, id: &str) -> Option<&Prompt> {
        self.steps().find(|p| p.id == id)
    }

    pub fn is_custom(&self) -> bool {
        matches!(self.origin, PackOrigin::Custom { .. })
    }

    pub fn pack_ref(&self) -> PackRef {
        PackRef {
            id: self.id.clone(),
            version: self.version,
        }
    }

    pub fn summary(&self) -> PackSummary {
        PackSummary {
            id: self.id.clone(),
            version: self.version,
            title: self.title.clone(),
            purpose: self.purpose.clone(),
            when_to_use: self.when_to_use.clone(),
            minutes: self.minutes,
            theme: self.theme,
            prompt_count: u32::try_from(self.prompts.len()).unwrap_or(u32::MAX),
            custom: self.is_custom(),
        }
    }
}

/// A pack as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct PackSummary {
    pub id: String,
    pub version: u32,
    pub title: String,
    pub purpose: String,
    pub when_to_use: String,
    pub minutes: u8,
    pub theme: Option<RscTheme>,
    /// Prompts before the closing step.
    pub prompt_count: u32,
    pub custom: bool,
}

/// Names a pack; without a version, its latest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct PackRequest {
    pub id: String,
    #[serde(default)]
    pub version: Option<u32>,
}

/// One of the infant mental health principles, as an extra prompt that can be added to
/// any entry. Its answer is stored with the prompt id `lens:<id>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Lens {
    pub id: String,
    /// The principle's name, e.g. "Holding the baby in mind".
    pub principle: String,
    pub text: String,
    pub help: String,
    pub element: RiosElement,
}

/// The prefix of a lens answer's prompt id.
pub const LENS_PREFIX: &str = "lens:";

impl Lens {
    /// The prompt id its answers are stored under.
    pub fn prompt_id(&self) -> String {
        format!("{LENS_PREFIX}{}", self.id)
    }
}
