//! Training records for Endorsement, and their certificate files.

use std::io::Read;
use std::path::Path;

use chrono::Utc;
use serde::Deserialize;

use super::files::{self, SavedFile, WriteMode};
use crate::journal::training::MAX_CERTIFICATE_BYTES;
use crate::journal::{Journal, Training, TrainingId, TrainingInput};
use crate::{Error, Result};

/// Names one training.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct TrainingRef {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub id: TrainingId,
}

/// A training's id from what a person typed: the whole id, or a unique prefix.
pub fn resolve(journal: &Journal, typed: &str) -> Result<TrainingId> {
    journal.resolve_training_id(typed)
}

/// Every training, newest first.
pub fn list(journal: &Journal) -> Result<Vec<Training>> {
    journal.trainings()
}

/// Add a training (no id) or change one (its id; the certificate stays).
pub fn save(journal: &mut Journal, req: TrainingInput) -> Result<Training> {
    journal.save_training(req, Utc::now())
}

/// Delete a training and its certificate for good.
pub fn delete(journal: &mut Journal, req: &TrainingRef) -> Result<()> {
    journal.delete_training(&req.id)
}

/// Read a certificate file: no more than the cap (a bigger file is refused before it
/// is read whole), never opened as anything but bytes.
pub fn read_certificate_file(path: &Path) -> Result<Vec<u8>> {
    let too_big = || Error::invalid("A certificate can be up to 10 MB. Nothing was attached.");
    let file = std::fs::File::open(path).map_err(|e| Error::from_io(&e, "read the certificate"))?;
    let len = file
        .metadata()
        .map_err(|e| Error::from_io(&e, "read the certificate"))?
        .len();
    if len > MAX_CERTIFICATE_BYTES as u64 {
        return Err(too_big());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(MAX_CERTIFICATE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::from_io(&e, "read the certificate"))?;
    if bytes.len() > MAX_CERTIFICATE_BYTES {
        return Err(too_big());
    }
    Ok(bytes)
}

/// Attach the certificate file at `path` (PDF, PNG or JPEG, up to 10 MB) to a
/// training, stored encrypted inside the journal; the file itself is left as it was.
pub fn attach_certificate(
    journal: &mut Journal,
    req: &TrainingRef,
    path: &Path,
) -> Result<Training> {
    journal.training(&req.id)?;
    let bytes = zeroize::Zeroizing::new(read_certificate_file(path)?);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    journal.attach_certificate(&req.id, &name, &bytes)
}

/// The name a training's certificate was attached under, offered when saving it out.
pub fn certificate_file_name(journal: &Journal, req: &TrainingRef) -> Result<String> {
    journal
        .training(&req.id)?
        .certificate
        .as_ref()
        .map(|c| c.file_name.clone())
        .ok_or_else(|| {
            Error::new(
                crate::ErrorCode::NotFound,
                "That training has no certificate attached.",
            )
        })
}

/// Save a training's certificate out to `path`: a new owner-only file, never over one
/// that is there.
pub fn save_certificate(journal: &Journal, req: &TrainingRef, path: &Path) -> Result<SavedFile> {
    files::refuse_existing(path)?;
    let (_, bytes) = journal.certificate(&req.id)?;
    files::save(path, &bytes, WriteMode::NewOnly)
}
