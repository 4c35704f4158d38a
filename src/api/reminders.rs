//! Gentle reminders: their words (content/reminders.json), what the journal knows that
//! they follow, and the small schedule file the locked app reads.
//!
//! **What is kept where.** The reminder choices are settings, kept encrypted in the
//! journal. So that reminders also come while the journal is locked (after a restart,
//! or started at login), a copy of the *schedule only* is kept beside the journal in
//! `reminders.json`, readable by its owner alone: on/off, times of day, weekdays and
//! counts of weeks, and when each reminder last fired. No text the person wrote, no
//! names, no dates from the journal. The dates some reminders follow (sessions logged
//! ahead, the Endorsement renewal due date) stay in memory, learnt at each unlock: until
//! the first unlock of a run, "prepare" falls back to its weekday and "renewal" waits.
//! When every reminder and the background option are off, the file is removed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::journal::endorsement::{association, parse_due};
use crate::journal::reminders::{next_yearly, ReminderFacts, ReminderKind, ReminderSettings};
use crate::journal::Journal;
use crate::Result;

/// The schedule file, in the journal folder.
pub const SCHEDULE_FILE: &str = "reminders.json";
/// The schedule file is a few hundred bytes; anything much larger is not ours.
const MAX_SCHEDULE_BYTES: usize = 16 * 1024;

/// What a reminder says: a title and one line, never anything from the journal.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReminderCopy {
    pub title: String,
    pub body: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CopyFile {
    format: u32,
    reminders: BTreeMap<ReminderKind, ReminderCopy>,
}

const COPY_JSON: &str = include_str!("../../content/reminders.json");
/// The longest title and line a notification shows whole on common desktops.
pub const MAX_TITLE_CHARS: usize = 48;
pub const MAX_BODY_CHARS: usize = 120;

fn parse_copy(text: &str) -> std::result::Result<BTreeMap<ReminderKind, ReminderCopy>, String> {
    let file: CopyFile = serde_json::from_str(text).map_err(|e| e.to_string())?;
    if file.format != 1 {
        return Err(format!("format {}", file.format));
    }
    for kind in ReminderKind::ALL {
        let copy = file
            .reminders
            .get(&kind)
            .ok_or_else(|| format!("no words for {}", kind.as_str()))?;
        let fits = |t: &str, max: usize| {
            !t.trim().is_empty()
                && t.trim() == t
                && t.chars().count() <= max
                && !t
                    .chars()
                    .any(|c| c.is_control() || matches!(c, '{' | '}' | '<' | '>' | '&'))
        };
        if !fits(&copy.title, MAX_TITLE_CHARS) || !fits(&copy.body, MAX_BODY_CHARS) {
            return Err(format!(
                "the words for {} are empty, long or marked up",
                kind.as_str()
            ));
        }
    }
    Ok(file.reminders)
}

/// The words of a reminder (checked by a test, so always there).
pub fn copy(kind: ReminderKind) -> ReminderCopy {
    static COPY: OnceLock<BTreeMap<ReminderKind, ReminderCopy>> = OnceLock::new();
    COPY.get_or_init(|| parse_copy(COPY_JSON).unwrap_or_default())
        .get(&kind)
        .cloned()
        .unwrap_or_else(|| ReminderCopy {
            title: "Attune".to_string(),
            body: String::new(),
        })
}

/// What the journal knows that reminders follow: sessions logged after `today`, and the
/// next renewal due date when an Endorsement category or association is chosen.
pub fn facts(journal: &Journal, today: NaiveDate) -> Result<ReminderFacts> {
    let mut sessions_ahead: Vec<NaiveDate> = journal
        .sessions()
        .iter()
        .map(|s| s.date)
        .filter(|d| *d > today)
        .collect();
    sessions_ahead.sort_unstable();
    sessions_ahead.dedup();
    let renewal_due = journal.settings()?.endorsement.and_then(|choice| {
        let due = choice
            .renewal_due
            .as_deref()
            .or(choice
                .association
                .as_deref()
                .and_then(association)
                .map(|a| a.renewal_due.as_str()))
            .and_then(parse_due)?;
        next_yearly(today, due)
    });
    Ok(ReminderFacts {
        sessions_ahead,
        renewal_due,
    })
}

/// The schedule kept for the locked app, and when each reminder last fired.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KeptSchedule {
    pub format: u32,
    pub schedule: ReminderSettings,
    pub last_fired: BTreeMap<ReminderKind, DateTime<Utc>>,
}

pub fn schedule_path(journal_dir: &Path) -> PathBuf {
    journal_dir.join(SCHEDULE_FILE)
}

/// The kept schedule, or everything off when there is none or it cannot be read.
pub fn load_schedule(journal_dir: &Path) -> KeptSchedule {
    crate::files::read_capped(&schedule_path(journal_dir), MAX_SCHEDULE_BYTES, "reminders")
        .ok()
        .and_then(|bytes| serde_json::from_slice::<KeptSchedule>(&bytes).ok())
        .filter(|kept| kept.format == 1 && kept.schedule.validate().is_ok())
        .unwrap_or_default()
}

/// Keep the schedule (owner-only, replaced whole), or remove the file when nothing is on.
pub fn keep_schedule(journal_dir: &Path, kept: &KeptSchedule) -> Result<()> {
    let path = schedule_path(journal_dir);
    if !kept.schedule.anything_on() {
        return match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(crate::Error::new(
                crate::ErrorCode::Unwritable,
                "Attune could not remove its reminder schedule file.",
            )),
            _ => Ok(()),
        };
    }
    let kept = KeptSchedule {
        format: 1,
        ..kept.clone()
    };
    let bytes = serde_json::to_vec_pretty(&kept).map_err(|_| {
        crate::Error::new(
            crate::ErrorCode::Internal,
            "Attune could not write its reminder schedule.",
        )
    })?;
    crate::files::replace_private_file(&path, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_short_plain_words() {
        let copy = parse_copy(COPY_JSON).unwrap();
        assert_eq!(copy.len(), ReminderKind::ALL.len());
        assert_eq!(
            super::copy(ReminderKind::Reflect).title,
            "A moment to reflect?"
        );
    }

    #[test]
    fn words_that_are_missing_long_or_marked_up_are_refused() {
        let good: serde_json::Value = serde_json::from_str(COPY_JSON).unwrap();
        let mut missing = good.clone();
        missing["reminders"]
            .as_object_mut()
            .unwrap()
            .remove("renewal");
        assert!(parse_copy(&missing.to_string()).is_err());
        let mut long = good.clone();
        long["reminders"]["reflect"]["body"] = "x".repeat(MAX_BODY_CHARS + 1).into();
        assert!(parse_copy(&long.to_string()).is_err());
        let mut placeholder = good.clone();
        placeholder["reminders"]["reflect"]["title"] = "Hello {name}".into();
        assert!(parse_copy(&placeholder.to_string()).is_err());
        let mut unknown = good;
        unknown["reminders"]["lunch"] = serde_json::json!({"title": "a", "body": "b"});
        assert!(parse_copy(&unknown.to_string()).is_err());
    }

    #[test]
    fn the_schedule_file_holds_times_only_is_owner_only_and_goes_when_all_is_off() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load_schedule(dir.path()), KeptSchedule::default());
        let mut kept = KeptSchedule::default();
        kept.schedule.reflect.on = true;
        kept.schedule.reflect.weekdays = vec![1, 3];
        kept.last_fired.insert(
            ReminderKind::Reflect,
            "2026-03-02T17:00:00Z".parse().unwrap(),
        );
        keep_schedule(dir.path(), &kept).unwrap();
        let path = schedule_path(dir.path());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "owner only");
        }
        let back = load_schedule(dir.path());
        assert_eq!(back.schedule, kept.schedule);
        assert_eq!(back.last_fired, kept.last_fired);
        // Only schedule words: no free text can be in it.
        let text = std::fs::read_to_string(&path).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let keys: Vec<&String> = value["schedule"].as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            ["checkin", "keep_running", "prepare", "reflect", "renewal"]
        );
        kept.schedule.reflect.on = false;
        keep_schedule(dir.path(), &kept).unwrap();
        assert!(!path.exists());
        std::fs::write(&path, b"{not json").unwrap();
        assert_eq!(load_schedule(dir.path()), KeptSchedule::default());
    }
}
