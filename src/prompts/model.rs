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

/// The RS/C themes a built-in pack can serve: the five the seed names, and critical
/// incidents. (Not the light/dark `Theme` of the settings.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum RscTheme {
    ChallengingRelationships,
    ImplicitBias,
    VicariousTrauma,
    Burnout,
    ReflectiveProcess,
    /// After a death, a serious injury, a threat or another event that shakes a team.
    CriticalIncident,
}

impl RscTheme {
    pub const ALL: [RscTheme; 6] = [
        Self::ChallengingRelationships,
        Self::ImplicitBias,
        Self::VicariousTrauma,
        Self::Burnout,
        Self::ReflectiveProcess,
        Self::CriticalIncident,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::ChallengingRelationships => "Unpacking challenging relationships",
            Self::ImplicitBias => "Exploring implicit bias",
            Self::VicariousTrauma => "Processing vicarious trauma",
            Self::Burnout => "Preventing burnout",
            Self::ReflectiveProcess => "Facilitated reflective process",
            Self::CriticalIncident => "After a critical incident",
        }
    }

    /// Heavy themes touch trauma: their packs ground first, can be stopped gently at any
    /// step, and always end with the containment step.
    pub fn is_heavy(self) -> bool {
        matches!(self, Self::VicariousTrauma | Self::CriticalIncident)
    }

    /// May a front end invite the person to write with this theme's pack because it has
    /// not come up lately? Never for heavy themes or burnout: a quiet counter there is
    /// not a gap to fill.
    pub fn invites_when_quiet(self) -> bool {
        !self.is_heavy() && self != Self::Burnout
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
    /// A brief pack (a few minutes between patients): a built-in one may have 3 to 5
    /// prompts instead of 6 to 10. Left out of the file when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub brief: bool,
    /// The RS/C theme the pack serves, if one.
    pub theme: Option<RscTheme>,
    /// A first step that grounds or orients before the prompts (heavy packs have one).
    /// Shaped like a prompt, but outside the describing → integrating order. Left out
    /// of the file when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening: Option<Prompt>,
    pub prompts: Vec<Prompt>,
    /// The last step: settling, linking or planning.
    pub closing: Prompt,
    pub origin: PackOrigin,
}

impl PromptPack {
    /// Every step in the order it is asked: the opening (if any), the prompts, the
    /// closing step last.
    pub fn steps(&self) -> impl Iterator<Item = &Prompt> {
        self.opening
            .iter()
            .chain(self.prompts.iter())
            .chain(std::iter::once(&self.closing))
    }

    /// The prompt (or closing step) with this id.
    pub fn prompt(&self, id: &str) -> Option<&Prompt> {
        self.steps().find(|p| p.id == id)
    }

    pub fn is_custom(&self) -> bool {
        matches!(self.origin, PackOrigin::Custom { .. })
    }

    /// A pack on a heavy theme (vicarious trauma, critical incident): a front end offers
    /// "Stop and close gently" on every step, which goes straight to the containment
    /// step (the closing step; validation makes sure of it).
    pub fn is_heavy(&self) -> bool {
        self.theme.is_some_and(RscTheme::is_heavy)
    }

    /// The pack this one was copied from, if it says.
    pub fn based_on(&self) -> Option<&PackRef> {
        match &self.origin {
            PackOrigin::Custom { based_on } => based_on.as_ref(),
            PackOrigin::BuiltIn => None,
        }
    }

    /// Does this pack's containment step say something other than `base`'s (the pack it
    /// was copied from)? True when `base` closes with containment and this pack's
    /// closing step is no longer that step word for word (its text, help or examples
    /// changed, or it is gone). A front end warns: the containment words were written
    /// with care for people at a hard moment.
    pub fn containment_edited(&self, base: &PromptPack) -> bool {
        base.closing.id == super::validate::CONTAINMENT_ID
            && (self.closing.id != base.closing.id
                || self.closing.text != base.closing.text
                || self.closing.help != base.closing.help
                || self.closing.examples != base.closing.examples)
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
            heavy: self.is_heavy(),
            containment_edited: false,
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
    /// Prompts before the closing step (the opening step not counted).
    pub prompt_count: u32,
    pub custom: bool,
    /// A heavy pack (vicarious trauma or critical incident, [`PromptPack::is_heavy`]):
    /// every step offers "Stop and close gently", which goes to the containment step.
    pub heavy: bool,
    /// A custom copy whose containment step no longer matches the pack it was copied
    /// from ([`PromptPack::containment_edited`]), worth a gentle warning; false when
    /// that pack is not known.
    pub containment_edited: bool,
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
