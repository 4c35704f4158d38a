//! Settings and the unsaved draft: small records kept encrypted in the journal itself,
//! never in web storage or loose files.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

use super::{EntryId, Journal, NewEntry};
use crate::records::{self, Record, Singleton};
use crate::store::Table;
use crate::{Error, Result};

pub const MIN_AUTO_LOCK_MINUTES: u32 = 1;
pub const MAX_AUTO_LOCK_MINUTES: u32 = 240;
/// Most words on the de-identification allow-list, and the longest word.
pub const MAX_DEID_ALLOW_WORDS: usize = 500;
pub const MAX_DEID_ALLOW_CHARS: usize = 40;
/// The range of a yearly RS/C hours target (renewal often asks 12; earning a category
/// 24 to 50).
pub const MIN_RSC_HOURS_TARGET: u32 = 1;
pub const MAX_RSC_HOURS_TARGET: u32 = 200;
/// Most people and services on the "My supports" list: enough for the few who matter.
pub const MAX_SUPPORTS: usize = 12;
/// Longest name of one support ("My supervisor, Sam"), in characters.
pub const MAX_SUPPORT_LABEL_CHARS: usize = 60;
/// Longest "how to reach them" of one support (a number, an address, an hour), in characters.
pub const MAX_SUPPORT_REACH_CHARS: usize = 120;
/// Longest crisis line or emergency number the person writes for where they live.
pub const MAX_LOCAL_HELP_CHARS: usize = 80;

/// Light, dark, or whatever the desktop says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// Someone the person can turn to, on their own "My supports" list: who (a supervisor,
/// an employee assistance program, their own doctor, a friend) and how to reach them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Support {
    pub label: String,
    /// A number, an address or a time; may be left empty.
    #[serde(default)]
    pub reach: String,
}

/// The person's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Lock after this many minutes without use.
    pub auto_lock_minutes: u32,
    pub theme: Theme,
    /// Hide snippets in lists (shared offices, screen sharing).
    pub privacy_mode: bool,
    /// Words the de-identification check never flags (the person's own name, a
    /// colleague, a program), matched case-insensitively.
    #[serde(default)]
    pub deid_allow: Vec<String>,
    /// Where automatic backups go (a folder the person chose), if anywhere.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub backup_folder: Option<String>,
    /// How many backups to keep; the defaults when not set.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub backup_rotation: Option<crate::store::backup::Rotation>,
    /// Reflective supervision/consultation hours to receive each year, if the person
    /// set a goal (endorsement renewal often asks 12).
    #[serde(default)]
    // Optional in TypeScript, so settings written before the target existed still type.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub rsc_hours_target: Option<u32>,
    /// My Endorsement association and category, and my own overrides of their rules.
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub endorsement: Option<super::endorsement::EndorsementChoice>,
    /// The person's own list of who to turn to, shown under "Where to turn".
    #[serde(default)]
    pub my_supports: Vec<Support>,
    /// A crisis line where the person lives (call or text), in their words. Without
    /// one, the app names the US 988 line and says "in the US".
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub crisis_line: Option<String>,
    /// The emergency number where the person lives; without one, the app says "your
    /// local emergency number".
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub emergency_number: Option<String>,
    /// Show the quiet reminder to check in when the last check-in is old.
    pub checkin_reminder: bool,
    /// The "Before you write" card has been shown (it shows once, after set-up).
    pub seen_before_you_write: bool,
    /// The limits of confidentiality have been shown, at the first share.
    pub seen_share_limits: bool,
    /// Gentle reminders and keeping Attune running in the background; all off by
    /// default. A copy (times and weekdays only) is kept for the locked app, see
    /// `api::reminders`.
    #[serde(default)]
    pub reminders: super::reminders::ReminderSettings,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            auto_lock_minutes: 5,
            theme: Theme::System,
            privacy_mode: false,
            deid_allow: Vec::new(),
            backup_folder: None,
            backup_rotation: None,
            rsc_hours_target: None,
            endorsement: None,
            my_supports: Vec::new(),
            crisis_line: None,
            emergency_number: None,
            checkin_reminder: true,
            seen_before_you_write: false,
            seen_share_limits: false,
            reminders: super::reminders::ReminderSettings::default(),
        }
    }
}

impl Settings {
    pub fn validate(&self) -> Result<()> {
        if !(MIN_AUTO_LOCK_MINUTES..=MAX_AUTO_LOCK_MINUTES).contains(&self.auto_lock_minutes) {
            return Err(Error::invalid(format!(
                "Auto-lock can be set from {MIN_AUTO_LOCK_MINUTES} to {MAX_AUTO_LOCK_MINUTES} minutes."
            )));
        }
        if let Some(r) = self.backup_rotation {
            // Each bound first: only then is the sum small enough to add.
            if r.daily > 90
                || r.weekly > 104
                || r.monthly > 120
                || r.daily + r.weekly + r.monthly == 0
            {
                return Err(Error::invalid(
                    "Keep at least one backup, and at most 90 daily, 104 weekly and 120 monthly.",
                ));
            }
        }
        if let Some(choice) = &self.endorsement {
            super::endorsement::validate_choice(choice)?;
        }
        if self.deid_allow.len() > MAX_DEID_ALLOW_WORDS {
            return Err(Error::invalid(format!(
                "The allow-list can hold up to {MAX_DEID_ALLOW_WORDS} words."
            )));
        }
        for word in &self.deid_allow {
            if word.trim().is_empty() || word.trim() != word {
                return Err(Error::invalid(
                    "Allow-list words cannot be empty or start or end with a space.",
                ));
            }
            if word.chars().count() > MAX_DEID_ALLOW_CHARS {
                return Err(Error::invalid(format!(
                    "Allow-list words can be up to {MAX_DEID_ALLOW_CHARS} characters long."
                )));
            }
        }
        if self
            .rsc_hours_target
            .is_some_and(|t| !(MIN_RSC_HOURS_TARGET..=MAX_RSC_HOURS_TARGET).contains(&t))
        {
            return Err(Error::invalid(format!(
                "The yearly hours target can be set from {MIN_RSC_HOURS_TARGET} to {MAX_RSC_HOURS_TARGET} hours."
            )));
        }
        self.reminders.validate()?;
        self.validate_supports()
    }

    /// The "My supports" list and the local crisis and emergency numbers: a few short,
    /// single-line texts, each support with a name.
    fn validate_supports(&self) -> Result<()> {
        if self.my_supports.len() > MAX_SUPPORTS {
            return Err(Error::invalid(format!(
                "My supports can hold up to {MAX_SUPPORTS} people or services."
            )));
        }
        for support in &self.my_supports {
            if support.label.trim().is_empty() {
                return Err(Error::invalid(
                    "Each support needs a name, like \"My supervisor\" or \"A friend\".",
                ));
            }
            check_line("A support's name", &support.label, MAX_SUPPORT_LABEL_CHARS)?;
            check_line(
                "How to reach a support",
                &support.reach,
                MAX_SUPPORT_REACH_CHARS,
            )?;
        }
        for (what, text) in [
            ("The crisis line", &self.crisis_line),
            ("The emergency number", &self.emergency_number),
        ] {
            if let Some(text) = text {
                if text.trim().is_empty() {
                    return Err(Error::invalid(format!("{what} cannot be blank.")));
                }
                check_line(what, text, MAX_LOCAL_HELP_CHARS)?;
            }
        }
        Ok(())
    }

    /// The same settings with allow-list words trimmed, blanks and repeats dropped;
    /// supports and local numbers trimmed, empty ones dropped.
    pub fn tidied(mut self) -> Self {
        for support in &mut self.my_supports {
            support.label = support.label.trim().to_string();
            support.reach = support.reach.trim().to_string();
        }
        self.my_supports
            .retain(|s| !(s.label.is_empty() && s.reach.is_empty()));
        for text in [&mut self.crisis_line, &mut self.emergency_number] {
            *text = text
                .take()
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty());
        }
        self.reminders = self.reminders.tidied();
        let mut seen = std::collections::HashSet::new();
        self.deid_allow = self
            .deid_allow
            .iter()
            .map(|w| w.trim().to_string())
            .filter(|w| !w.is_empty() && seen.insert(w.to_lowercase()))
            .collect();
        self
    }

    /// The allow-list as the de-identification check uses it.
    pub fn allow_list(&self) -> crate::deid::AllowList {
        crate::deid::AllowList::new(&self.deid_allow)
    }
}

/// One short line of the person's own text: not too long, no line breaks or other
/// control characters.
fn check_line(what: &str, text: &str, max: usize) -> Result<()> {
    if text.chars().count() > max {
        return Err(Error::invalid(format!(
            "{what} can be up to {max} characters."
        )));
    }
    if text.chars().any(char::is_control) {
        return Err(Error::invalid(format!("{what} fits on one line.")));
    }
    Ok(())
}

/// What was in the editor and not yet saved as an entry.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct Draft {
    /// The entry being edited, or none for a new one.
    #[cfg_attr(feature = "typescript", ts(type = "string | null"))]
    pub entry_id: Option<EntryId>,
    pub fields: NewEntry,
    #[cfg_attr(feature = "typescript", ts(type = "string | null"))]
    pub saved_at: Option<DateTime<Utc>>,
}

impl Zeroize for Draft {
    fn zeroize(&mut self) {
        let f = &mut self.fields;
        f.title.zeroize();
        f.family_code.zeroize();
        f.body.zeroize();
        f.tags.zeroize();
        f.not_names.zeroize();
        for answer in &mut f.answers {
            answer.zeroize();
        }
        f.answers.clear();
    }
}

impl Record for Settings {
    const TABLE: Table = Table::Settings;
    const KIND: u8 = 1;
}

impl Record for Draft {
    const TABLE: Table = Table::Drafts;
    const KIND: u8 = 1;

    fn wipe(&mut self) {
        self.zeroize();
    }
}

/// A settings or draft record that could not be read.
fn damaged_singleton(table: Table) -> Error {
    let what = match table {
        Table::Drafts => "The kept draft could not be read (its record is damaged).",
        _ => "Your settings could not be read (their record is damaged).",
    };
    Error::new(
        crate::ErrorCode::DamagedRecords,
        format!(
            "{what} Your reflections are not affected. Saving your settings again replaces it; `attune verify` lists it and `attune purge ID` removes it."
        ),
    )
}

/// The record of a one-record table, or `None`. A record that is there but does not
/// open is an error, never taken for "no record": settings must not silently fall back
/// to the defaults (the backup folder and allow-list would be lost unseen).
fn singleton<T: Record>(journal: &Journal) -> Result<Option<T>> {
    match records::load_singleton::<T>(&journal.vault)? {
        Singleton::Absent => Ok(None),
        Singleton::Present(stored) => Ok(Some(stored.value)),
        Singleton::Damaged => Err(damaged_singleton(T::TABLE)),
    }
}

impl Journal {
    /// The saved settings, or the defaults.
    pub fn settings(&self) -> Result<Settings> {
        Ok(singleton::<Settings>(self)?.unwrap_or_default())
    }

    pub fn save_settings(&mut self, settings: &Settings) -> Result<()> {
        settings.validate()?;
        records::save_singleton(&mut self.vault, settings)
    }

    /// The draft kept when the journal last locked or closed, if any.
    pub fn draft(&self) -> Result<Option<Draft>> {
        singleton::<Draft>(self)
    }

    /// Keep `draft`, encrypted, until it is saved as an entry or discarded.
    pub fn save_draft(&mut self, draft: &Draft) -> Result<()> {
        records::save_singleton(&mut self.vault, draft)
    }

    /// Forget the kept draft for good.
    pub fn discard_draft(&mut self) -> Result<()> {
        records::delete_all::<Draft>(&self.vault)
    }
}
