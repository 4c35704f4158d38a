//! The de-identification check: what in a text looks as if it could identify a family.

use serde::{Deserialize, Serialize};

use crate::deid::{AllowList, Finding, FindingKind};
use crate::journal::Journal;
use crate::Result;

/// Text to check for what looks identifying (the editor's text, or what is about to be
/// exported).
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct DeidRequest {
    pub text: String,
    /// Words this reflection marked "not a name here" (the editor only).
    #[serde(default)]
    pub not_names: Vec<String>,
    /// True for a short field (the family code, a tag): read as a name's context, so
    /// initials, a first name alone and a lower-case name are flagged too. Left out, it
    /// is running text.
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub field: Option<bool>,
}

/// What the de-identification check found: the spans to highlight, and a count per kind
/// with the words to show beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct DeidReport {
    /// Sorted, non-overlapping; offsets in code points and in UTF-16 units.
    pub findings: Vec<Finding>,
    /// Kinds found at least once, in a fixed order.
    pub counts: Vec<DeidCount>,
    pub total: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct DeidCount {
    pub kind: FindingKind,
    pub count: usize,
    /// A short label ("Phone number").
    pub label: String,
    /// One line on why it matters.
    pub why: String,
}

/// Check `text` against the built-in detectors and `allow` (no journal needed: the CLI's
/// `attune deid` uses this).
pub fn text(text: &str, allow: &[String]) -> DeidReport {
    report(crate::deid::scan(text, &AllowList::new(allow)))
}

/// Highlight what looks identifying in `req.text`, skipping the words on the journal's
/// allow-list. Non-blocking in the editor; a required review before export.
pub fn scan(journal: &Journal, req: &DeidRequest) -> Result<DeidReport> {
    let settings = journal.settings()?;
    let allow = AllowList::new(settings.deid_allow.iter().chain(&req.not_names));
    let findings = if req.field == Some(true) {
        crate::deid::scan_field(&req.text, &allow)
    } else {
        crate::deid::scan(&req.text, &allow)
    };
    Ok(report(findings))
}

fn report(findings: Vec<Finding>) -> DeidReport {
    let counts = crate::deid::count_by_kind(&findings)
        .into_iter()
        .map(|(kind, count)| DeidCount {
            kind,
            count,
            label: kind.label().to_string(),
            why: kind.why().to_string(),
        })
        .collect();
    DeidReport {
        total: findings.len(),
        findings,
        counts,
    }
}
