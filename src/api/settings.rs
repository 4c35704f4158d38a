//! The person's settings (kept encrypted in the journal).

use crate::journal::{Journal, Settings};
use crate::Result;

pub fn get(journal: &Journal) -> Result<Settings> {
    journal.settings()
}

/// Save the settings; allow-list words are trimmed and repeats dropped first.
pub fn save(journal: &mut Journal, req: Settings) -> Result<Settings> {
    let req = req.tidied();
    journal.save_settings(&req)?;
    Ok(req)
}
