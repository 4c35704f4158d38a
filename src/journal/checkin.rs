//! Wellbeing check-ins: our own short item set, answered in about two minutes, kept
//! encrypted one record each, and the trends, suggestions and nudge drawn from them.
//!
//! The items, the "about" text, the suggestions and the "where to turn" lines are data
//! (`content/checkin.json`), compiled in and validated by a test. A check-in is a
//! reflection aid, not a measure: high readings lead to gentle suggestions, never
//! alarms. Everything that depends on the time takes `now`, so tests use fixed dates.
//!
//! Every answer is 0 to 10. Its *strain* reads the same way for every item (0 light,
//! 10 heavy): the value itself where a higher answer is harder, `10 - value` where a
//! higher answer is easier. "Overall" is the mean strain of the answered items.

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

use super::Journal;
use crate::crypto::random_id;
pub use crate::ids::CheckinId;
use crate::records::{self, Record};
use crate::store::{RecordRow, Table};
use crate::{Error, Result};

/// Check-ins are never edited, so each is written once at revision 1.
const CHECKIN_REVISION: u64 = 1;
/// The highest answer; every item runs from 0 to this.
pub const MAX_VALUE: u8 = 10;
/// Longest note on a check-in, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;
/// An item whose strain reaches this gets its own suggestion.
pub const ITEM_STRAIN_HIGH: u8 = 7;
/// An overall strain at or above this gets the overall suggestion.
pub const OVERALL_STRAIN_HIGH: f32 = 6.0;
/// At most this many suggestions after one check-in: enough to act on, not a list.
pub const MAX_SUGGESTIONS: usize = 3;
/// A quiet nudge when the last check-in is this many days old (or there is none).
pub const NUDGE_AFTER_DAYS: u32 = 14;
/// A heavy stretch has lasted when this many check-ins in a row read heavy...
pub const HEAVY_CHECKINS_IN_A_ROW: usize = 3;
/// ...or this many weeks with check-ins, the latest ones, each read heavy on average.
pub const HEAVY_WEEKS: usize = 4;

/// The item set, as written in `content/checkin.json`.
const ITEM_SET_JSON: &str = include_str!("../../content/checkin.json");
/// The content format this code reads.
const ITEM_SET_FORMAT: u32 = 1;

/// Which way an item's scale runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// A higher answer means the work weighs more (exhaustion, intrusive thoughts).
    HigherIsHarder,
    /// A higher answer means things are easier (energy, support, sleep).
    HigherIsEasier,
}

/// One question of the check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct CheckinItem {
    /// Stable id (also the CLI flag name).
    pub id: String,
    /// A short name for charts and tables.
    pub label: String,
    pub question: String,
    /// One line of help under the question.
    pub help: String,
    /// What 0 means.
    pub low_label: String,
    /// What 10 means.
    pub high_label: String,
    pub direction: Direction,
}

/// A suggestion's text as written in the content: for one item, or (no item) overall.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuggestionText {
    pub item_id: Option<String>,
    pub text: String,
}

/// The whole check-in content: items, about text, suggestions and where to turn.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemSet {
    pub format: u32,
    /// Bumped whenever an item is added, removed or reworded in meaning.
    pub version: u32,
    pub items: Vec<CheckinItem>,
    /// What the check-in is and is not, and where to find validated instruments and support.
    pub about: String,
    /// One line saying it is a reflection aid (the CLI prints it after each check-in).
    pub reminder: String,
    /// The quiet line shown when the last check-in is old.
    pub nudge: String,
    /// The gentle line shown when a heavy stretch has lasted (see
    /// [`long_heavy_stretch`]): someone of one's own, as well as supervision.
    pub long_stretch: String,
    pub suggestions: Vec<SuggestionText>,
    /// Short static lines for a "where to turn" panel.
    pub resources: Vec<String>,
}

/// Lengths the content must keep to, in characters.
const MAX_ID_CHARS: usize = 24;
const MAX_LABEL_CHARS: usize = 32;
const MAX_QUESTION_CHARS: usize = 160;
const MAX_HELP_CHARS: usize = 160;
const MAX_ANCHOR_CHARS: usize = 24;
const MAX_SUGGESTION_CHARS: usize = 280;
const MAX_RESOURCE_CHARS: usize = 200;
const MAX_ABOUT_CHARS: usize = 1200;

impl ItemSet {
    /// The item set compiled into this version of Attune.
    pub fn builtin() -> Result<&'static ItemSet> {
        static BUILTIN: OnceLock<Option<ItemSet>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| Self::parse(ITEM_SET_JSON).ok())
            .as_ref()
            .ok_or_else(|| {
                Error::internal("The check-in questions built into Attune could not be read.")
            })
    }

    /// Parse and validate an item set.
    pub fn parse(text: &str) -> std::result::Result<Self, String> {
        let set: Self = serde_json::from_str(text).map_err(|e| format!("not valid: {e}"))?;
        set.validate()?;
        Ok(set)
    }

    /// Check the content rules: known format, unique plain ids, nothing empty or too
    /// long, exactly one suggestion per item plus one overall, something to turn to.
    pub fn validate(&self) -> std::result::Result<(), String> {
        if self.format != ITEM_SET_FORMAT {
            return Err(format!("format {} is not {ITEM_SET_FORMAT}", self.format));
        }
        if self.version == 0 {
            return Err("version starts at 1".into());
        }
        if self.items.is_empty() {
            return Err("no items".into());
        }
        let mut ids = HashSet::new();
        for item in &self.items {
            let id = &item.id;
            let plain = !id.is_empty()
                && id.chars().count() <= MAX_ID_CHARS
                && id.starts_with(|c: char| c.is_ascii_lowercase())
                && id.chars().all(|c| c.is_ascii_lowercase() || c == '-');
            if !plain {
                return Err(format!("item id {id:?} is not a short lowercase word"));
            }
            // "note" is the note's key in the CLI's JSON form.
            if id == "note" || !ids.insert(id.as_str()) {
                return Err(format!("item id {id:?} is reserved or repeated"));
            }
            for (what, text, max) in [
                ("label", &item.label, MAX_LABEL_CHARS),
                ("question", &item.question, MAX_QUESTION_CHARS),
                ("help", &item.help, MAX_HELP_CHARS),
                ("low_label", &item.low_label, MAX_ANCHOR_CHARS),
                ("high_label", &item.high_label, MAX_ANCHOR_CHARS),
            ] {
                check_text(&format!("item {id} {what}"), text, max)?;
            }
            if !item.question.ends_with('?') {
                return Err(format!("item {id} question is not a question"));
            }
        }
        check_text("about", &self.about, MAX_ABOUT_CHARS)?;
        check_text("reminder", &self.reminder, MAX_SUGGESTION_CHARS)?;
        check_text("nudge", &self.nudge, MAX_SUGGESTION_CHARS)?;
        check_text("long_stretch", &self.long_stretch, MAX_SUGGESTION_CHARS)?;
        let mut covered = HashSet::new();
        for s in &self.suggestions {
            let key = s.item_id.as_deref().unwrap_or("(overall)");
            if s.item_id.as_deref().is_some_and(|id| !ids.contains(id)) {
                return Err(format!("suggestion for unknown item {key:?}"));
            }
            if !covered.insert(key) {
                return Err(format!("two suggestions for {key:?}"));
            }
            check_text(
                &format!("suggestion for {key}"),
                &s.text,
                MAX_SUGGESTION_CHARS,
            )?;
        }
        if covered.len() != self.items.len() + 1 {
            return Err("every item and the overall reading need one suggestion".into());
        }
        if self.resources.is_empty() {
            return Err("no resources".into());
        }
        for r in &self.resources {
            check_text("resource", r, MAX_RESOURCE_CHARS)?;
        }
        Ok(())
    }

    pub fn item(&self, id: &str) -> Option<&CheckinItem> {
        self.items.iter().find(|i| i.id == id)
    }

    fn suggestion(&self, item_id: Option<&str>) -> Option<&str> {
        self.suggestions
            .iter()
            .find(|s| s.item_id.as_deref() == item_id)
            .map(|s| s.text.as_str())
    }

    /// What a front end needs to show the check-in.
    pub fn form(&self) -> CheckinForm {
        CheckinForm {
            version: self.version,
            items: self.items.clone(),
            about: self.about.clone(),
            reminder: self.reminder.clone(),
            nudge_text: self.nudge.clone(),
            long_stretch_text: self.long_stretch.clone(),
            resources: self.resources.clone(),
            max_value: MAX_VALUE,
            max_note_chars: MAX_NOTE_CHARS as u32,
        }
    }
}

fn check_text(what: &str, text: &str, max: usize) -> std::result::Result<(), String> {
    if text.trim().is_empty() || text.trim() != text {
        return Err(format!("{what} is empty or has spaces around it"));
    }
    if text.chars().count() > max {
        return Err(format!("{what} is longer than {max} characters"));
    }
    Ok(())
}

/// The check-in as a front end shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct CheckinForm {
    /// The item-set version; saved with each check-in.
    pub version: u32,
    pub items: Vec<CheckinItem>,
    pub about: String,
    pub reminder: String,
    /// The line to show when `Trends::nudge` is true.
    pub nudge_text: String,
    /// The line to show when `long_heavy_stretch` is true (after a check-in, on trends).
    pub long_stretch_text: String,
    pub resources: Vec<String>,
    /// Every answer runs from 0 to this.
    pub max_value: u8,
    pub max_note_chars: u32,
}

/// One answer: an item and a value from 0 to 10.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct CheckinAnswer {
    pub item_id: String,
    pub value: u8,
}

/// A check-in as stored: the answers given (skipped items are simply absent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Checkin {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub id: CheckinId,
    pub taken_at: DateTime<Utc>,
    /// The item set it was answered on. Answers to items a later set dropped are kept
    /// but left out of trends.
    pub item_set_version: u32,
    pub answers: Vec<CheckinAnswer>,
    pub note: Option<String>,
}

impl Record for Checkin {
    const TABLE: Table = Table::Checkins;
    const KIND: u8 = 1;

    /// Written once at revision 1; the plaintext id is authenticated by the envelope and
    /// the copy inside must agree.
    fn agrees_with(&self, row: &RecordRow) -> bool {
        row.revision == CHECKIN_REVISION && self.id.0 == row.id
    }
}

impl Drop for Checkin {
    fn drop(&mut self) {
        self.note.zeroize();
    }
}

/// What a person gives for a new check-in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct NewCheckin {
    pub answers: Vec<CheckinAnswer>,
    pub note: Option<String>,
}

/// A gentle suggestion after a high reading: for one item, or overall (no item).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Suggestion {
    pub item_id: Option<String>,
    pub text: String,
}

/// A saved check-in and what it suggests.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct CheckinSaved {
    pub checkin: Checkin,
    /// Mean strain of the answered items, 0 (light) to 10 (heavy), one decimal.
    pub overall: Option<f32>,
    /// At most three, the heaviest first; none when readings are moderate.
    pub suggestions: Vec<Suggestion>,
    /// With this check-in, a heavy stretch has lasted (see [`long_heavy_stretch`]).
    pub long_heavy_stretch: bool,
}

/// Which stretch of time the trends cover.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct TrendsRequest {
    /// The last this many weeks; 0 means every check-in.
    pub weeks: u32,
}

/// One answer to one item over time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct TrendPoint {
    pub at: DateTime<Utc>,
    pub value: u8,
}

/// One item over time, as answered (not as strain; `direction` says which way is easier).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ItemTrend {
    pub item_id: String,
    pub label: String,
    pub direction: Direction,
    /// Oldest first.
    pub points: Vec<TrendPoint>,
    pub latest: Option<u8>,
    /// Mean answer, one decimal.
    pub average: Option<f32>,
}

/// The overall strain of one check-in.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct OverallPoint {
    pub at: DateTime<Utc>,
    pub strain: f32,
}

/// The mean overall strain of one week's check-ins (weeks start on Monday, UTC).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct WeekSummary {
    pub week_start: NaiveDate,
    pub overall_mean: f32,
    pub count: u32,
}

/// Check-ins over time, per item and overall, for a chart and its table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Trends {
    /// One per item of the current set, in the set's order.
    pub items: Vec<ItemTrend>,
    /// Oldest first.
    pub overall: Vec<OverallPoint>,
    /// Oldest week first; weeks without a check-in are absent.
    pub weekly: Vec<WeekSummary>,
    /// Whole days since the latest check-in (at any time), if there is one.
    pub days_since_last: Option<u32>,
    /// True when there is no check-in, or the latest is [`NUDGE_AFTER_DAYS`] days old.
    pub nudge: bool,
    /// Check-ins in the period.
    pub count: u32,
    /// A heavy stretch has lasted, judged on every check-in whatever the period (see
    /// [`long_heavy_stretch`]).
    pub long_heavy_stretch: bool,
}

/// Strain of one answer: 0 light, 10 heavy, whichever way the question runs.
pub fn strain(direction: Direction, value: u8) -> u8 {
    match direction {
        Direction::HigherIsHarder => value.min(MAX_VALUE),
        Direction::HigherIsEasier => MAX_VALUE.saturating_sub(value),
    }
}

/// Round to one decimal, the precision readings are shown and compared at.
fn one_decimal(x: f32) -> f32 {
    (x * 10.0).round() / 10.0
}

fn mean(values: impl Iterator<Item = f32>) -> Option<f32> {
    let (sum, n) = values.fold((0.0f32, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f32)
}

/// Answers to items of `set`, with their item (answers to unknown items are skipped).
fn known<'a>(
    answers: &'a [CheckinAnswer],
    set: &'a ItemSet,
) -> impl Iterator<Item = (&'a CheckinItem, u8)> + 'a {
    answers
        .iter()
        .filter_map(|a| set.item(&a.item_id).map(|item| (item, a.value)))
}

/// The mean strain of the answers to known items, one decimal; none if no known item
/// was answered.
pub fn overall_strain(answers: &[CheckinAnswer], set: &ItemSet) -> Option<f32> {
    mean(known(answers, set).map(|(item, v)| f32::from(strain(item.direction, v)))).map(one_decimal)
}

/// Whether a check-in reads heavy: its overall strain at or above
/// [`OVERALL_STRAIN_HIGH`], where the overall suggestion starts and the words say "a
/// heavy stretch".
fn is_heavy(strain: f32) -> bool {
    strain >= OVERALL_STRAIN_HIGH
}

/// Whether a heavy stretch has lasted long enough to suggest someone of one's own (a
/// doctor, therapist or employee assistance program) as well as supervision: the latest
/// [`HEAVY_CHECKINS_IN_A_ROW`] check-ins all read heavy, or the latest [`HEAVY_WEEKS`]
/// weeks with a check-in all read heavy on average. Check-ins with no answer to a
/// current question are left out. `checkins` may be in any order.
pub fn long_heavy_stretch(checkins: &[Checkin], set: &ItemSet) -> bool {
    let mut read: Vec<(DateTime<Utc>, f32)> = checkins
        .iter()
        .filter_map(|c| overall_strain(&c.answers, set).map(|s| (c.taken_at, s)))
        .collect();
    read.sort_by_key(|r| r.0);
    let in_a_row = read.len() >= HEAVY_CHECKINS_IN_A_ROW
        && read
            .iter()
            .rev()
            .take(HEAVY_CHECKINS_IN_A_ROW)
            .all(|(_, s)| is_heavy(*s));
    let mut weeks: BTreeMap<NaiveDate, Vec<f32>> = BTreeMap::new();
    for (at, strain) in &read {
        weeks.entry(week_start(*at)).or_default().push(*strain);
    }
    let heavy_weeks = weeks.len() >= HEAVY_WEEKS
        && weeks
            .values()
            .rev()
            .take(HEAVY_WEEKS)
            .all(|w| mean(w.iter().copied()).is_some_and(|m| is_heavy(one_decimal(m))));
    in_a_row || heavy_weeks
}

/// Gentle suggestions for a check-in's answers: the overall one when the overall
/// strain is high (first, since it points to supervision), then one per item whose
/// strain is high, heaviest first; at most [`MAX_SUGGESTIONS`].
pub fn suggestions(answers: &[CheckinAnswer], set: &ItemSet) -> Vec<Suggestion> {
    let mut out = Vec::new();
    if overall_strain(answers, set).is_some_and(is_heavy) {
        if let Some(text) = set.suggestion(None) {
            out.push(Suggestion {
                item_id: None,
                text: text.to_string(),
            });
        }
    }
    let mut heavy: Vec<(u8, usize, &CheckinItem)> = known(answers, set)
        .map(|(item, v)| (strain(item.direction, v), item))
        .filter(|(s, _)| *s >= ITEM_STRAIN_HIGH)
        .map(|(s, item)| {
            let order = set.items.iter().position(|i| i.id == item.id).unwrap_or(0);
            (s, order, item)
        })
        .collect();
    // Heaviest first; ties keep the order of the questions.
    heavy.sort_by_key(|(s, order, _)| (std::cmp::Reverse(*s), *order));
    for (_, _, item) in heavy {
        if let Some(text) = set.suggestion(Some(&item.id)) {
            out.push(Suggestion {
                item_id: Some(item.id.clone()),
                text: text.to_string(),
            });
        }
    }
    out.truncate(MAX_SUGGESTIONS);
    out
}

/// Check a new check-in against `set`; returns the tidied note.
fn validate(input: &NewCheckin, set: &ItemSet) -> Result<Option<String>> {
    if input.answers.is_empty() {
        return Err(Error::invalid(
            "Answer at least one question. Any of them can be skipped, but not all.",
        ));
    }
    let mut seen = HashSet::new();
    for answer in &input.answers {
        if set.item(&answer.item_id).is_none() {
            return Err(Error::invalid(
                "One answer is for a question this check-in does not ask.",
            ));
        }
        if !seen.insert(answer.item_id.as_str()) {
            return Err(Error::invalid(
                "A question was answered twice; give each question one answer.",
            ));
        }
        if answer.value > MAX_VALUE {
            return Err(Error::invalid(format!(
                "Each answer is a number from 0 to {MAX_VALUE}."
            )));
        }
    }
    let note = input
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    if note.is_some_and(|n| n.chars().count() > MAX_NOTE_CHARS) {
        return Err(Error::invalid(format!(
            "A check-in note can be up to {MAX_NOTE_CHARS} characters."
        )));
    }
    Ok(note.map(str::to_string))
}

/// Whole days from `then` to `now` (0 if `then` is in the future).
fn days_between(then: DateTime<Utc>, now: DateTime<Utc>) -> u32 {
    u32::try_from((now - then).num_days().max(0)).unwrap_or(u32::MAX)
}

fn week_start(at: DateTime<Utc>) -> NaiveDate {
    let day = at.date_naive();
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// The check-ins of the period `request` names, oldest first.
fn in_period<'a>(
    checkins: &'a [Checkin],
    request: &TrendsRequest,
    now: DateTime<Utc>,
) -> Vec<&'a Checkin> {
    let since = match request.weeks {
        0 => None,
        // A period reaching back before the calendar begins covers everything.
        weeks => now.checked_sub_signed(Duration::weeks(i64::from(weeks))),
    };
    let mut period: Vec<&Checkin> = checkins
        .iter()
        .filter(|c| since.is_none_or(|s| c.taken_at >= s))
        .collect();
    period.sort_by_key(|c| (c.taken_at, c.id));
    period
}

/// Trends of `checkins` over the period `request` names, read against `set`.
pub fn trends(
    checkins: &[Checkin],
    set: &ItemSet,
    request: &TrendsRequest,
    now: DateTime<Utc>,
) -> Trends {
    let period = in_period(checkins, request, now);

    let items = set
        .items
        .iter()
        .map(|item| {
            let points: Vec<TrendPoint> = period
                .iter()
                .filter_map(|c| {
                    c.answers
                        .iter()
                        .find(|a| a.item_id == item.id)
                        .map(|a| TrendPoint {
                            at: c.taken_at,
                            value: a.value,
                        })
                })
                .collect();
            ItemTrend {
                item_id: item.id.clone(),
                label: item.label.clone(),
                direction: item.direction,
                latest: points.last().map(|p| p.value),
                average: mean(points.iter().map(|p| f32::from(p.value))).map(one_decimal),
                points,
            }
        })
        .collect();

    let overall: Vec<OverallPoint> = period
        .iter()
        .filter_map(|c| {
            overall_strain(&c.answers, set).map(|strain| OverallPoint {
                at: c.taken_at,
                strain,
            })
        })
        .collect();

    let mut weeks: BTreeMap<NaiveDate, Vec<f32>> = BTreeMap::new();
    for point in &overall {
        weeks
            .entry(week_start(point.at))
            .or_default()
            .push(point.strain);
    }
    let weekly = weeks
        .into_iter()
        .filter_map(|(week_start, strains)| {
            Some(WeekSummary {
                week_start,
                overall_mean: one_decimal(mean(strains.iter().copied())?),
                count: u32::try_from(strains.len()).unwrap_or(u32::MAX),
            })
        })
        .collect();

    let days_since_last = checkins
        .iter()
        .map(|c| c.taken_at)
        .max()
        .map(|last| days_between(last, now));
    Trends {
        items,
        overall,
        weekly,
        nudge: days_since_last.is_none_or(|d| d >= NUDGE_AFTER_DAYS),
        days_since_last,
        count: u32::try_from(period.len()).unwrap_or(u32::MAX),
        long_heavy_stretch: long_heavy_stretch(checkins, set),
    }
}

impl Journal {
    /// Decrypt every check-in into memory (at unlock); unreadable ones are reported.
    pub(super) fn load_checkins(&mut self) -> Result<()> {
        let loaded = records::load_all::<Checkin>(&self.vault)?;
        self.damaged.extend(loaded.damaged);
        let mut loaded: Vec<Checkin> = loaded.records.into_iter().map(|s| s.value).collect();
        loaded.sort_by_key(|c| (c.taken_at, c.id));
        self.checkins = loaded;
        Ok(())
    }

    /// Every readable check-in, oldest first.
    pub fn checkins(&self) -> &[Checkin] {
        &self.checkins
    }

    /// The check-ins of the period `request` names, newest first.
    pub fn checkins_since(
        &self,
        request: &TrendsRequest,
        now: DateTime<Utc>,
    ) -> Result<Vec<Checkin>> {
        Ok(in_period(&self.checkins, request, now)
            .into_iter()
            .rev()
            .cloned()
            .collect())
    }

    /// Validate and save a check-in, durably; returns it with its reading and suggestions.
    pub fn save_checkin(
        &mut self,
        mut input: NewCheckin,
        now: DateTime<Utc>,
    ) -> Result<CheckinSaved> {
        let set = ItemSet::builtin()?;
        let note = validate(&input, set);
        // The note as typed is copied (trimmed) into the check-in; wipe the original.
        input.note.zeroize();
        let note = note?;
        let checkin = Checkin {
            id: CheckinId(random_id()?),
            taken_at: now,
            item_set_version: set.version,
            answers: input.answers.clone(),
            note,
        };
        records::seal(&self.vault, checkin.id.0, CHECKIN_REVISION, &checkin)?.put(&self.vault)?;
        let mut saved = CheckinSaved {
            overall: overall_strain(&checkin.answers, set),
            suggestions: suggestions(&checkin.answers, set),
            checkin: checkin.clone(),
            long_heavy_stretch: false,
        };
        // Keep the list in time order (a clock set back still sorts correctly).
        let at = self
            .checkins
            .partition_point(|c| (c.taken_at, c.id) <= (checkin.taken_at, checkin.id));
        self.checkins.insert(at, checkin);
        saved.long_heavy_stretch = long_heavy_stretch(&self.checkins, set);
        Ok(saved)
    }

    /// Trends over the period `request` names, as of `now`.
    pub fn checkin_trends(&self, request: &TrendsRequest, now: DateTime<Utc>) -> Result<Trends> {
        Ok(trends(&self.checkins, ItemSet::builtin()?, request, now))
    }

    /// Delete a check-in for good; also removes a damaged check-in record by its id.
    pub fn delete_checkin(&mut self, id: &CheckinId) -> Result<()> {
        let store = self.vault.store();
        if let Some(at) = self.checkins.iter().position(|c| c.id == *id) {
            store.delete_record(Table::Checkins, &id.0)?;
            self.checkins.remove(at);
            return Ok(());
        }
        let hex = id.to_hex();
        if self.damaged.iter().any(|d| d.id.as_deref() == Some(&hex))
            && store.delete_record(Table::Checkins, &id.0)?
        {
            self.damaged.retain(|d| d.id.as_deref() != Some(&hex));
            return Ok(());
        }
        Err(Error::not_found("check-in"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_item_set_is_valid() {
        let set = ItemSet::parse(ITEM_SET_JSON).unwrap();
        assert_eq!(set.items.len(), 6);
        for id in [
            "energy",
            "exhaustion",
            "intrusive",
            "effectiveness",
            "support",
            "sleep",
        ] {
            assert!(set.item(id).is_some(), "{id}");
        }
        assert!(ItemSet::builtin().is_ok());
    }

    #[test]
    fn the_about_text_says_what_the_check_in_is_not_and_where_to_turn() {
        let set = ItemSet::builtin().unwrap();
        for needed in [
            "not a validated measure",
            "not a diagnosis",
            "ProQOL",
            "Copenhagen Burnout Inventory",
            "Secondary Traumatic Stress Scale",
            "supervisor",
            "employee assistance program",
            "not a crisis service",
            "call or text a crisis line",
            "emergency",
        ] {
            assert!(set.about.contains(needed), "about lacks {needed:?}");
        }
        for needed in [
            "supervisor",
            "employee assistance program",
            "doctor or therapist",
        ] {
            assert!(
                set.resources.iter().any(|r| r.contains(needed)),
                "resources lack {needed:?}"
            );
        }
        // The crisis line and emergency services are not among them: the app names those
        // first, with the person's own numbers where they set them.
        assert!(!set
            .resources
            .iter()
            .any(|r| r.contains("crisis line") || r.contains("emergency")));
        for needed in ["doctor", "therapist", "employee assistance program"] {
            assert!(
                set.long_stretch.contains(needed),
                "long_stretch lacks {needed:?}"
            );
        }
    }

    #[test]
    fn the_direction_of_each_item_is_as_designed() {
        let set = ItemSet::builtin().unwrap();
        let harder = |id: &str| set.item(id).unwrap().direction == Direction::HigherIsHarder;
        assert!(harder("exhaustion") && harder("intrusive"));
        for id in ["energy", "effectiveness", "support", "sleep"] {
            assert!(!harder(id), "{id}");
        }
    }

    fn builtin_value() -> serde_json::Value {
        serde_json::from_str(ITEM_SET_JSON).unwrap()
    }

    fn rejected(edit: impl FnOnce(&mut serde_json::Value)) -> String {
        let mut v = builtin_value();
        edit(&mut v);
        ItemSet::parse(&v.to_string()).unwrap_err()
    }

    #[test]
    fn broken_item_sets_are_refused() {
        assert!(rejected(|v| v["items"][1]["id"] = "energy".into()).contains("repeated"));
        assert!(rejected(|v| v["items"][0]["id"] = "note".into()).contains("reserved"));
        assert!(rejected(|v| v["items"][0]["id"] = "Energy Level".into()).contains("lowercase"));
        assert!(rejected(|v| v["items"][0]["label"] = "".into()).contains("empty"));
        assert!(
            rejected(|v| v["items"][0]["question"] = "x".repeat(400).into()).contains("longer")
        );
        assert!(rejected(|v| v["items"][0]["question"] = "Tell me".into()).contains("question"));
        assert!(rejected(|v| v["format"] = 2.into()).contains("format"));
        assert!(rejected(|v| v["items"][0]["direction"] = "sideways".into()).contains("not valid"));
        assert!(rejected(|v| {
            v["suggestions"].as_array_mut().unwrap().remove(1);
        })
        .contains("one suggestion"));
        assert!(rejected(|v| v["suggestions"][1]["item_id"] = "nope".into()).contains("unknown"));
        assert!(rejected(|v| v["resources"] = serde_json::json!([])).contains("resources"));
        assert!(rejected(|v| v["extra"] = 1.into()).contains("not valid"));
    }
}
