//! The supervision exchange: identities, contacts, share and feedback packets, import.
//!
//! Packets travel as files through any channel. The crypto lives in [`crate::crypto`];
//! this module owns the formats and the rules. [`document`] is the signed document a
//! packet carries.

pub mod document;
