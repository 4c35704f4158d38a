//! The person's settings (kept encrypted in the journal).

use crate::journal::{Journal, Settings};
use crate::Result;

pub fn get(journal: &Journal) -> Result<Settings> {
    journal.settings()
}

/// Save the settings; allow-list words are trimmed and repeats dropped first. The
/// backup folder is not taken from the request: it changes only through
/// [`super::backups::set_folder`] (a native dialog in the app, an argument in the CLI),
/// so a page cannot point backups at a folder of its choosing. A damaged settings
/// record is replaced (it could not be read, so there is nothing of it to keep).
pub fn save(journal: &mut Journal, req: Settings) -> Result<Settings> {
    let mut req = req.tidied();
    req.backup_folder = journal.settings().ok().and_then(|s| s.backup_folder);
    journal.save_settings(&req)?;
    Ok(req)
}
