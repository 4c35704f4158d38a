//! Training records for Endorsement: title, provider, date, hours and topics, each its
//! own encrypted record, with an optional certificate file kept encrypted inside the
//! journal (table 13, filed under the training's id).
//!
//! A certificate is checked by its first bytes (PDF, PNG or JPEG) and its size, and is
//! never opened, parsed or rendered: it is stored and, when asked, saved back out as a
//! new owner-only file. Deleting a training deletes its certificate in the same
//! transaction. Trainings are few and small, so they are read from the vault when
//! asked for rather than kept in memory; certificates are read one at a time.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, Zeroizing};

use super::endorsement;
use super::Journal;
use crate::crypto::random_id;
pub use crate::ids::TrainingId;
use crate::records::{self, Record};
use crate::store::{RecordRow, Table};
use crate::{Error, Result};

/// The largest certificate file: 10 MiB.
pub const MAX_CERTIFICATE_BYTES: usize = 10 * 1024 * 1024;
/// The longest title or provider, in characters.
pub const MAX_TRAINING_TEXT_CHARS: usize = 200;
/// The longest notes on a training, in characters.
pub const MAX_TRAINING_NOTES_CHARS: usize = 2000;
/// The most hours one training record holds.
pub const MAX_TRAINING_HOURS: f64 = 200.0;
/// The longest certificate file name kept (for saving it back out), in characters.
const MAX_FILE_NAME_CHARS: usize = 120;

/// What a certificate file is, by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum CertificateKind {
    Pdf,
    Png,
    Jpeg,
}

impl CertificateKind {
    /// The kind of `bytes` by their magic number; anything else is `None`.
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(b"%PDF-") {
            Some(Self::Pdf)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Self::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Self::Jpeg)
        } else {
            None
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Png => "png",
            Self::Jpeg => "jpg",
        }
    }
}

/// What the list shows of a training's certificate (never its bytes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct CertificateFile {
    pub kind: CertificateKind,
    pub bytes: u32,
    /// The file's name when attached (no folder), offered when saving it back out.
    pub file_name: String,
}

/// A training as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Training {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub id: TrainingId,
    pub title: String,
    pub provider: String,
    pub date: NaiveDate,
    /// Clock hours, two decimals at most (1.5).
    pub hours: f64,
    /// Topic ids from content/endorsement/rules.json ("rsc", "dei", "other").
    pub topics: Vec<String>,
    pub notes: Option<String>,
    /// The attached certificate, if any.
    pub certificate: Option<CertificateFile>,
    pub created_at: DateTime<Utc>,
    pub revision: u64,
}

impl Record for Training {
    const TABLE: Table = Table::Training;
    const KIND: u8 = 1;

    fn agrees_with(&self, row: &RecordRow) -> bool {
        self.id.0 == row.id && self.revision == row.revision
    }
}

impl Drop for Training {
    fn drop(&mut self) {
        self.title.zeroize();
        self.provider.zeroize();
        self.notes.zeroize();
        if let Some(c) = &mut self.certificate {
            c.file_name.zeroize();
        }
    }
}

/// A training to create (no id) or change (its id).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct TrainingInput {
    #[cfg_attr(feature = "typescript", ts(type = "string | null"))]
    #[serde(default)]
    pub id: Option<TrainingId>,
    pub title: String,
    pub provider: String,
    pub date: NaiveDate,
    pub hours: f64,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub notes: Option<String>,
}

/// A certificate file as stored: the bytes (hex inside the encrypted record).
#[derive(Serialize, Deserialize)]
pub struct StoredCertificate {
    pub id: TrainingId,
    pub kind: CertificateKind,
    /// The file, hex-encoded.
    data: String,
}

impl std::fmt::Debug for StoredCertificate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoredCertificate")
            .field("kind", &self.kind)
            .finish_non_exhaustive()
    }
}

impl Record for StoredCertificate {
    const TABLE: Table = Table::Certificates;
    const KIND: u8 = 1;

    fn agrees_with(&self, row: &RecordRow) -> bool {
        self.id.0 == row.id
    }

    fn wipe(&mut self) {
        self.data.zeroize();
    }
}

impl Drop for StoredCertificate {
    fn drop(&mut self) {
        self.data.zeroize();
    }
}

fn text(value: &str, what: &str) -> Result<String> {
    let value = value.trim();
    if value.is_empty()
        || value.chars().count() > MAX_TRAINING_TEXT_CHARS
        || value.chars().any(char::is_control)
    {
        return Err(Error::invalid(format!(
            "Give the {what} on one line, in 1 to {MAX_TRAINING_TEXT_CHARS} characters."
        )));
    }
    Ok(value.to_string())
}

/// Hours rounded to two decimals, or why not.
pub fn checked_hours(hours: f64) -> Result<f64> {
    let rounded = (hours * 100.0).round() / 100.0;
    if !hours.is_finite() || rounded <= 0.0 || rounded > MAX_TRAINING_HOURS {
        return Err(Error::invalid(format!(
            "Give the hours as a number from 0.25 to {MAX_TRAINING_HOURS:.0}, such as 1.5."
        )));
    }
    Ok(rounded)
}

/// Check and tidy a training: text trimmed, hours to two decimals, topics known and
/// named once.
/// Title, provider, hours, topics and notes, checked and tidied.
type Checked = (String, String, f64, Vec<String>, Option<String>);

fn validate(input: &TrainingInput) -> Result<Checked> {
    let title = text(&input.title, "title")?;
    let provider = text(&input.provider, "provider")?;
    if !(1900..=9999).contains(&input.date.year()) {
        return Err(Error::invalid("That date is out of range."));
    }
    let hours = checked_hours(input.hours)?;
    let known = &endorsement::rules().topics;
    let mut topics: Vec<String> = Vec::new();
    for t in &input.topics {
        let t = t.trim().to_ascii_lowercase();
        if !known.iter().any(|k| k.id == t) {
            let names: Vec<&str> = known.iter().map(|k| k.id.as_str()).collect();
            return Err(Error::invalid(format!(
                "Topics are {}; \"{t}\" is not one of them.",
                names.join(", ")
            )));
        }
        if !topics.contains(&t) {
            topics.push(t);
        }
    }
    let notes = input
        .notes
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    if notes.is_some_and(|n| n.chars().count() > MAX_TRAINING_NOTES_CHARS) {
        return Err(Error::invalid(format!(
            "Training notes can be up to {MAX_TRAINING_NOTES_CHARS} characters."
        )));
    }
    Ok((title, provider, hours, topics, notes.map(str::to_string)))
}

/// A certificate's file name kept for saving it back out: the last part of what was
/// given, one line, with the extension its kind has.
fn certificate_name(given: &str, kind: CertificateKind) -> String {
    let base = given
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_FILE_NAME_CHARS)
        .collect::<String>();
    let base = base.trim().trim_start_matches('.');
    let stem = base.rsplit_once('.').map_or(base, |(stem, _)| stem).trim();
    let stem = if stem.is_empty() { "certificate" } else { stem };
    format!("{stem}.{}", kind.extension())
}

/// Check a certificate file's bytes: its kind by magic number, and its size.
pub fn check_certificate(bytes: &[u8]) -> Result<CertificateKind> {
    if bytes.len() > MAX_CERTIFICATE_BYTES {
        return Err(Error::invalid(
            "A certificate can be up to 10 MB. Nothing was attached.",
        ));
    }
    CertificateKind::sniff(bytes).ok_or_else(|| {
        Error::invalid("A certificate must be a PDF, PNG or JPEG file. Nothing was attached.")
    })
}

impl Journal {
    /// Every readable training, newest first.
    pub fn trainings(&self) -> Result<Vec<Training>> {
        let loaded = records::load_all::<Training>(&self.vault)?;
        let mut out: Vec<Training> = loaded.records.into_iter().map(|s| s.value).collect();
        out.sort_by_key(|t| std::cmp::Reverse((t.date, t.created_at, t.id)));
        Ok(out)
    }

    /// One training by id.
    pub fn training(&self, id: &TrainingId) -> Result<Training> {
        records::load_one::<Training>(&self.vault, &id.0)?
            .map(|s| s.value)
            .ok_or_else(|| Error::not_found("training"))
    }

    /// Create a training (no id) or change one (its id), durably. A change keeps the
    /// certificate.
    pub fn save_training(
        &mut self,
        mut input: TrainingInput,
        now: DateTime<Utc>,
    ) -> Result<Training> {
        let checked = validate(&input);
        // What was typed is copied (trimmed) into the training; wipe the original.
        input.title.zeroize();
        input.provider.zeroize();
        input.notes.zeroize();
        let (title, provider, hours, topics, notes) = checked?;
        let (id, created_at, revision, certificate) = match input.id {
            None => (TrainingId(random_id()?), now, 1, None),
            Some(id) => {
                let old = self.training(&id)?;
                (
                    id,
                    old.created_at,
                    records::next_revision(Some(old.revision))?,
                    old.certificate.clone(),
                )
            }
        };
        let training = Training {
            id,
            title,
            provider,
            date: input.date,
            hours,
            topics,
            notes,
            certificate,
            created_at,
            revision,
        };
        records::seal(&self.vault, id.0, revision, &training)?.put(&self.vault)?;
        Ok(training)
    }

    /// Delete a training and its certificate for good, in one transaction (also a
    /// damaged one, by its id).
    pub fn delete_training(&mut self, id: &TrainingId) -> Result<()> {
        let removed = self.vault.store_mut().transaction(|tx| {
            let n = tx.execute(
                "DELETE FROM records WHERE tbl = ?1 AND id = ?2",
                rusqlite::params![Table::Training as u8, id.0.as_slice()],
            )?;
            tx.execute(
                "DELETE FROM records WHERE tbl = ?1 AND id = ?2",
                rusqlite::params![Table::Certificates as u8, id.0.as_slice()],
            )?;
            Ok(n > 0)
        })?;
        if !removed {
            return Err(Error::not_found("training"));
        }
        let hex = id.to_hex();
        self.damaged
            .retain(|d| d.id.as_deref() != Some(hex.as_str()));
        Ok(())
    }

    /// Attach (or replace) a training's certificate: `bytes` checked by type and size,
    /// stored encrypted with the training's new revision in one transaction. The
    /// bytes are never opened or rendered.
    pub fn attach_certificate(
        &mut self,
        id: &TrainingId,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<Training> {
        let kind = check_certificate(bytes)?;
        let mut training = self.training(id)?;
        let revision = records::next_revision(Some(training.revision))?;
        training.revision = revision;
        training.certificate = Some(CertificateFile {
            kind,
            bytes: u32::try_from(bytes.len()).unwrap_or(u32::MAX),
            file_name: certificate_name(file_name, kind),
        });
        let stored = StoredCertificate {
            id: *id,
            kind,
            data: hex::encode(bytes),
        };
        let cert_revision =
            records::load_one::<StoredCertificate>(&self.vault, &id.0)?.map(|s| s.revision);
        let sealed = [
            records::seal_next(&self.vault, id.0, cert_revision, &stored)?,
            records::seal(&self.vault, id.0, revision, &training)?,
        ];
        records::commit(&mut self.vault, &sealed)?;
        Ok(training)
    }

    /// A training's certificate: its name, kind and bytes (to save back out).
    pub fn certificate(&self, id: &TrainingId) -> Result<(CertificateFile, Zeroizing<Vec<u8>>)> {
        let training = self.training(id)?;
        let Some(file) = training.certificate.clone() else {
            return Err(Error::new(
                crate::ErrorCode::NotFound,
                "That training has no certificate attached.",
            ));
        };
        let stored = records::load_one::<StoredCertificate>(&self.vault, &id.0)?
            .ok_or_else(|| Error::not_found("certificate"))?;
        let bytes = Zeroizing::new(
            hex::decode(&stored.value.data).map_err(|_| Error::not_found("certificate"))?,
        );
        Ok((file, bytes))
    }

    /// A training's id from what a person typed: the whole id, or a unique prefix.
    pub fn resolve_training_id(&self, typed: &str) -> Result<TrainingId> {
        let typed = typed.trim().to_ascii_lowercase();
        if let Some(id) = TrainingId::from_hex(&typed) {
            return Ok(id);
        }
        if typed.len() < 4 || !typed.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(Error::invalid(
                "A training id is 32 hex digits; the first 4 or more are enough when they are unique.",
            ));
        }
        let all = self.trainings()?;
        let mut found = all.iter().filter(|t| t.id.to_hex().starts_with(&typed));
        match (found.next(), found.next()) {
            (Some(t), None) => Ok(t.id),
            (None, _) => Err(Error::not_found("training")),
            (Some(_), Some(_)) => Err(Error::invalid(
                "More than one training starts with that id; type a few more characters.",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certificates_are_known_by_their_first_bytes() {
        assert_eq!(
            CertificateKind::sniff(b"%PDF-1.7\n"),
            Some(CertificateKind::Pdf)
        );
        assert_eq!(
            CertificateKind::sniff(b"\x89PNG\r\n\x1a\n...."),
            Some(CertificateKind::Png)
        );
        assert_eq!(
            CertificateKind::sniff(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Some(CertificateKind::Jpeg)
        );
        for bad in [&b"PK\x03\x04"[..], b"<html>", b"%PD", b"", b"GIF89a"] {
            assert_eq!(CertificateKind::sniff(bad), None);
        }
    }

    #[test]
    fn certificates_over_the_cap_are_refused() {
        let mut big = b"%PDF-".to_vec();
        big.resize(MAX_CERTIFICATE_BYTES, b' ');
        assert_eq!(check_certificate(&big).ok(), Some(CertificateKind::Pdf));
        big.push(b' ');
        assert!(check_certificate(&big).is_err());
    }

    #[test]
    fn certificate_names_keep_no_folder_and_take_the_kind_s_extension() {
        let pdf = CertificateKind::Pdf;
        assert_eq!(certificate_name("/home/a/My cert.PDF", pdf), "My cert.pdf");
        assert_eq!(certificate_name("C:\\x\\cert.exe", pdf), "cert.pdf");
        assert_eq!(
            certificate_name("", CertificateKind::Png),
            "certificate.png"
        );
        assert_eq!(certificate_name(".hidden", pdf), "hidden.pdf");
        assert_eq!(
            certificate_name("a\nb.jpg", CertificateKind::Jpeg),
            "ab.jpg"
        );
    }

    #[test]
    fn hours_are_rounded_to_two_decimals_and_kept_in_range() {
        assert_eq!(checked_hours(1.5).ok(), Some(1.5));
        assert_eq!(checked_hours(1.333).ok(), Some(1.33));
        for bad in [0.0, -1.0, 0.001, f64::NAN, f64::INFINITY, 200.01] {
            assert!(checked_hours(bad).is_err(), "{bad}");
        }
    }
}
