//! Settings, and the activity that keeps the idle clock from locking.

use attune::api::{backups, settings, Error, Settings};
use tauri::State;

use crate::dialogs;
use crate::state::{AppState, Reply};

#[tauri::command]
pub fn get_settings(state: State<'_, AppState>) -> Reply<Settings> {
    state.read(settings::get)
}

/// Save the settings. A rotation that would delete backups kept today is confirmed in a
/// native dialog first: the page alone cannot empty the backup folder.
#[tauri::command]
pub async fn save_settings(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    req: Settings,
) -> Reply<Settings> {
    let removed = match req.backup_rotation {
        Some(next) => state.read(|j| backups::removed_by_new_rotation(j, next))?,
        None => 0,
    };
    if removed > 0 {
        let backups = if removed == 1 { "backup" } else { "backups" };
        let message = format!(
            "With this setting, Attune deletes {removed} older {backups} from your backup folder the next time it backs up. Keep fewer backups?"
        );
        if !dialogs::confirm(&app, "Keep fewer backups?", &message, "Keep fewer").await? {
            return Err(Error::invalid(
                "Nothing was changed: keeping fewer backups was not confirmed.",
            ));
        }
    }
    let saved = state.write(|j| settings::save(j, req))?;
    state.idle.set_minutes(saved.auto_lock_minutes);
    Ok(saved)
}

#[tauri::command]
pub fn note_activity(state: State<'_, AppState>) {
    state.idle.touch();
}
