//! Supervision sessions and hours.

use attune::api::sessions;
use attune::api::{
    HoursRequest, HoursSummary, SavedFile, SessionInput, SessionRef, SessionsRequest,
    SupervisionSession, WriteMode,
};
use tauri::State;

use crate::dialogs;
use crate::state::{AppState, Reply};

#[tauri::command]
pub fn list_sessions(
    state: State<'_, AppState>,
    req: SessionsRequest,
) -> Reply<Vec<SupervisionSession>> {
    state.read(|j| sessions::list(j, &req))
}

#[tauri::command]
pub fn save_session(state: State<'_, AppState>, req: SessionInput) -> Reply<SupervisionSession> {
    state.write(|j| sessions::save(j, req))
}

#[tauri::command]
pub fn delete_session(state: State<'_, AppState>, req: SessionRef) -> Reply<()> {
    state.write(|j| sessions::delete(j, &req))
}

#[tauri::command]
pub fn hours_summary(state: State<'_, AppState>, req: HoursRequest) -> Reply<HoursSummary> {
    state.read(|j| sessions::hours(j, &req))
}

/// The year's hours as CSV (dates, durations, names; never content), saved where the
/// person picks in a native dialog.
#[tauri::command]
pub async fn export_hours_csv(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    req: HoursRequest,
) -> Reply<SavedFile> {
    state.read(|j| sessions::hours_csv(j, &req))?;
    let name = sessions::hours_csv_file_name(&req);
    dialogs::save_with(
        &app,
        "Save your RS/C hours",
        &name,
        ("CSV", &["csv"]),
        |path| state.read(|j| sessions::save_hours_csv(j, &req, path, WriteMode::Replace)),
    )
    .await
}
