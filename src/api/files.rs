//! Files the person asks for, outside the journal: whether an existing file may be
//! replaced is the caller's choice, never a second code path.

use std::path::Path;

use serde::Serialize;

use crate::{Error, Result};

/// What to do when the chosen file already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteMode {
    /// Refuse: the CLI never overwrites a file.
    NewOnly,
    /// Replace it once the new file is complete: a native save dialog already asked.
    Replace,
}

/// A file the person saved, named for the confirmation message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct SavedFile {
    /// False when the person closed the save dialog without choosing a file.
    pub saved: bool,
    /// The file name (not the folder), to confirm where it went.
    pub file_name: Option<String>,
    /// A packet for a contact with an exchange folder: what became of its copy there.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub folder: Option<crate::share::FolderCopy>,
}

impl SavedFile {
    pub fn cancelled() -> Self {
        Self {
            saved: false,
            file_name: None,
            folder: None,
        }
    }

    pub(crate) fn at(path: &Path) -> Self {
        Self {
            saved: true,
            file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()),
            folder: None,
        }
    }
}

/// The message for a file that is already there (checked before any work is done).
pub fn refuse_existing(path: &Path) -> Result<()> {
    if path.exists() {
        return Err(Error::invalid(
            "That file already exists; choose a new name. Nothing was written.",
        ));
    }
    Ok(())
}

/// Make the bytes, then save them as [`save`] does. With [`WriteMode::NewOnly`] a file
/// already there is refused before any work (a packet is not sealed, nor a sequence
/// number spent, for a file that cannot be written).
pub fn save_made<B: AsRef<[u8]>>(
    path: &Path,
    mode: WriteMode,
    make: impl FnOnce() -> Result<B>,
) -> Result<SavedFile> {
    if mode == WriteMode::NewOnly {
        refuse_existing(path)?;
    }
    save(path, make()?.as_ref(), mode)
}

/// Write `bytes` owner-only and whole (never half-written), as `mode` allows.
pub fn save(path: &Path, bytes: &[u8], mode: WriteMode) -> Result<SavedFile> {
    match mode {
        WriteMode::NewOnly => {
            refuse_existing(path)?;
            crate::files::write_new_private_file(path, bytes)?;
        }
        WriteMode::Replace => crate::files::replace_private_file(path, bytes)?,
    }
    Ok(SavedFile::at(path))
}
