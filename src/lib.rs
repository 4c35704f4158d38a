//! Attune's core: the encrypted journal for reflective supervision/consultation.
//!
//! No Tauri here. The desktop shell and the `attune` CLI are thin front ends over
//! [`api`]; everything that touches keys lives in [`crypto`], everything that touches
//! SQLite in [`store`], and [`vault`] joins the two. Every table's records go through
//! [`records`]; [`journal`] and [`share`] build on it, and [`verify`] sits above both.
//! Dependencies point one way: `share -> journal -> vault -> store -> crypto`.

pub mod api;
pub mod crypto;
pub mod deid;
mod error;
pub mod files;
pub mod ids;
pub mod import;
pub mod journal;
pub mod location;
#[cfg(feature = "print")]
pub mod print;
pub mod prompts;
pub mod records;
pub mod session;
pub mod share;
pub mod store;
pub mod text;
pub mod vault;
pub mod verify;

pub use error::{Error, ErrorCode, Result};
