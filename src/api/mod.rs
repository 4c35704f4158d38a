//! What front ends call: request and response types and the one error type.
//!
//! The CLI and (later) the desktop shell are thin adapters over these. Errors cross as
//! `{ code, message }` with a closed set of codes ([`ErrorCode`]); messages never hold
//! journal text.

pub use crate::error::{Error, ErrorCode, Result};
pub use crate::journal::{
    DamagedRecord, Entry, EntryChange, EntryId, EntryKind, EntrySummary, Filter, FindRequest,
    NewEntry, Page, Setting, Snippet, Sort, VerifyReport,
};
