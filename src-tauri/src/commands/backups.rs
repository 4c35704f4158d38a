//! Backups: status, back up now, the folder, a copy to carry, restore.

use attune::api::{self, BackupStatus, RestoredBackup, SavedFile, WriteMode};
use tauri::{Emitter, State};

use crate::dialogs;
use crate::state::{AppState, Reply, LOCKED_EVENT};

const BACKUP_FILTER: (&str, &[&str]) = ("Attune backup", &["attune"]);

#[tauri::command]
pub fn backup_status(state: State<'_, AppState>) -> Reply<BackupStatus> {
    state.app()?.backup_status()
}

/// Back up on the lent journal, so a lock asked for meanwhile is never kept waiting.
#[tauri::command]
pub async fn back_up_now(state: State<'_, AppState>) -> Reply<BackupStatus> {
    let result = state
        .lend(|j| api::backups::back_up_now(j, chrono::Utc::now()))
        .await;
    state.app()?.backed_up(result)
}

/// Choose the backup folder in a native dialog; the page never sends a path.
#[tauri::command]
pub async fn choose_backup_folder(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Reply<BackupStatus> {
    state.app()?.backup_status()?;
    match dialogs::pick_folder(&app, "Choose a folder for your backups").await? {
        None => state.app()?.backup_status(),
        Some(folder) => state.app()?.set_backup_folder(&folder),
    }
}

/// One backup file for moving, saved where the person picks (native dialog).
#[tauri::command]
pub async fn save_backup_copy(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Reply<SavedFile> {
    state.app()?.backup_status()?;
    let name = api::backups::copy_file_name();
    match dialogs::save_path(&app, "Save a backup to take with you", &name, BACKUP_FILTER).await? {
        None => Ok(SavedFile::cancelled()),
        Some(path) => {
            state
                .lend(move |j| {
                    api::backups::save_copy(j.vault().store(), &path, WriteMode::Replace)
                })
                .await
        }
    }
}

/// Restore a backup file picked in a native dialog: onto a new computer (no journal
/// yet), or over this unlocked journal. The journal is locked afterwards and the web
/// view told so (it reloads to the unlock screen).
#[tauri::command]
pub async fn restore_backup(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Reply<Option<RestoredBackup>> {
    state.app()?.may_restore()?;
    let Some(file) = dialogs::pick_file(&app, "Choose a backup to restore", BACKUP_FILTER).await?
    else {
        return Ok(None);
    };
    let restored = state.app()?.restore_backup(&file)?;
    let _ = app.emit(LOCKED_EVENT, ());
    Ok(Some(restored))
}
