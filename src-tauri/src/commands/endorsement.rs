//! Endorsement: the data to choose from, the report, and the application CSVs.

use attune::api::endorsement;
use attune::api::{
    EndorsementCsvRequest, EndorsementData, EndorsementReport, EndorsementRequest, SavedFile,
    WriteMode,
};
use tauri::State;

use crate::dialogs;
use crate::state::{AppState, Reply};

#[tauri::command]
pub fn endorsement_data(state: State<'_, AppState>) -> Reply<EndorsementData> {
    state.read(|_| Ok(endorsement::data()))
}

#[tauri::command]
pub fn endorsement_report(
    state: State<'_, AppState>,
    req: EndorsementRequest,
) -> Reply<EndorsementReport> {
    state.read(|j| endorsement::report(j, &req))
}

/// The sessions or training of the report's period as CSV for an application, saved
/// where the person picks in a native dialog.
#[tauri::command]
pub async fn export_endorsement_csv(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    req: EndorsementCsvRequest,
) -> Reply<SavedFile> {
    let today = endorsement::today();
    state.read(|j| endorsement::csv_on(j, &req, today))?;
    let name = endorsement::csv_file_name(&req, today);
    dialogs::save_with(
        &app,
        "Save for your application",
        &name,
        ("CSV", &["csv"]),
        |path| state.read(|j| endorsement::save_csv(j, &req, path, WriteMode::Replace)),
    )
    .await
}
