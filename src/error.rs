//! The one error type of the core, with a closed set of machine-readable codes.
//!
//! Messages are written for people and never contain journal text: they may be shown,
//! logged or sent across IPC as they are.

use serde::Serialize;

use crate::crypto::{CryptoError, PassphraseError, RecoveryKeyError};

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong, as a code a front end can switch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The passphrase or recovery key did not open the journal (or a key protector is damaged).
    WrongSecret,
    /// A typed recovery key has a typing mistake or the wrong shape.
    RecoveryKeyMistyped,
    /// The new passphrase does not meet the rules.
    WeakPassphrase,
    /// There is no journal at the location.
    NoJournal,
    /// `init` found a journal already there.
    JournalExists,
    /// Another Attune window or command has the journal open.
    JournalBusy,
    /// The journal was written by a newer version of Attune.
    NewerVersion,
    /// The database file itself is damaged or is not an Attune journal.
    DamagedJournal,
    /// One or more records could not be read (reported and skipped).
    DamagedRecords,
    /// No entry with that id.
    NotFound,
    /// The journal is locked; unlock it first.
    Locked,
    /// Something given was not valid (dates, ratings, JSON, ids, lengths).
    InvalidInput,
    /// The disk is full; nothing was changed.
    DiskFull,
    /// The folder could not be read or written.
    Unwritable,
    /// Writing to the disk failed part-way (a drive removed, a file-size limit, I/O error).
    WriteFailed,
    /// A packet was refused on import (too large, not for this journal, not from a
    /// confirmed contact, damaged, malformed or from a newer Attune); nothing was changed.
    PacketRefused,
    /// Anything else.
    Internal,
}

/// An error from the core. `message` is human, short, and free of journal text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[error("{message}")]
pub struct Error {
    pub code: ErrorCode,
    pub message: String,
}

impl Error {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidInput, message)
    }

    pub fn wrong_secret() -> Self {
        Self::new(
            ErrorCode::WrongSecret,
            "That passphrase does not open this journal. Check it and try again; if you have \
             forgotten it, you can use your recovery key.",
        )
    }

    pub fn wrong_recovery_key() -> Self {
        Self::new(
            ErrorCode::WrongSecret,
            "That recovery key does not open this journal. Check that it is the key saved for \
             this journal.",
        )
    }

    pub fn not_found(what: &str) -> Self {
        Self::new(ErrorCode::NotFound, format!("No {what} with that id."))
    }

    pub(crate) fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Internal, message)
    }

    pub fn damaged_journal() -> Self {
        Self::new(
            ErrorCode::DamagedJournal,
            "The journal file is damaged or is not an Attune journal. Nothing was changed; \
             restore it from a backup copy if you have one.",
        )
    }

    pub(crate) fn from_io(err: &std::io::Error, doing: &str) -> Self {
        use std::io::ErrorKind;
        match err.kind() {
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded | ErrorKind::FileTooLarge => {
                Self::disk_full()
            }
            ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => Self::new(
                ErrorCode::Unwritable,
                format!("Could not {doing}: permission denied. Check that the folder is yours and writable."),
            ),
            ErrorKind::NotFound => Self::new(
                ErrorCode::Unwritable,
                format!("Could not {doing}: the folder does not exist."),
            ),
            // A journal location under a file, or a file where the folder should be.
            ErrorKind::NotADirectory | ErrorKind::AlreadyExists => Self::new(
                ErrorCode::Unwritable,
                format!("Could not {doing}: a file is in the way of that folder. Choose another folder."),
            ),
            _ => Self::new(ErrorCode::Internal, format!("Could not {doing}: {}", err.kind())),
        }
    }

    pub fn disk_full() -> Self {
        Self::new(
            ErrorCode::DiskFull,
            "The disk is full, so nothing was saved. Free some space and try again; your \
             journal is unchanged.",
        )
    }
}

impl From<CryptoError> for Error {
    fn from(err: CryptoError) -> Self {
        match err {
            CryptoError::Undecryptable => Self::wrong_secret(),
            // A tampered protector exits like a wrong passphrase: no detail either way.
            CryptoError::KdfParamsOutOfBounds => Self::wrong_secret(),
            CryptoError::Random => Self::internal("The system's random number generator failed."),
            CryptoError::TooLarge => {
                Self::invalid("This entry is too large to save (16 MB at most).")
            }
        }
    }
}

impl From<PassphraseError> for Error {
    fn from(err: PassphraseError) -> Self {
        Self::new(
            ErrorCode::WeakPassphrase,
            format!("{}{}", capitalise(&err.to_string()), "."),
        )
    }
}

impl From<RecoveryKeyError> for Error {
    fn from(err: RecoveryKeyError) -> Self {
        Self::new(
            ErrorCode::RecoveryKeyMistyped,
            format!("{}.", capitalise(&err.to_string())),
        )
    }
}

impl From<rusqlite::Error> for Error {
    fn from(err: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode as Sqlite;
        match err.sqlite_error_code() {
            Some(Sqlite::DiskFull) => Self::disk_full(),
            Some(Sqlite::SystemIoFailure) if is_read_error(&err) => Self::new(
                ErrorCode::DamagedJournal,
                "Attune could not read the journal file from the disk. Nothing was changed; check \
                 the drive, or restore the journal from a backup copy.",
            ),
            Some(Sqlite::SystemIoFailure) => Self::new(
                ErrorCode::WriteFailed,
                "Attune could not write to the disk (it may be full, or the drive may have been \
                 removed). Nothing was saved; your journal is as it was.",
            ),
            Some(Sqlite::NotADatabase | Sqlite::DatabaseCorrupt) => Self::damaged_journal(),
            Some(Sqlite::DatabaseBusy | Sqlite::DatabaseLocked) => busy(),
            Some(Sqlite::ReadOnly | Sqlite::PermissionDenied | Sqlite::CannotOpen) => Self::new(
                ErrorCode::Unwritable,
                "The journal file could not be opened for writing. Check the folder's permissions.",
            ),
            // SQLite's own message names no user data (we never build SQL from text).
            _ => Self::internal(format!("Storage error: {err}")),
        }
    }
}

fn is_read_error(err: &rusqlite::Error) -> bool {
    use rusqlite::ffi::{SQLITE_IOERR_READ, SQLITE_IOERR_SHORT_READ};
    err.sqlite_error()
        .is_some_and(|e| matches!(e.extended_code, SQLITE_IOERR_READ | SQLITE_IOERR_SHORT_READ))
}

pub(crate) fn busy() -> Error {
    Error::new(
        ErrorCode::JournalBusy,
        "This journal is open in another Attune window or command. Close it there and try again.",
    )
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
