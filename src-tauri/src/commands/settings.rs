//! Settings, the activity that keeps the idle clock from locking, and starting at login.

use attune::api::{autostart, backups, settings, Error, Settings, StartAtLogin};
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
    state.read(|j| {
        state.reminders.learn(j);
        Ok(())
    })?;
    crate::tray::set(&app, saved.reminders.keep_running);
    Ok(saved)
}

#[tauri::command]
pub fn note_activity(state: State<'_, AppState>) {
    state.idle.touch();
}

/// Whether Attune starts at login (its entry is in the autostart folder).
#[tauri::command]
pub fn start_at_login() -> Reply<bool> {
    Ok(autostart::starts_at_login(&autostart::this_autostart_dir()?))
}

/// Write or remove the autostart entry, which starts this program with `--background`.
#[tauri::command]
pub fn set_start_at_login(req: StartAtLogin) -> Reply<bool> {
    let program = std::env::current_exe().map_err(|_| {
        Error::new(
            attune::api::ErrorCode::Internal,
            "Attune could not tell where it is installed, so it cannot start at login.",
        )
    })?;
    autostart::set_start_at_login(&autostart::this_autostart_dir()?, &program, req.on)
}
