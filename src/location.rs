//! Where a journal lives on disk: computed here so the CLI and the desktop app agree.

use std::path::{Path, PathBuf};

use crate::{Error, ErrorCode, Result};

/// Environment variable naming the journal folder (after `--journal`, before the default).
pub const JOURNAL_ENV: &str = "ATTUNE_JOURNAL";

/// The journal folder: `explicit` (`--journal DIR`), else `$ATTUNE_JOURNAL`, else the
/// platform data folder (`$XDG_DATA_HOME/attune`, usually `~/.local/share/attune`).
pub fn journal_dir(explicit: Option<&Path>) -> Result<PathBuf> {
    if let Some(dir) = explicit {
        return Ok(dir.to_path_buf());
    }
    if let Some(dir) = std::env::var_os(JOURNAL_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    default_journal_dir()
}

/// The platform's default journal folder.
pub fn default_journal_dir() -> Result<PathBuf> {
    dirs::data_dir().map(|d| d.join("attune")).ok_or_else(|| {
        Error::new(
            ErrorCode::NoJournal,
            "Could not find your data folder (is HOME set?). Name a folder with --journal DIR.",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_folder_wins() {
        let dir = journal_dir(Some(Path::new("/tmp/somewhere"))).unwrap();
        assert_eq!(dir, PathBuf::from("/tmp/somewhere"));
    }
}
