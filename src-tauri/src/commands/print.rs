//! Print to PDF: the document is typeset in the core and saved where the person picks in
//! a native dialog (the web view never learns a path).

use attune::api::print;
use attune::api::{PrintHoursRequest, PrintReflectionsRequest, SavedFile, WriteMode};
use tauri::State;

use crate::dialogs;
use crate::state::{AppState, Reply};

/// The hours statement of a period, as a PDF.
#[tauri::command]
pub async fn print_hours(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    req: PrintHoursRequest,
) -> Reply<SavedFile> {
    // A bad period is refused before a dialog opens.
    state.read(|j| print::hours_statement(j, &req, chrono::Local::now().date_naive()))?;
    let name = print::hours_file_name(&req);
    match dialogs::save_path(&app, "Save your hours statement", &name, ("PDF", &["pdf"])).await? {
        None => Ok(SavedFile::cancelled()),
        Some(path) => {
            state
                .lend(move |j| print::save_hours(j, &req, &path, WriteMode::Replace))
                .await
        }
    }
}

/// Reflections of a period (or chosen ones) as a PDF, once the identifying passages
/// have been gone through (the export's review; the core refuses otherwise).
#[tauri::command]
pub async fn print_reflections(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    req: PrintReflectionsRequest,
) -> Reply<SavedFile> {
    state.read(|j| print::reflections_doc(j, &req, chrono::Local::now().date_naive()).map(drop))?;
    let name = print::reflections_file_name();
    match dialogs::save_path(
        &app,
        "Save the reflections as a PDF",
        &name,
        ("PDF", &["pdf"]),
    )
    .await?
    {
        None => Ok(SavedFile::cancelled()),
        Some(path) => {
            state
                .lend(move |j| print::save_reflections(j, &req, &path, WriteMode::Replace))
                .await
        }
    }
}
