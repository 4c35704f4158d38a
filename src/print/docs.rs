//! The view models, one per document, and their builders from the journal's records.
//! Facts a session may not carry (a provider's credential, in person or video, a
//! confirmation) are `Option` and print as "—".

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

use super::{hours_text, long_date, period_text, short_date, Document, PageSetup};
pub use crate::journal::Delivery;
use crate::journal::{Entry, SessionFormat, SessionRole, SupervisionSession, Training};
use crate::share::confirm::{ConfirmState, SessionConfirmation};

// ---------------------------------------------------------------------------------
// Hours statement

/// How a session was held, as printed.
fn delivery_label(d: Delivery) -> &'static str {
    match d {
        Delivery::InPerson => "In person",
        Delivery::Video => "Video",
        Delivery::Phone => "Phone",
    }
}

/// Where the provider's confirmation of a session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confirmation {
    /// Sent to the provider, no answer yet.
    Waiting,
    /// Signed by the provider.
    Confirmed,
    Declined,
    /// Answered about the facts sent, but the session was changed since.
    ChangedSince,
}

impl Confirmation {
    fn label(self) -> &'static str {
        match self {
            Self::Waiting => "Waiting",
            Self::Confirmed => "Confirmed",
            Self::Declined => "Declined",
            Self::ChangedSince => "Edited after asking",
        }
    }
}

/// One session received, as the statement lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionFacts {
    pub date: NaiveDate,
    pub minutes: u32,
    pub format: SessionFormat,
    /// The provider's name as logged ("with whom").
    pub provider: String,
    pub credential: Option<String>,
    pub delivery: Option<Delivery>,
    pub confirmation: Option<Confirmation>,
}

impl Drop for SessionFacts {
    fn drop(&mut self) {
        self.provider.zeroize();
        self.credential.zeroize();
    }
}

impl SessionFacts {
    /// A session's facts: the provider's name as it goes on an application (else "with
    /// whom"), their credential, how it was held, and where the provider's signed
    /// confirmation stands (`confirmation`: the newest asked for this session, if any).
    pub fn of(session: &SupervisionSession, confirmation: Option<&SessionConfirmation>) -> Self {
        let d = &session.details;
        Self {
            date: session.date,
            minutes: session.minutes,
            format: session.format,
            provider: d
                .provider_name
                .clone()
                .unwrap_or_else(|| session.with_whom.clone()),
            credential: d.provider_credential.clone(),
            delivery: d.delivery,
            confirmation: confirmation.map(|c| match c.state {
                _ if c.session_changed => Confirmation::ChangedSince,
                ConfirmState::Waiting => Confirmation::Waiting,
                ConfirmState::Confirmed => Confirmation::Confirmed,
                ConfirmState::Declined => Confirmation::Declined,
            }),
        }
    }
}

/// One row of the statement's table, as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HoursRow {
    pub date: String,
    pub minutes: u32,
    pub hours: String,
    pub format: String,
    pub provider: String,
    pub credential: Option<String>,
    pub delivery: Option<String>,
    pub confirmation: Option<String>,
}

impl Drop for HoursRow {
    fn drop(&mut self) {
        self.provider.zeroize();
        self.credential.zeroize();
    }
}

/// Sessions and hours of one kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Subtotal {
    pub sessions: u32,
    pub minutes: u32,
    pub hours: String,
}

impl Subtotal {
    fn of<'a>(rows: impl Iterator<Item = &'a SessionFacts>) -> Self {
        let (sessions, minutes) = rows.fold((0u32, 0u32), |(n, m), s| {
            (n.saturating_add(1), m.saturating_add(s.minutes))
        });
        Self {
            sessions,
            minutes,
            hours: hours_text(minutes),
        }
    }
}

/// The hours statement: RS/C sessions received in a period, with subtotals (individual,
/// group), the total, and lines for the supervisee's and the provider's signatures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HoursStatement {
    pub page: PageSetup,
    pub heading: &'static str,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub period: String,
    /// Oldest first.
    pub rows: Vec<HoursRow>,
    pub individual: Subtotal,
    pub group: Subtotal,
    pub total: Subtotal,
    /// Says what "—" means, when a row lacks a credential, delivery or confirmation.
    pub pending_note: Option<&'static str>,
}

impl HoursStatement {
    /// The statement of `sessions` from `from` to `to` (both included), oldest first.
    pub fn new(
        page: PageSetup,
        from: NaiveDate,
        to: NaiveDate,
        sessions: Vec<SessionFacts>,
    ) -> Self {
        let mut sessions: Vec<SessionFacts> = sessions
            .into_iter()
            .filter(|s| (from..=to).contains(&s.date))
            .collect();
        sessions.sort_by_key(|s| s.date);
        let individual = Subtotal::of(
            sessions
                .iter()
                .filter(|s| s.format == SessionFormat::Individual),
        );
        let group = Subtotal::of(sessions.iter().filter(|s| s.format == SessionFormat::Group));
        let total = Subtotal::of(sessions.iter());
        let incomplete = sessions
            .iter()
            .any(|s| s.credential.is_none() || s.delivery.is_none() || s.confirmation.is_none());
        let rows = sessions
            .iter()
            .map(|s| HoursRow {
                date: short_date(s.date),
                minutes: s.minutes,
                hours: hours_text(s.minutes),
                format: match s.format {
                    SessionFormat::Individual => "Individual",
                    SessionFormat::Group => "Group",
                }
                .to_string(),
                provider: s.provider.clone(),
                credential: s.credential.clone(),
                delivery: s.delivery.map(|d| delivery_label(d).to_string()),
                confirmation: s.confirmation.map(|c| c.label().to_string()),
            })
            .collect();
        Self {
            page,
            heading: "Hours statement",
            from,
            to,
            period: period_text(from, to),
            rows,
            individual,
            group,
            total,
            pending_note: incomplete.then_some(
                "— means the session record does not say: the provider can fill it in by hand before signing.",
            ),
        }
    }

    /// The statement from the journal's sessions: those received from a provider, never
    /// those given as supervisor (they are not the supervisee's hours) nor peer
    /// consultation (no provider signs for it). Each row carries the newest confirmation
    /// asked for its session.
    pub fn from_sessions(
        page: PageSetup,
        from: NaiveDate,
        to: NaiveDate,
        sessions: &[SupervisionSession],
        confirmations: &[SessionConfirmation],
    ) -> Self {
        let facts = sessions
            .iter()
            .filter(|s| s.role == SessionRole::Receiving && !s.details.peer)
            .map(|s| {
                let id = s.id.to_string();
                let newest = confirmations
                    .iter()
                    .filter(|c| c.session_id == id)
                    .max_by_key(|c| c.asked_at);
                SessionFacts::of(s, newest)
            })
            .collect();
        Self::new(page, from, to, facts)
    }
}

impl Document for HoursStatement {
    const TEMPLATE: &'static str = "/hours.typ";
    const PDF_TITLE: &'static str = "Attune — hours statement";
    fn page(&self) -> &PageSetup {
        &self.page
    }
}

// ---------------------------------------------------------------------------------
// Reflections

/// A guided answer as printed: the question, and the answer as one text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Zeroize)]
pub struct ReflectionAnswer {
    pub prompt: String,
    pub answer: String,
}

/// One reflection as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReflectionPrint {
    pub date: String,
    pub title: String,
    /// Kind, setting, family code, how heavy: short facts under the title.
    pub facts: Vec<String>,
    pub tags: Vec<String>,
    pub body: String,
    pub answers: Vec<ReflectionAnswer>,
}

impl Drop for ReflectionPrint {
    fn drop(&mut self) {
        self.title.zeroize();
        self.facts.zeroize();
        self.tags.zeroize();
        self.body.zeroize();
        self.answers.zeroize();
    }
}

impl ReflectionPrint {
    pub fn of(entry: &Entry) -> Self {
        let kind = entry.kind.label();
        let mut facts = vec![
            kind.get(..1).map_or_else(String::new, str::to_uppercase)
                + kind.get(1..).unwrap_or_default(),
        ];
        if let Some(s) = entry.setting {
            facts.push(s.label().replace('_', " "));
        }
        if let Some(f) = &entry.family_code {
            facts.push(format!("Family code {f}"));
        }
        if let Some(c) = entry.carrying {
            facts.push(format!("How heavy: {c}/10"));
        }
        Self {
            date: long_date(entry.encounter_date),
            title: entry
                .title
                .clone()
                .unwrap_or_else(|| "Untitled reflection".to_string()),
            facts,
            tags: entry.tags.clone(),
            body: entry.body.clone(),
            answers: entry
                .answers
                .iter()
                .map(|a| ReflectionAnswer {
                    prompt: if a.prompt.is_empty() {
                        a.prompt_id.clone()
                    } else {
                        a.prompt.clone()
                    },
                    answer: a.value.to_display(),
                })
                .collect(),
        }
    }
}

/// Chosen reflections, oldest first, for bringing to supervision or one's own therapy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReflectionsDoc {
    pub page: PageSetup,
    pub heading: &'static str,
    pub period: String,
    pub entries: Vec<ReflectionPrint>,
}

impl ReflectionsDoc {
    /// The document of `entries` (oldest first); the period is the dates they span.
    pub fn new(page: PageSetup, entries: &[&Entry]) -> Self {
        let mut list: Vec<&Entry> = entries.to_vec();
        list.sort_by_key(|e| (e.encounter_date, e.created_at));
        let period = match (list.first(), list.last()) {
            (Some(a), Some(b)) => {
                let n = list.len();
                format!(
                    "{n} reflection{}, {}",
                    if n == 1 { "" } else { "s" },
                    period_text(a.encounter_date, b.encounter_date)
                )
            }
            _ => "No reflections".to_string(),
        };
        Self {
            page,
            heading: "Reflections",
            period,
            entries: list.into_iter().map(ReflectionPrint::of).collect(),
        }
    }
}

impl Document for ReflectionsDoc {
    const TEMPLATE: &'static str = "/reflections.typ";
    const PDF_TITLE: &'static str = "Attune — reflections";
    fn page(&self) -> &PageSetup {
        &self.page
    }
}

// ---------------------------------------------------------------------------------
// Training record

/// What a training was about, as renewal rules count it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrainingTopic {
    /// Reflective supervision/consultation.
    Rsc,
    /// Diversity, equity and inclusion.
    Dei,
    Other,
}

impl TrainingTopic {
    /// A topic id from content/endorsement/rules.json; any other counts as "other".
    pub fn from_id(id: &str) -> Self {
        match id {
            "rsc" => Self::Rsc,
            "dei" => Self::Dei,
            _ => Self::Other,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Rsc => "RS/C",
            Self::Dei => "Diversity, equity and inclusion",
            Self::Other => "Other",
        }
    }
}

/// One training, as the record lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrainingRow {
    #[serde(skip)]
    pub on: NaiveDate,
    pub date: String,
    pub title: String,
    pub provider: String,
    pub minutes: u32,
    pub hours: String,
    #[serde(skip)]
    pub topic_list: Vec<TrainingTopic>,
    pub topics: String,
}

impl TrainingRow {
    pub fn new(
        on: NaiveDate,
        title: &str,
        provider: &str,
        minutes: u32,
        topics: &[TrainingTopic],
    ) -> Self {
        let mut topic_list = topics.to_vec();
        topic_list.sort();
        topic_list.dedup();
        Self {
            on,
            date: short_date(on),
            title: title.to_string(),
            provider: provider.to_string(),
            minutes,
            hours: hours_text(minutes),
            topics: topic_list
                .iter()
                .map(|t| t.label())
                .collect::<Vec<_>>()
                .join(", "),
            topic_list,
        }
    }
}

/// Hours on one topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicTotal {
    pub topic: String,
    pub minutes: u32,
    pub hours: String,
}

/// A year's trainings, with totals by topic, for renewal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrainingRecord {
    pub page: PageSetup,
    pub heading: &'static str,
    pub year: i32,
    pub period: String,
    pub rows: Vec<TrainingRow>,
    /// Every topic, in a fixed order; a training with two topics counts under both.
    pub by_topic: Vec<TopicTotal>,
    pub total: Subtotal,
}

impl TrainingRecord {
    /// The record of the journal's trainings in `year`.
    pub fn from_trainings(page: PageSetup, year: i32, trainings: &[Training]) -> Self {
        let rows = trainings
            .iter()
            .map(|t| {
                let topics: Vec<TrainingTopic> = t
                    .topics
                    .iter()
                    .map(|id| TrainingTopic::from_id(id))
                    .collect();
                // Hours are kept to two decimals: whole minutes are exact enough to print.
                let minutes = (t.hours * 60.0).round().clamp(0.0, f64::from(u32::MAX)) as u32;
                TrainingRow::new(t.date, &t.title, &t.provider, minutes, &topics)
            })
            .collect();
        Self::new(page, year, rows)
    }

    /// The record of the trainings in `year`, oldest first.
    pub fn new(page: PageSetup, year: i32, rows: Vec<TrainingRow>) -> Self {
        use chrono::Datelike;
        let mut rows: Vec<TrainingRow> = rows.into_iter().filter(|r| r.on.year() == year).collect();
        rows.sort_by_key(|r| r.on);
        let by_topic = [TrainingTopic::Rsc, TrainingTopic::Dei, TrainingTopic::Other]
            .into_iter()
            .map(|topic| {
                let minutes = rows
                    .iter()
                    .filter(|r| r.topic_list.contains(&topic))
                    .fold(0u32, |m, r| m.saturating_add(r.minutes));
                TopicTotal {
                    topic: topic.label().to_string(),
                    minutes,
                    hours: hours_text(minutes),
                }
            })
            .collect();
        let (sessions, minutes) = rows.iter().fold((0u32, 0u32), |(n, m), r| {
            (n.saturating_add(1), m.saturating_add(r.minutes))
        });
        Self {
            page,
            heading: "Training record",
            year,
            period: format!("January 1, {year} to December 31, {year}"),
            rows,
            by_topic,
            total: Subtotal {
                sessions,
                minutes,
                hours: hours_text(minutes),
            },
        }
    }
}

impl Document for TrainingRecord {
    const TEMPLATE: &'static str = "/training.typ";
    const PDF_TITLE: &'static str = "Attune — training record";
    fn page(&self) -> &PageSetup {
        &self.page
    }
}

// ---------------------------------------------------------------------------------
// Prep sheet

/// A reflection named on the prep sheet: its date and title, not its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrepReflection {
    pub date: String,
    pub title: String,
}

impl Drop for PrepReflection {
    fn drop(&mut self) {
        self.title.zeroize();
    }
}

/// The session prep sheet: the reflections flagged to bring, and what I want to bring,
/// the reactions I noticed, what I hope to take away (printed when written, ruled lines
/// to write on when not).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrepSheet {
    pub page: PageSetup,
    pub heading: &'static str,
    pub period: String,
    pub with_whom: Option<String>,
    pub reflections: Vec<PrepReflection>,
    pub bring: Option<String>,
    pub reactions: Option<String>,
    pub hope: Option<String>,
}

impl Drop for PrepSheet {
    fn drop(&mut self) {
        self.with_whom.zeroize();
        self.bring.zeroize();
        self.reactions.zeroize();
        self.hope.zeroize();
    }
}

impl PrepSheet {
    /// A sheet for the session on `session_date` (or the next one), naming `flagged`.
    pub fn new(page: PageSetup, session_date: Option<NaiveDate>, flagged: &[&Entry]) -> Self {
        let mut list: Vec<&Entry> = flagged.to_vec();
        list.sort_by_key(|e| (e.encounter_date, e.created_at));
        Self {
            page,
            heading: "Session prep sheet",
            period: session_date.map_or_else(
                || "For my next supervision session".to_string(),
                |d| format!("For the session on {}", long_date(d)),
            ),
            with_whom: None,
            reflections: list
                .into_iter()
                .map(|e| PrepReflection {
                    date: short_date(e.encounter_date),
                    title: e
                        .title
                        .clone()
                        .unwrap_or_else(|| "Untitled reflection".to_string()),
                })
                .collect(),
            bring: None,
            reactions: None,
            hope: None,
        }
    }
}

impl Document for PrepSheet {
    const TEMPLATE: &'static str = "/prep.typ";
    const PDF_TITLE: &'static str = "Attune — session prep sheet";
    fn page(&self) -> &PageSetup {
        &self.page
    }
}

// ---------------------------------------------------------------------------------
// Agenda

/// A shared reflection on the agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgendaItem {
    pub date: String,
    pub title: String,
    pub responses: usize,
}

impl Drop for AgendaItem {
    fn drop(&mut self) {
        self.title.zeroize();
    }
}

/// The supervisor's agenda for the next session with one supervisee: the shared
/// reflections put on it, the planning note, and room for notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Agenda {
    pub page: PageSetup,
    pub heading: &'static str,
    pub period: String,
    pub supervisee: String,
    pub items: Vec<AgendaItem>,
    pub planning_note: Option<String>,
}

impl Drop for Agenda {
    fn drop(&mut self) {
        self.supervisee.zeroize();
        self.planning_note.zeroize();
    }
}

impl Agenda {
    pub fn new(
        page: PageSetup,
        supervisee: &str,
        session_date: Option<NaiveDate>,
        items: Vec<AgendaItem>,
    ) -> Self {
        Self {
            page,
            heading: "Supervision agenda",
            period: session_date.map_or_else(
                || "For the next session".to_string(),
                |d| format!("For the session on {}", long_date(d)),
            ),
            supervisee: supervisee.to_string(),
            items,
            planning_note: None,
        }
    }
}

impl Document for Agenda {
    const TEMPLATE: &'static str = "/agenda.typ";
    const PDF_TITLE: &'static str = "Attune — supervision agenda";
    fn page(&self) -> &PageSetup {
        &self.page
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::print::Paper;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn page() -> PageSetup {
        PageSetup::new(Paper::Letter, day(2026, 12, 4))
    }

    fn facts(date: NaiveDate, minutes: u32, format: SessionFormat) -> SessionFacts {
        SessionFacts {
            date,
            minutes,
            format,
            provider: "Dr. Rivera".into(),
            credential: None,
            delivery: None,
            confirmation: None,
        }
    }

    #[test]
    fn the_statement_keeps_the_period_sorts_oldest_first_and_subtotals_by_format() {
        let s = HoursStatement::new(
            page(),
            day(2026, 1, 1),
            day(2026, 6, 30),
            vec![
                facts(day(2026, 3, 2), 90, SessionFormat::Group),
                facts(day(2025, 12, 31), 60, SessionFormat::Individual), // before
                facts(day(2026, 1, 1), 60, SessionFormat::Individual),   // first day
                facts(day(2026, 6, 30), 45, SessionFormat::Individual),  // last day
                facts(day(2026, 7, 1), 60, SessionFormat::Group),        // after
            ],
        );
        let dates: Vec<&str> = s.rows.iter().map(|r| r.date.as_str()).collect();
        assert_eq!(dates, ["Jan 1, 2026", "Mar 2, 2026", "Jun 30, 2026"]);
        assert_eq!((s.individual.sessions, s.individual.minutes), (2, 105));
        assert_eq!((s.group.sessions, s.group.minutes), (1, 90));
        assert_eq!((s.total.sessions, s.total.minutes), (3, 195));
        assert_eq!(s.total.hours, "3.25");
        assert_eq!(s.individual.hours, "1.75");
        assert_eq!(s.period, "January 1, 2026 to June 30, 2026");
        assert!(s.pending_note.is_some(), "credential etc. not recorded yet");
    }

    #[test]
    fn recorded_credentials_delivery_and_confirmation_print_and_drop_the_note() {
        let mut f = facts(day(2026, 2, 2), 60, SessionFormat::Individual);
        f.credential = Some("IMH-E® Infant Mental Health Mentor–Clinical".into());
        f.delivery = Some(Delivery::Video);
        f.confirmation = Some(Confirmation::Confirmed);
        let s = HoursStatement::new(page(), day(2026, 1, 1), day(2026, 12, 31), vec![f]);
        assert_eq!(s.rows[0].delivery.as_deref(), Some("Video"));
        assert_eq!(s.rows[0].confirmation.as_deref(), Some("Confirmed"));
        assert_eq!(s.pending_note, None);
    }

    #[test]
    fn sessions_given_as_supervisor_are_not_on_the_statement() {
        let mk = |role| SupervisionSession {
            id: crate::ids::SessionId([role as u8; 16]),
            date: day(2026, 5, 5),
            minutes: 60,
            format: SessionFormat::Individual,
            with_whom: "someone".into(),
            role,
            entries_discussed: vec![],
            notes: Some("private notes".into()),
            details: Default::default(),
            created_at: chrono::Utc::now(),
            revision: 1,
        };
        let sessions = [mk(SessionRole::Receiving), mk(SessionRole::Giving)];
        let s = HoursStatement::from_sessions(
            page(),
            day(2026, 1, 1),
            day(2026, 12, 31),
            &sessions,
            &[],
        );
        assert_eq!(s.total.sessions, 1);
        let json = serde_json::to_string(&s).unwrap();
        assert!(
            !json.contains("private notes"),
            "notes never reach a statement"
        );
    }

    #[test]
    fn the_training_record_totals_by_topic_and_counts_each_training_once_overall() {
        let rows = vec![
            TrainingRow::new(
                day(2026, 3, 1),
                "Reflective practice",
                "State AIMH",
                180,
                &[TrainingTopic::Rsc],
            ),
            TrainingRow::new(
                day(2026, 4, 1),
                "Equity in home visiting",
                "Alliance",
                120,
                &[TrainingTopic::Dei, TrainingTopic::Rsc, TrainingTopic::Dei],
            ),
            TrainingRow::new(
                day(2025, 4, 1),
                "Last year",
                "Alliance",
                600,
                &[TrainingTopic::Other],
            ),
            TrainingRow::new(
                day(2026, 1, 9),
                "Safe sleep",
                "Hospital",
                90,
                &[TrainingTopic::Other],
            ),
        ];
        let r = TrainingRecord::new(page(), 2026, rows);
        let titles: Vec<&str> = r.rows.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Safe sleep",
                "Reflective practice",
                "Equity in home visiting"
            ]
        );
        let by: Vec<(&str, u32)> = r
            .by_topic
            .iter()
            .map(|t| (t.topic.as_str(), t.minutes))
            .collect();
        assert_eq!(
            by,
            [
                ("RS/C", 300),
                ("Diversity, equity and inclusion", 120),
                ("Other", 90)
            ]
        );
        assert_eq!(
            (r.total.sessions, r.total.minutes, r.total.hours.as_str()),
            (3, 390, "6.50")
        );
        assert_eq!(r.rows[2].topics, "RS/C, Diversity, equity and inclusion");
    }

    #[test]
    fn every_document_renders_to_a_pdf_and_the_same_data_makes_the_same_file() {
        let statement = HoursStatement::new(
            page(),
            day(2026, 1, 1),
            day(2026, 12, 31),
            (1..=12)
                .map(|m| facts(day(2026, m, 3), 60, SessionFormat::Individual))
                .collect(),
        );
        let a = statement.pdf().unwrap();
        assert!(a.starts_with(b"%PDF-"));
        assert_eq!(a, statement.pdf().unwrap(), "deterministic");

        let training = TrainingRecord::new(
            page(),
            2026,
            vec![TrainingRow::new(
                day(2026, 3, 1),
                "T",
                "P",
                60,
                &[TrainingTopic::Rsc],
            )],
        );
        assert!(training.pdf().unwrap().starts_with(b"%PDF-"));
        let empty_training = TrainingRecord::new(page(), 2026, vec![]);
        assert!(empty_training.pdf().unwrap().starts_with(b"%PDF-"));

        let mut prep = PrepSheet::new(page(), Some(day(2026, 12, 9)), &[]);
        assert!(prep.pdf().unwrap().starts_with(b"%PDF-"));
        prep.bring = Some("The visit on Tuesday\n\nAnd the #hashtag [brackets]".into());
        assert!(prep.pdf().unwrap().starts_with(b"%PDF-"));

        let mut agenda = Agenda::new(
            PageSetup::new(Paper::A4, day(2026, 12, 4)),
            "Sam",
            None,
            vec![AgendaItem {
                date: "Dec 1, 2026".into(),
                title: "$x$ *bold* #import \"/etc/passwd\"".into(),
                responses: 2,
            }],
        );
        agenda.planning_note = Some("#panic(\"no\")".into());
        assert!(agenda.pdf().unwrap().starts_with(b"%PDF-"));
        let reflections = ReflectionsDoc::new(page(), &[]);
        assert!(reflections.pdf().unwrap().starts_with(b"%PDF-"));
    }

    #[test]
    fn a4_and_letter_make_different_pages() {
        let mk = |paper| {
            HoursStatement::new(
                PageSetup::new(paper, day(2026, 1, 1)),
                day(2026, 1, 1),
                day(2026, 1, 2),
                vec![],
            )
            .pdf()
            .unwrap()
        };
        let letter = String::from_utf8_lossy(&mk(Paper::Letter)).into_owned();
        let a4 = String::from_utf8_lossy(&mk(Paper::A4)).into_owned();
        assert!(letter.contains("612 792"), "US Letter is 612 by 792 points");
        assert!(
            a4.contains("595.2") && a4.contains("841.8"),
            "A4 is 595.28 by 841.89 points"
        );
    }
}
