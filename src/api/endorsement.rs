//! Endorsement: the rules and associations to choose from, the report of what I have
//! and what is missing, and the CSVs shaped for typing into an application.

use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;

use super::files::{self, SavedFile, WriteMode};
use crate::journal::endorsement::{
    self, EndorsementChoice, EndorsementData, EndorsementReport, Target,
};
use crate::journal::Journal;
use crate::Result;

/// What the report is for: a year's renewal, or (with no year) earning the category
/// over the rolling window ending today. The category from the settings unless named.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct EndorsementRequest {
    pub category: Option<String>,
    pub renewal_year: Option<i32>,
}

/// Which application CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ApplicationCsv {
    Sessions,
    Training,
}

/// An application CSV for the period of a report.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct EndorsementCsvRequest {
    pub what: ApplicationCsv,
    pub target: EndorsementRequest,
}

fn target(req: &EndorsementRequest, today: NaiveDate) -> Target {
    match req.renewal_year {
        Some(year) => Target::Renewal { year },
        None => Target::Earning { today },
    }
}

/// Today where the person is.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The categories, rules, topics and associations (with their sources and the date
/// they were gathered).
pub fn data() -> EndorsementData {
    endorsement::data()
}

/// Keep my association, category and overrides in the settings.
pub fn choose(journal: &mut Journal, choice: EndorsementChoice) -> Result<()> {
    let mut settings = journal.settings()?;
    settings.endorsement = Some(choice);
    settings.validate()?;
    journal.save_settings(&settings)
}

/// What I have and what is missing, as of `today`.
pub fn report_on(
    journal: &Journal,
    req: &EndorsementRequest,
    today: NaiveDate,
) -> Result<EndorsementReport> {
    journal.endorsement(target(req, today), req.category.as_deref())
}

/// What I have and what is missing, as of today.
pub fn report(journal: &Journal, req: &EndorsementRequest) -> Result<EndorsementReport> {
    report_on(journal, req, today())
}

/// The application CSV asked for, as of `today`.
pub fn csv_on(journal: &Journal, req: &EndorsementCsvRequest, today: NaiveDate) -> Result<String> {
    let t = target(&req.target, today);
    let category = req.target.category.as_deref();
    match req.what {
        ApplicationCsv::Sessions => journal.endorsement_sessions_csv(t, category),
        ApplicationCsv::Training => journal.endorsement_training_csv(t, category),
    }
}

/// A file name for the CSV that names no one: what, and the year or the last day.
pub fn csv_file_name(req: &EndorsementCsvRequest, today: NaiveDate) -> String {
    let what = match req.what {
        ApplicationCsv::Sessions => "rsc-sessions",
        ApplicationCsv::Training => "training",
    };
    match req.target.renewal_year {
        Some(year) => format!("attune-endorsement-{what}-{year}.csv"),
        None => format!("attune-endorsement-{what}-to-{today}.csv"),
    }
}

/// Write the application CSV to `path`.
pub fn save_csv(
    journal: &Journal,
    req: &EndorsementCsvRequest,
    path: &Path,
    mode: WriteMode,
) -> Result<SavedFile> {
    files::save_made(path, mode, || csv_on(journal, req, today()))
}
