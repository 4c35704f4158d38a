//! Insights: which RIOS elements and RS/C themes a person has reflected on lately, and
//! how the "how heavy does this feel" rating (stored as `carrying`) moves week by week.
//!
//! Only guided questions and lenses are counted: free writing carries no tags. A theme
//! that has not come up is never turned into a task; heavy themes and burnout are never
//! offered because their counter is zero ([`RscTheme::invites_when_quiet`]).
//!
//! Everything is computed in memory from decrypted entries, against a `today` passed in
//! (so tests use fixed dates). The wording of the observations lives in
//! `content/insights.json`; this module only fills in the numbers.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::model::{RiosElement, RscTheme};
use super::registry::Registry;
use crate::journal::Entry;
use crate::{Error, Result};

pub const DEFAULT_WEEKS: u32 = 4;
pub const MAX_WEEKS: u32 = 52;
/// An element quiet for this many days or more is mentioned.
const QUIET_DAYS: i64 = 14;
/// A change in the weekly mean "carrying" of this much or more is mentioned.
const CARRYING_SHIFT: f32 = 2.0;

const WORDING_FILE: &str = include_str!("../../content/insights.json");

/// The observation sentences, with `{placeholders}`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Wording {
    format: u32,
    about: String,
    nothing_yet: String,
    no_entries_in_window: String,
    element_never: String,
    element_quiet: String,
    all_elements: String,
    carrying_up: String,
    carrying_down: String,
}

fn wording() -> Result<Wording> {
    let w: Wording = serde_json::from_str(WORDING_FILE)
        .map_err(|_| Error::internal("The insights wording could not be read."))?;
    if w.format != super::model::PACK_FORMAT {
        return Err(Error::internal(
            "The insights wording has an unknown format.",
        ));
    }
    Ok(w)
}

fn fill(template: &str, pairs: &[(&str, String)]) -> String {
    let mut out = template.to_string();
    for (key, value) in pairs {
        out = out.replace(&format!("{{{key}}}"), value);
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct InsightsRequest {
    /// How many weeks back to look, 1 to 52 (0 means the default, 4).
    #[serde(default)]
    pub weeks: u32,
}

/// How often one RIOS element came up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ElementCoverage {
    pub element: RiosElement,
    pub label: String,
    /// Answered prompts tagged with it, within the window.
    pub answers: u32,
    /// The latest encounter date it came up (any time up to today).
    pub last: Option<NaiveDate>,
    pub days_since: Option<u32>,
}

/// How often one RS/C theme's pack was used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ThemeCoverage {
    pub theme: RscTheme,
    pub label: String,
    /// Entries written with a pack of this theme, within the window.
    pub entries: u32,
    pub last: Option<NaiveDate>,
    pub days_since: Option<u32>,
    /// A front end may offer this theme's pack as a next reflection: the theme has not
    /// come up in the window and is not heavy or burnout.
    pub invite: bool,
}

/// The mean "carrying" rating of one ISO week.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct CarryingWeek {
    /// ISO week, e.g. "2026-W09".
    pub week: String,
    /// The Monday it starts on.
    pub starts: NaiveDate,
    pub mean: f32,
    pub count: u32,
}

/// A plain-language sentence drawn from the figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Observation {
    /// The element it is about, if one.
    pub element: Option<RiosElement>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Insights {
    /// What is counted and what the labels are (from `content/insights.json`).
    pub about: String,
    pub weeks: u32,
    /// The window, both days included.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Entries (not in the trash) with an encounter date in the window.
    pub entries: u32,
    pub elements: Vec<ElementCoverage>,
    pub themes: Vec<ThemeCoverage>,
    /// Oldest week first; weeks without a rating are left out.
    pub carrying: Vec<CarryingWeek>,
    pub observations: Vec<Observation>,
}

fn days_between(earlier: NaiveDate, today: NaiveDate) -> u32 {
    u32::try_from((today - earlier).num_days().max(0)).unwrap_or(u32::MAX)
}

#[derive(Default)]
struct Tally {
    count: u32,
    last: Option<NaiveDate>,
}

impl Tally {
    fn saw(&mut self, date: NaiveDate, in_window: bool) {
        if in_window {
            self.count += 1;
        }
        self.last = self.last.max(Some(date));
    }
}

/// Insights over `entries` (trashed ones are skipped) for the `weeks` up to `today`.
pub fn insights<'a>(
    entries: impl Iterator<Item = &'a Entry>,
    registry: &Registry,
    weeks: u32,
    today: NaiveDate,
) -> Result<Insights> {
    let weeks = match weeks {
        0 => DEFAULT_WEEKS,
        w if w > MAX_WEEKS => {
            return Err(Error::invalid(format!(
                "Insights look back 1 to {MAX_WEEKS} weeks."
            )))
        }
        w => w,
    };
    let from = today - Duration::days(i64::from(weeks) * 7 - 1);
    let mut elements: BTreeMap<RiosElement, Tally> = BTreeMap::new();
    let mut themes: BTreeMap<RscTheme, Tally> = BTreeMap::new();
    let mut carrying: BTreeMap<(i32, u32), (u32, u32)> = BTreeMap::new();
    let mut in_window_entries = 0u32;
    let mut any_tagged = false;

    for entry in entries.filter(|e| e.deleted_at.is_none() && e.encounter_date <= today) {
        let date = entry.encounter_date;
        let in_window = date >= from;
        if in_window {
            in_window_entries += 1;
            if let Some(c) = entry.carrying {
                let week = date.iso_week();
                let slot = carrying.entry((week.year(), week.week())).or_default();
                slot.0 += u32::from(c);
                slot.1 += 1;
            }
        }
        let pack = entry.prompt_pack.as_ref().and_then(|r| {
            registry
                .find(&r.id, r.version)
                .or_else(|| registry.latest(&r.id))
        });
        if let Some(theme) = pack.and_then(|p| p.theme) {
            themes.entry(theme).or_default().saw(date, in_window);
        }
        for answer in entry.answers.iter().filter(|a| a.value.is_answered()) {
            let element = registry
                .lens_for(&answer.prompt_id)
                .map(|l| l.element)
                .or_else(|| {
                    pack.and_then(|p| p.prompt(&answer.prompt_id))
                        .map(|p| p.element)
                });
            if let Some(element) = element {
                any_tagged = true;
                elements.entry(element).or_default().saw(date, in_window);
            }
        }
    }

    let elements: Vec<ElementCoverage> = RiosElement::ALL
        .iter()
        .map(|&element| {
            let tally = elements.remove(&element).unwrap_or_default();
            ElementCoverage {
                element,
                label: element.label().to_string(),
                answers: tally.count,
                last: tally.last,
                days_since: tally.last.map(|d| days_between(d, today)),
            }
        })
        .collect();
    let themes: Vec<ThemeCoverage> = RscTheme::ALL
        .iter()
        .map(|&theme| {
            let tally = themes.remove(&theme).unwrap_or_default();
            ThemeCoverage {
                theme,
                label: theme.label().to_string(),
                entries: tally.count,
                last: tally.last,
                days_since: tally.last.map(|d| days_between(d, today)),
                invite: tally.count == 0 && theme.invites_when_quiet(),
            }
        })
        .collect();
    let carrying: Vec<CarryingWeek> = carrying
        .into_iter()
        .filter_map(|((year, week), (sum, count))| {
            Some(CarryingWeek {
                week: format!("{year}-W{week:02}"),
                starts: NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?,
                mean: (sum as f32 / count as f32 * 10.0).round() / 10.0,
                count,
            })
        })
        .collect();
    let wording = wording()?;
    let observations = observe(
        &wording,
        weeks,
        in_window_entries,
        any_tagged,
        &elements,
        &carrying,
    );
    Ok(Insights {
        about: wording.about,
        weeks,
        from,
        to: today,
        entries: in_window_entries,
        elements,
        themes,
        carrying,
        observations,
    })
}

fn observe(
    w: &Wording,
    weeks: u32,
    entries: u32,
    any_tagged: bool,
    elements: &[ElementCoverage],
    carrying: &[CarryingWeek],
) -> Vec<Observation> {
    let plain = |text: String| Observation {
        element: None,
        text,
    };
    let mut out = Vec::new();
    if entries == 0 {
        out.push(plain(fill(
            &w.no_entries_in_window,
            &[("weeks", weeks.to_string())],
        )));
    }
    if !any_tagged {
        out.push(plain(w.nothing_yet.clone()));
    } else {
        let mut quiet = 0;
        for e in elements {
            let text = match e.days_since {
                None => fill(&w.element_never, &[("element", e.label.clone())]),
                Some(days) if i64::from(days) >= QUIET_DAYS => fill(
                    &w.element_quiet,
                    &[
                        ("element", e.label.clone()),
                        ("weeks", (days / 7).to_string()),
                    ],
                ),
                Some(_) => continue,
            };
            quiet += 1;
            out.push(Observation {
                element: Some(e.element),
                text,
            });
        }
        if quiet == 0 && elements.iter().all(|e| e.answers > 0) {
            out.push(plain(fill(
                &w.all_elements,
                &[("weeks", weeks.to_string())],
            )));
        }
    }
    // The latest week against the weeks before it in the window.
    if let Some((latest, earlier)) = carrying.split_last() {
        if !earlier.is_empty() {
            let (sum, count) = earlier.iter().fold((0.0f32, 0u32), |(s, n), w| {
                (s + w.mean * w.count as f32, n + w.count)
            });
            let before = sum / count.max(1) as f32;
            let pairs = [
                ("from", format!("{before:.1}")),
                ("to", format!("{:.1}", latest.mean)),
            ];
            if latest.mean - before >= CARRYING_SHIFT {
                out.push(plain(fill(&w.carrying_up, &pairs)));
            } else if before - latest.mean >= CARRYING_SHIFT {
                out.push(plain(fill(&w.carrying_down, &pairs)));
            }
        }
    }
    out
}
