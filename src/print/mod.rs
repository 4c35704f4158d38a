//! Print and PDF: documents typeset with typst from view models (feature `print`).
//!
//! Each document is a view-model struct (serde `Serialize`) built from the journal, or
//! for data the journal does not hold yet, from the caller's rows. [`Document::pdf`]
//! hands it to its template as JSON (never spliced into markup) and returns the PDF:
//! text selectable, the bundled fonts embedded, a neutral title in the metadata, no
//! author, the creation date the view model's own.
//!
//! - [`HoursStatement`]: RS/C sessions received in a period, subtotals, signatures.
//! - [`ReflectionsDoc`]: chosen reflections (after the export's de-identification review).
//! - [`TrainingRecord`]: trainings of a year with totals by topic.
//! - [`PrepSheet`]: what to bring to the next session, with space to write.
//! - [`Agenda`]: the supervisor's agenda for the next session with one supervisee.

mod docs;
mod engine;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use docs::{
    Agenda, AgendaItem, Confirmation, Delivery, HoursRow, HoursStatement, PrepReflection,
    PrepSheet, ReflectionAnswer, ReflectionPrint, ReflectionsDoc, SessionFacts, Subtotal,
    TopicTotal, TrainingRecord, TrainingRow, TrainingTopic,
};

use crate::Result;

/// The paper size: US Letter unless the person asks for A4.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    #[default]
    Letter,
    A4,
}

impl Paper {
    /// typst's name for it.
    fn typst_name(self) -> &'static str {
        match self {
            Self::Letter => "us-letter",
            Self::A4 => "a4",
        }
    }
}

/// What every page needs: the paper, and the day the document was made (printed in the
/// footer and used as the PDF's creation date, so the same data makes the same file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageSetup {
    #[serde(serialize_with = "paper_name")]
    pub paper: Paper,
    pub made_on: NaiveDate,
    made_on_text: String,
}

fn paper_name<S: serde::Serializer>(paper: &Paper, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(paper.typst_name())
}

impl PageSetup {
    pub fn new(paper: Paper, made_on: NaiveDate) -> Self {
        Self {
            paper,
            made_on,
            made_on_text: long_date(made_on),
        }
    }
}

/// "March 4, 2026".
pub(crate) fn long_date(date: NaiveDate) -> String {
    date.format("%B %-d, %Y").to_string()
}

/// "Mar 4, 2026", for tables.
pub fn short_date(date: NaiveDate) -> String {
    date.format("%b %-d, %Y").to_string()
}

/// "January 1, 2026 to December 31, 2026" (one date when they are the same day).
pub(crate) fn period_text(from: NaiveDate, to: NaiveDate) -> String {
    if from == to {
        long_date(from)
    } else {
        format!("{} to {}", long_date(from), long_date(to))
    }
}

/// Minutes as clock hours with two decimals: 90 is "1.50", 20 is "0.33".
pub(crate) fn hours_text(minutes: u32) -> String {
    format!("{:.2}", f64::from(minutes) / 60.0)
}

/// A document that prints: its template and its neutral PDF title.
pub trait Document: Serialize + Sized {
    /// The template under content/print/.
    const TEMPLATE: &'static str;
    /// The PDF's title in its metadata: names the kind of document, never its content.
    const PDF_TITLE: &'static str;

    fn page(&self) -> &PageSetup;

    /// Typeset the document as a PDF.
    fn pdf(&self) -> Result<Vec<u8>> {
        #[derive(Serialize)]
        struct Data<'a, T: Serialize> {
            pdf_title: &'static str,
            #[serde(flatten)]
            doc: &'a T,
        }
        let json = zeroize::Zeroizing::new(
            serde_json::to_vec(&Data {
                pdf_title: Self::PDF_TITLE,
                doc: self,
            })
            .map_err(|_| crate::Error::internal("The document could not be prepared."))?,
        );
        engine::render(Self::TEMPLATE, &json, self.page().made_on)
    }
}
