//! Settings, and the activity that keeps the idle clock from locking.

use attune::api::{settings, Settings};
use tauri::State;

use crate::state::{AppState, Reply};

#[tauri::command]
pub fn get_settings(state: State<'_, AppState>) -> Reply<Settings> {
    state.read(settings::get)
}

#[tauri::command]
pub fn save_settings(state: State<'_, AppState>, req: Settings) -> Reply<Settings> {
    let saved = state.write(|j| settings::save(j, req))?;
    state.idle.set_minutes(saved.auto_lock_minutes);
    Ok(saved)
}

#[tauri::command]
pub fn note_activity(state: State<'_, AppState>) {
    state.idle.touch();
}
