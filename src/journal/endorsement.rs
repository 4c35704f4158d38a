//! Endorsement: the rules per category and the member associations (data files under
//! `content/endorsement/`, validated here), the person's choice of association and
//! category (in the settings), and the maths: for a target (earning a category over
//! a rolling window ending today, or the yearly renewal), the RS/C hours received and
//! the training hours in the period, and what is still missing.
//!
//! Everything here is pure over the sessions and trainings given; it reads no clock.
//!
//! **The renewal year.** A renewal is named by its year YEAR. Its due date is the
//! association's (or the person's own) month and day: a due date from July to
//! December falls in YEAR (12/31 → Dec 31 YEAR, 12/15 → Dec 15 YEAR), one from January
//! to June falls in YEAR + 1 (1/31 → Jan 31 YEAR + 1, the renewal of YEAR's work).
//! The period counted is the twelve months that end on the due date: Jan 1 – Dec 31
//! for 12/31, and Feb 1 YEAR – Jan 31 YEAR + 1 for 1/31. Some associations count the
//! calendar year and allow January for the paperwork; setting the due date to 12-31
//! gives that reading. Associations differ; the person's association decides.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::sessions::{defuse_formula, SessionFormat, SessionRole, SupervisionSession};
use super::training::Training;
use crate::{Error, Result};

const RULES_JSON: &str = include_str!("../../content/endorsement/rules.json");
const ASSOCIATIONS_JSON: &str = include_str!("../../content/endorsement/associations.json");

/// How sure we are of a fact in the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    High,
    Medium,
    Low,
}

/// A named source of the facts.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub name: String,
    pub note: String,
}

/// A training topic ("rsc", "dei", "other").
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    pub label: String,
}

/// What earning a category asks of RS/C.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct EarningRule {
    pub rsc_hours: u32,
    pub window_months_min: u32,
    pub window_months_max: u32,
}

/// What the yearly renewal asks.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct RenewalRule {
    /// None where the category asks no RS/C.
    pub rsc_hours: Option<u32>,
    pub training_hours: u32,
}

/// One Endorsement category and its rules.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub name: String,
    pub short: String,
    /// None where earning the category asks no RS/C hours.
    pub earning: Option<EarningRule>,
    pub renewal: RenewalRule,
    pub source: String,
    pub confidence: Confidence,
    pub note: String,
}

/// Rules that hold across categories.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct GeneralRules {
    pub individual_and_group_count: bool,
    pub peer_counts: bool,
    pub max_providers: u32,
    pub source: String,
    pub note: String,
    pub confidence: Confidence,
}

/// content/endorsement/rules.json.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Rules {
    pub gathered: NaiveDate,
    pub note: String,
    pub sources: Vec<Source>,
    pub topics: Vec<Topic>,
    pub general: GeneralRules,
    pub categories: Vec<Category>,
}

/// A minimum of training hours on one topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct TopicMinimum {
    pub topic: String,
    pub hours: u32,
    /// Only for people who provide RS/C themselves (sessions logged as giving).
    #[serde(default)]
    pub only_for_providers: bool,
}

/// One member association.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Association {
    pub id: String,
    pub name: String,
    pub region: String,
    /// "MM-DD".
    pub renewal_due: String,
    pub confidence: Confidence,
    pub topic_minimums: Vec<TopicMinimum>,
    pub note: Option<String>,
}

/// content/endorsement/associations.json.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Associations {
    pub gathered: NaiveDate,
    pub source: String,
    pub note: String,
    pub associations: Vec<Association>,
}

/// Both data files, as the app shows them for choosing.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct EndorsementData {
    pub rules: Rules,
    pub associations: Associations,
}

/// The person's association and category, and their own overrides (rules change).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct EndorsementChoice {
    /// An association id from the data; none when not chosen.
    pub association: Option<String>,
    /// A category id from the data; none when not chosen.
    pub category: Option<String>,
    /// My own renewal due date, "MM-DD", over the association's.
    pub renewal_due: Option<String>,
    /// My own renewal RS/C hours, over the category's.
    pub rsc_hours: Option<u32>,
    /// My own renewal training hours, over the category's.
    pub training_hours: Option<u32>,
}

fn parse_rules() -> std::result::Result<Rules, String> {
    let rules: Rules = serde_json::from_str(RULES_JSON).map_err(|e| e.to_string())?;
    validate_rules(&rules)?;
    Ok(rules)
}

fn parse_associations() -> std::result::Result<Associations, String> {
    let list: Associations = serde_json::from_str(ASSOCIATIONS_JSON).map_err(|e| e.to_string())?;
    validate_associations(&list, &parse_rules()?)?;
    Ok(list)
}

/// The rules, read once from the data file built in (checked by a test).
pub fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        parse_rules().unwrap_or_else(|_| Rules {
            gathered: NaiveDate::MIN,
            note: String::new(),
            sources: Vec::new(),
            topics: Vec::new(),
            general: GeneralRules {
                individual_and_group_count: true,
                peer_counts: false,
                max_providers: 2,
                source: String::new(),
                note: String::new(),
                confidence: Confidence::Low,
            },
            categories: Vec::new(),
        })
    })
}

/// The member associations, read once from the data file built in.
pub fn associations() -> &'static Associations {
    static LIST: OnceLock<Associations> = OnceLock::new();
    LIST.get_or_init(|| {
        parse_associations().unwrap_or_else(|_| Associations {
            gathered: NaiveDate::MIN,
            source: String::new(),
            note: String::new(),
            associations: Vec::new(),
        })
    })
}

/// Both data files.
pub fn data() -> EndorsementData {
    EndorsementData {
        rules: rules().clone(),
        associations: associations().clone(),
    }
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 40
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A "MM-DD" due date (never 02-29: a due date comes every year).
pub fn parse_due(text: &str) -> Option<(u32, u32)> {
    let (m, d) = text.split_once('-')?;
    if m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (m, d) = (m.parse().ok()?, d.parse().ok()?);
    NaiveDate::from_ymd_opt(2025, m, d).map(|_| (m, d))
}

/// Check the rules file: ids well formed and unique, every source named exists,
/// windows and hours sensible, and the categories Endorsement has are all there.
pub fn validate_rules(rules: &Rules) -> std::result::Result<(), String> {
    let mut seen = std::collections::HashSet::new();
    for s in &rules.sources {
        if !is_id(&s.id) || !seen.insert(s.id.as_str()) || s.name.trim().is_empty() {
            return Err(format!("source {:?}: bad or repeated id, or no name", s.id));
        }
    }
    let known_source = |id: &str| rules.sources.iter().any(|s| s.id == id);
    if !known_source(&rules.general.source) {
        return Err("general: unknown source".into());
    }
    if rules.general.peer_counts || rules.general.max_providers == 0 {
        return Err("general: peer supervision never counts; at least one provider".into());
    }
    let mut topics = std::collections::HashSet::new();
    for t in &rules.topics {
        if !is_id(&t.id) || !topics.insert(t.id.as_str()) || t.label.trim().is_empty() {
            return Err(format!("topic {:?}: bad or repeated id, or no label", t.id));
        }
    }
    let mut ids = std::collections::HashSet::new();
    for c in &rules.categories {
        if !is_id(&c.id) || !ids.insert(c.id.as_str()) {
            return Err(format!("category {:?}: bad or repeated id", c.id));
        }
        if c.name.trim().is_empty() || c.short.trim().is_empty() || c.note.trim().is_empty() {
            return Err(format!(
                "category {}: name, short name and note are needed",
                c.id
            ));
        }
        if !known_source(&c.source) {
            return Err(format!("category {}: unknown source {:?}", c.id, c.source));
        }
        if let Some(e) = &c.earning {
            if e.rsc_hours == 0
                || e.window_months_min == 0
                || e.window_months_min > e.window_months_max
                || e.window_months_max > 60
            {
                return Err(format!("category {}: earning window or hours", c.id));
            }
        }
        if c.renewal.training_hours == 0 || c.renewal.rsc_hours == Some(0) {
            return Err(format!("category {}: renewal hours", c.id));
        }
    }
    for id in ["ifa", "ifs", "imhs", "imhm-c", "imhm-p", "imhm-rf"] {
        if !ids.contains(id) {
            return Err(format!("category {id} is missing"));
        }
    }
    Ok(())
}

/// Check the associations file: ids unique, due dates real, topic minimums name known
/// topics, and "other" is there for everyone else.
pub fn validate_associations(
    list: &Associations,
    rules: &Rules,
) -> std::result::Result<(), String> {
    if list.source.trim().is_empty() {
        return Err("associations: a source is needed".into());
    }
    let mut ids = std::collections::HashSet::new();
    for a in &list.associations {
        if !is_id(&a.id) || !ids.insert(a.id.as_str()) || a.name.trim().is_empty() {
            return Err(format!(
                "association {:?}: bad or repeated id, or no name",
                a.id
            ));
        }
        if parse_due(&a.renewal_due).is_none() {
            return Err(format!(
                "association {}: due date {:?}",
                a.id, a.renewal_due
            ));
        }
        for m in &a.topic_minimums {
            if m.hours == 0 || !rules.topics.iter().any(|t| t.id == m.topic) {
                return Err(format!("association {}: topic minimum {:?}", a.id, m.topic));
            }
        }
    }
    if !ids.contains("other") {
        return Err("associations: \"other\" is missing".into());
    }
    Ok(())
}

/// A category by id or short name, either case ("imhs", "IMHS", "IMHM-C").
pub fn category(typed: &str) -> Option<&'static Category> {
    let typed = typed.trim();
    rules()
        .categories
        .iter()
        .find(|c| c.id.eq_ignore_ascii_case(typed) || c.short.eq_ignore_ascii_case(typed))
}

/// An association by id.
pub fn association(id: &str) -> Option<&'static Association> {
    associations().associations.iter().find(|a| a.id == id)
}

/// Check the choice kept in the settings.
pub fn validate_choice(choice: &EndorsementChoice) -> Result<()> {
    if choice
        .association
        .as_deref()
        .is_some_and(|a| association(a).is_none())
    {
        return Err(Error::invalid(
            "That association is not on the list; choose \"Another association\" instead.",
        ));
    }
    if choice
        .category
        .as_deref()
        .is_some_and(|c| category(c).is_none())
    {
        return Err(Error::invalid(
            "That Endorsement category is not on the list.",
        ));
    }
    if choice
        .renewal_due
        .as_deref()
        .is_some_and(|d| parse_due(d).is_none())
    {
        return Err(Error::invalid(
            "Give the renewal due date as month-day, such as 12-31 or 01-31.",
        ));
    }
    if choice.rsc_hours.is_some_and(|h| h > 200) || choice.training_hours.is_some_and(|h| h > 200) {
        return Err(Error::invalid("Hours can be set from 0 to 200."));
    }
    Ok(())
}

/// Earning a category, or a year's renewal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    Earning,
    Renewal,
}

/// One provider's share of the hours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ProviderMinutes {
    pub name: String,
    pub minutes: u32,
}

/// The RS/C part of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RscFigures {
    /// None when the target asks no RS/C hours.
    pub required_hours: Option<u32>,
    /// Received, counting toward Endorsement, peer left out.
    pub counted_minutes: u32,
    pub individual_minutes: u32,
    pub group_minutes: u32,
    pub sessions_counted: u32,
    /// Providers, most hours first; the first is the main one.
    pub providers: Vec<ProviderMinutes>,
    pub main_provider_minutes: u32,
    pub other_providers_minutes: u32,
    /// Left out: peer consultation.
    pub peer_minutes: u32,
    /// Left out: sessions I gave.
    pub given_minutes: u32,
    /// Left out: sessions I marked as not counting.
    pub not_counted_minutes: u32,
}

/// Training hours on one topic.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct TopicHours {
    pub topic: String,
    pub label: String,
    pub hours: f64,
    pub minimum: Option<u32>,
}

/// The training part of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct TrainingFigures {
    /// None when the target asks no training hours here (earning).
    pub required_hours: Option<u32>,
    pub hours: f64,
    pub trainings: u32,
    pub topics: Vec<TopicHours>,
}

/// What I have and what is missing, for one target.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct EndorsementReport {
    pub kind: TargetKind,
    /// The renewal year; none when earning.
    pub year: Option<i32>,
    pub category_id: String,
    pub category_name: String,
    pub association_name: Option<String>,
    /// The period counted, both days included.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The renewal due date; none when earning.
    pub due: Option<NaiveDate>,
    pub rsc: RscFigures,
    pub training: TrainingFigures,
    /// What is still missing, in plain sentences; empty when nothing is.
    pub missing: Vec<String>,
    /// Gentle notes: a third provider, a peer session marked as counting, and so on.
    pub notes: Vec<String>,
    /// Associations differ; the person's decides.
    pub caveat: String,
    /// Where the rules come from, and how sure we are.
    pub sources: Vec<String>,
}

/// What the report is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Earning the category: a rolling window ending `today`.
    Earning { today: NaiveDate },
    /// The renewal of `year`.
    Renewal { year: i32 },
}

/// The rules that apply: category, association and the person's overrides.
#[derive(Debug, Clone)]
pub struct Plan<'a> {
    pub category: &'a Category,
    pub association: Option<&'a Association>,
    pub due: (u32, u32),
    pub renewal_rsc_hours: Option<u32>,
    pub renewal_training_hours: u32,
    pub max_providers: u32,
}

impl<'a> Plan<'a> {
    /// The plan from the data and the person's choice; `category` over the choice's.
    pub fn new(
        rules: &'a Rules,
        associations: &'a Associations,
        choice: &EndorsementChoice,
        category: Option<&str>,
    ) -> Result<Self> {
        let typed = category.or(choice.category.as_deref()).ok_or_else(|| {
            Error::invalid(
                "Choose your Endorsement category in Settings first, or name one (such as IMHS).",
            )
        })?;
        let typed = typed.trim();
        let category = rules
            .categories
            .iter()
            .find(|c| c.id.eq_ignore_ascii_case(typed) || c.short.eq_ignore_ascii_case(typed))
            .ok_or_else(|| {
                let names: Vec<&str> = rules.categories.iter().map(|c| c.short.as_str()).collect();
                Error::invalid(format!(
                    "Endorsement categories are {}; \"{typed}\" is not one of them.",
                    names.join(", ")
                ))
            })?;
        let association = choice
            .association
            .as_deref()
            .and_then(|id| associations.associations.iter().find(|a| a.id == id));
        let due = choice
            .renewal_due
            .as_deref()
            .or(association.map(|a| a.renewal_due.as_str()))
            .and_then(parse_due)
            .unwrap_or((12, 31));
        Ok(Self {
            category,
            association,
            due,
            renewal_rsc_hours: choice.rsc_hours.or(category.renewal.rsc_hours),
            renewal_training_hours: choice
                .training_hours
                .unwrap_or(category.renewal.training_hours),
            max_providers: rules.general.max_providers,
        })
    }
}

/// The due date and period of the renewal of `year` (see the module notes).
pub fn renewal_period(year: i32, due: (u32, u32)) -> Option<(NaiveDate, NaiveDate)> {
    let due_year = if due.0 <= 6 {
        year.checked_add(1)?
    } else {
        year
    };
    let to = NaiveDate::from_ymd_opt(due_year, due.0, due.1)?;
    let from = to.checked_sub_months(Months::new(12))?.succ_opt()?;
    Some((from, to))
}

/// The rolling window of `months` ending `today`, both days included.
pub fn rolling_window(today: NaiveDate, months: u32) -> Option<NaiveDate> {
    today.checked_sub_months(Months::new(months))?.succ_opt()
}

/// Hours in hundredths, so sums are exact.
fn hundredths(hours: f64) -> u64 {
    (hours * 100.0).round().max(0.0) as u64
}

fn hours_of_minutes(minutes: u32) -> String {
    trim_hours(f64::from(minutes) / 60.0)
}

fn trim_hours(hours: f64) -> String {
    let text = format!("{hours:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn plural(hours: &str) -> &'static str {
    if hours == "1" {
        "hour"
    } else {
        "hours"
    }
}

/// What I have and what is missing for `target`, from `sessions` and `trainings`.
pub fn report(
    plan: &Plan<'_>,
    target: Target,
    sessions: &[SupervisionSession],
    trainings: &[Training],
) -> Result<EndorsementReport> {
    let rules = rules();
    let (kind, year, from, to, due, rsc_required, training_required) = match target {
        Target::Earning { today } => {
            let months = plan
                .category
                .earning
                .as_ref()
                .map_or(24, |e| e.window_months_max);
            let from = rolling_window(today, months)
                .ok_or_else(|| Error::invalid("That date is out of range."))?;
            let required = plan.category.earning.as_ref().map(|e| e.rsc_hours);
            (TargetKind::Earning, None, from, today, None, required, None)
        }
        Target::Renewal { year } => {
            let (from, to) = renewal_period(year, plan.due)
                .filter(|_| (1900..=9998).contains(&year))
                .ok_or_else(|| Error::invalid("Give a year such as 2026."))?;
            (
                TargetKind::Renewal,
                Some(year),
                from,
                to,
                Some(to),
                plan.renewal_rsc_hours.filter(|h| *h > 0),
                Some(plan.renewal_training_hours),
            )
        }
    };
    let within = |d: NaiveDate| d >= from && d <= to;

    // RS/C received in the period.
    let mut rsc = RscFigures {
        required_hours: rsc_required,
        counted_minutes: 0,
        individual_minutes: 0,
        group_minutes: 0,
        sessions_counted: 0,
        providers: Vec::new(),
        main_provider_minutes: 0,
        other_providers_minutes: 0,
        peer_minutes: 0,
        given_minutes: 0,
        not_counted_minutes: 0,
    };
    let mut notes = Vec::new();
    let mut peer_marked_counting = 0u32;
    // Keyed by the name folded, holding the first spelling seen.
    let mut providers: BTreeMap<String, ProviderMinutes> = BTreeMap::new();
    let mut in_period: Vec<&SupervisionSession> =
        sessions.iter().filter(|s| within(s.date)).collect();
    in_period.sort_by_key(|s| (s.date, s.created_at, s.id));
    for s in in_period {
        let d = &s.details;
        if s.role == SessionRole::Giving {
            rsc.given_minutes = rsc.given_minutes.saturating_add(s.minutes);
            continue;
        }
        if d.peer {
            rsc.peer_minutes = rsc.peer_minutes.saturating_add(s.minutes);
            if d.counts_toward_endorsement {
                peer_marked_counting += 1;
            }
            continue;
        }
        if !d.counts_toward_endorsement {
            rsc.not_counted_minutes = rsc.not_counted_minutes.saturating_add(s.minutes);
            continue;
        }
        rsc.counted_minutes = rsc.counted_minutes.saturating_add(s.minutes);
        rsc.sessions_counted += 1;
        let slot = match s.format {
            SessionFormat::Individual => &mut rsc.individual_minutes,
            SessionFormat::Group => &mut rsc.group_minutes,
        };
        *slot = slot.saturating_add(s.minutes);
        let name = d.provider_or(&s.with_whom).trim();
        let entry = providers
            .entry(name.to_lowercase())
            .or_insert_with(|| ProviderMinutes {
                name: name.to_string(),
                minutes: 0,
            });
        entry.minutes = entry.minutes.saturating_add(s.minutes);
    }
    let mut providers: Vec<ProviderMinutes> = providers.into_values().collect();
    providers.sort_by(|a, b| b.minutes.cmp(&a.minutes).then_with(|| a.name.cmp(&b.name)));
    rsc.main_provider_minutes = providers.first().map_or(0, |p| p.minutes);
    rsc.other_providers_minutes = rsc.counted_minutes - rsc.main_provider_minutes;
    if providers.len() > plan.max_providers as usize {
        notes.push(format!(
            "These hours come from {} providers. Endorsement usually asks for most hours from one main provider and the rest from at most one other; your association decides which hours count.",
            providers.len()
        ));
    }
    rsc.providers = providers;
    if peer_marked_counting > 0 {
        notes.push(if peer_marked_counting == 1 {
            "One session is marked both peer consultation and counting. Peer consultation never counts toward Endorsement, so its hours are left out here.".to_string()
        } else {
            format!("{peer_marked_counting} sessions are marked both peer consultation and counting. Peer consultation never counts toward Endorsement, so their hours are left out here.")
        });
    }
    if rsc.given_minutes > 0 {
        let h = hours_of_minutes(rsc.given_minutes);
        notes.push(format!(
            "{h} {} you gave as a supervisor or consultant are left out: Endorsement counts RS/C you receive.",
            plural(&h)
        ));
    }

    // Training in the period.
    let is_provider = rsc.given_minutes > 0;
    let minimums: Vec<&TopicMinimum> = match (kind, plan.association) {
        (TargetKind::Renewal, Some(a)) => a
            .topic_minimums
            .iter()
            .filter(|m| !m.only_for_providers || is_provider)
            .collect(),
        _ => Vec::new(),
    };
    let mut total = 0u64;
    let mut count = 0u32;
    let mut by_topic: BTreeMap<&str, u64> = BTreeMap::new();
    for t in trainings.iter().filter(|t| within(t.date)) {
        let h = hundredths(t.hours);
        total += h;
        count += 1;
        for topic in &t.topics {
            *by_topic.entry(topic.as_str()).or_default() += h;
        }
    }
    let topics: Vec<TopicHours> = rules
        .topics
        .iter()
        .map(|t| TopicHours {
            topic: t.id.clone(),
            label: t.label.clone(),
            hours: by_topic.get(t.id.as_str()).copied().unwrap_or(0) as f64 / 100.0,
            minimum: minimums
                .iter()
                .filter(|m| m.topic == t.id)
                .map(|m| m.hours)
                .max(),
        })
        .collect();
    let training = TrainingFigures {
        required_hours: training_required,
        hours: total as f64 / 100.0,
        trainings: count,
        topics,
    };

    // What is missing.
    let mut missing = Vec::new();
    if let Some(req) = rsc.required_hours {
        let need = u64::from(req) * 60;
        let have = u64::from(rsc.counted_minutes);
        if have < need {
            let left = hours_of_minutes(u32::try_from(need - have).unwrap_or(u32::MAX));
            missing.push(format!(
                "{left} more {} of RS/C received ({} of {req} so far).",
                plural(&left),
                hours_of_minutes(rsc.counted_minutes)
            ));
        }
    }
    if let Some(req) = training.required_hours {
        let need = u64::from(req) * 100;
        if total < need {
            let left = trim_hours((need - total) as f64 / 100.0);
            missing.push(format!(
                "{left} more {} of training ({} of {req} so far).",
                plural(&left),
                trim_hours(training.hours)
            ));
        }
    }
    for t in &training.topics {
        if let Some(min) = t.minimum {
            let need = u64::from(min) * 100;
            let have = hundredths(t.hours);
            if have < need {
                let left = trim_hours((need - have) as f64 / 100.0);
                missing.push(format!(
                    "{left} more {} of training on {} ({} of {min} so far).",
                    plural(&left),
                    t.label.to_lowercase(),
                    trim_hours(t.hours)
                ));
            }
        }
    }
    if let (TargetKind::Earning, Some(e)) = (kind, &plan.category.earning) {
        notes.push(format!(
            "Earning {} asks for the hours over {} to {} months; this counts the last {} months.",
            plan.category.short, e.window_months_min, e.window_months_max, e.window_months_max
        ));
    }
    if plan.association.is_none() {
        notes.push(
            "No association chosen: the due date is taken as December 31. Choose yours in Settings."
                .to_string(),
        );
    }

    let source_name = |id: &str| {
        rules
            .sources
            .iter()
            .find(|s| s.id == id)
            .map_or_else(|| id.to_string(), |s| s.name.clone())
    };
    let confidence = |c: Confidence| match c {
        Confidence::High => "high",
        Confidence::Medium => "medium",
        Confidence::Low => "low",
    };
    let mut sources = vec![
        format!(
            "{} ({}): {} Confidence: {}.",
            plan.category.name,
            source_name(&plan.category.source),
            plan.category.note,
            confidence(plan.category.confidence)
        ),
        format!(
            "Providers and peer consultation ({}): {} Confidence: {}.",
            source_name(&rules.general.source),
            rules.general.note,
            confidence(rules.general.confidence)
        ),
    ];
    if let Some(a) = plan.association {
        sources.push(format!(
            "{}: renewal due {}{} Confidence: {}. Gathered {}.",
            a.name,
            a.renewal_due,
            a.note
                .as_deref()
                .map(|n| format!(". {n}"))
                .unwrap_or_default(),
            confidence(a.confidence),
            associations().gathered
        ));
    }

    Ok(EndorsementReport {
        kind,
        year,
        category_id: plan.category.id.clone(),
        category_name: plan.category.name.clone(),
        association_name: plan.association.map(|a| a.name.clone()),
        from,
        to,
        due,
        rsc,
        training,
        missing,
        notes,
        caveat: "Associations differ, and rules change: your association decides what counts. These figures come from what you logged here.".to_string(),
        sources,
    })
}

/// The CSV header of the sessions export for an application.
pub const SESSIONS_CSV_HEADER: &str = "date,hours,provider_name,provider_credential,type,delivery";
/// The CSV header of the training export for an application.
pub const TRAINING_CSV_HEADER: &str = "date,title,provider,hours,topics";

fn write_csv<const N: usize>(header: &str, rows: impl Iterator<Item = [String; N]>) -> String {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let _ = out.write_record(header.split(','));
    for fields in rows {
        let _ = out.write_record(fields.iter().map(|f| defuse_formula(f).into_owned()));
    }
    out.into_inner()
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
}

/// Sessions that count, from `from` to `to`, oldest first, one row each as an online
/// application asks: date, hours, provider's name and credential, individual or group,
/// in person or by video. Sessions I gave, peer consultation and sessions I marked as
/// not counting are left out; never notes or entries.
pub fn sessions_csv(sessions: &[SupervisionSession], from: NaiveDate, to: NaiveDate) -> String {
    let mut rows: Vec<&SupervisionSession> = sessions
        .iter()
        .filter(|s| {
            s.date >= from
                && s.date <= to
                && s.role == SessionRole::Receiving
                && !s.details.peer
                && s.details.counts_toward_endorsement
        })
        .collect();
    rows.sort_by_key(|s| (s.date, s.created_at, s.id));
    write_csv(
        SESSIONS_CSV_HEADER,
        rows.into_iter().map(|s| {
            [
                s.date.to_string(),
                format!("{:.2}", f64::from(s.minutes) / 60.0),
                s.details.provider_or(&s.with_whom).to_string(),
                s.details.provider_credential.clone().unwrap_or_default(),
                s.format.as_str().to_string(),
                s.details
                    .delivery
                    .map(|d| d.as_str().to_string())
                    .unwrap_or_default(),
            ]
        }),
    )
}

/// Trainings from `from` to `to`, oldest first: date, title, provider, hours and the
/// topics' names.
pub fn training_csv(trainings: &[Training], from: NaiveDate, to: NaiveDate) -> String {
    let mut rows: Vec<&Training> = trainings
        .iter()
        .filter(|t| t.date >= from && t.date <= to)
        .collect();
    rows.sort_by_key(|t| (t.date, t.created_at, t.id));
    let label = |id: &str| {
        rules()
            .topics
            .iter()
            .find(|t| t.id == id)
            .map_or_else(|| id.to_string(), |t| t.label.clone())
    };
    write_csv(
        TRAINING_CSV_HEADER,
        rows.into_iter().map(|t| {
            [
                t.date.to_string(),
                t.title.clone(),
                t.provider.clone(),
                format!("{:.2}", t.hours),
                t.topics
                    .iter()
                    .map(|id| label(id))
                    .collect::<Vec<_>>()
                    .join("; "),
            ]
        }),
    )
}

impl super::Journal {
    /// The report for `target`, with the person's choice from the settings and
    /// `category` over it.
    pub fn endorsement(&self, target: Target, category: Option<&str>) -> Result<EndorsementReport> {
        let choice = self.settings()?.endorsement.unwrap_or_default();
        let plan = Plan::new(rules(), associations(), &choice, category)?;
        report(&plan, target, &self.sessions, &self.trainings()?)
    }

    /// The period `target` covers, with the person's choice from the settings.
    pub fn endorsement_period(
        &self,
        target: Target,
        category: Option<&str>,
    ) -> Result<(NaiveDate, NaiveDate)> {
        let r = self.endorsement(target, category)?;
        Ok((r.from, r.to))
    }

    /// The counted sessions of `target`'s period as CSV for an application.
    pub fn endorsement_sessions_csv(
        &self,
        target: Target,
        category: Option<&str>,
    ) -> Result<String> {
        let (from, to) = self.endorsement_period(target, category)?;
        Ok(sessions_csv(&self.sessions, from, to))
    }

    /// The trainings of `target`'s period as CSV for an application.
    pub fn endorsement_training_csv(
        &self,
        target: Target,
        category: Option<&str>,
    ) -> Result<String> {
        let (from, to) = self.endorsement_period(target, category)?;
        Ok(training_csv(&self.trainings()?, from, to))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rules_and_associations_files_are_valid() {
        let rules = parse_rules().unwrap_or_else(|e| panic!("rules.json: {e}"));
        parse_associations().unwrap_or_else(|e| panic!("associations.json: {e}"));
        assert_eq!(
            rules
                .topics
                .iter()
                .map(|t| t.id.as_str())
                .collect::<Vec<_>>(),
            ["rsc", "dei", "other"]
        );
        let ifs = category("IFS").map(|c| c.earning.clone());
        assert_eq!(ifs.flatten().map(|e| e.rsc_hours), Some(24));
        assert_eq!(
            category("imhs")
                .and_then(|c| c.earning.as_ref())
                .map(|e| e.rsc_hours),
            Some(50)
        );
        assert_eq!(
            category("IMHM-C").and_then(|c| c.renewal.rsc_hours),
            Some(12)
        );
        assert!(category("ifa").is_some_and(|c| c.earning.is_none()));
        assert!(!rules.general.peer_counts);
        assert!(associations().associations.len() >= 10);
        assert!(association("other").is_some());
    }

    #[test]
    fn validation_catches_broken_data() {
        let good = parse_rules().unwrap_or_else(|e| panic!("{e}"));
        let mut bad = good.clone();
        bad.categories[1].source = "nowhere".into();
        assert!(validate_rules(&bad).is_err());
        let mut bad = good.clone();
        bad.general.peer_counts = true;
        assert!(validate_rules(&bad).is_err());
        let mut bad = good.clone();
        bad.categories.retain(|c| c.id != "imhm-c");
        assert!(validate_rules(&bad).is_err());
        let mut bad = good.clone();
        bad.topics.push(bad.topics[0].clone());
        assert!(validate_rules(&bad).is_err());
        let mut list = associations().clone();
        list.associations[0].renewal_due = "02-29".into();
        assert!(validate_associations(&list, &good).is_err());
        let mut list = associations().clone();
        list.associations[0].topic_minimums.push(TopicMinimum {
            topic: "knitting".into(),
            hours: 1,
            only_for_providers: false,
        });
        assert!(validate_associations(&list, &good).is_err());
    }

    #[test]
    fn due_dates_are_month_and_day() {
        assert_eq!(parse_due("12-31"), Some((12, 31)));
        assert_eq!(parse_due("01-31"), Some((1, 31)));
        for bad in ["02-29", "13-01", "1-31", "12/31", "", "12-32"] {
            assert_eq!(parse_due(bad), None, "{bad}");
        }
    }

    #[test]
    fn renewal_periods_end_on_the_due_date() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap_or(NaiveDate::MIN);
        assert_eq!(
            renewal_period(2026, (12, 31)),
            Some((d(2026, 1, 1), d(2026, 12, 31)))
        );
        assert_eq!(
            renewal_period(2026, (1, 31)),
            Some((d(2026, 2, 1), d(2027, 1, 31)))
        );
        assert_eq!(
            renewal_period(2026, (12, 15)),
            Some((d(2025, 12, 16), d(2026, 12, 15)))
        );
        assert_eq!(rolling_window(d(2026, 6, 30), 24), Some(d(2024, 7, 1)));
        assert_eq!(rolling_window(d(2024, 2, 29), 12), Some(d(2023, 3, 1)));
    }
}
