//! The de-identification check and the plain-text export.

use attune::api::{self, DeidReport, DeidRequest, ExportFormat, ExportRequest, ExportReview};
use attune::api::{SavedFile, WriteMode};
use tauri::State;

use crate::dialogs;
use crate::state::{AppState, Reply};

#[tauri::command]
pub fn deid_scan(state: State<'_, AppState>, req: DeidRequest) -> Reply<DeidReport> {
    state.read(|j| api::deid::scan(j, &req))
}

#[tauri::command]
pub fn export_review(state: State<'_, AppState>) -> Reply<ExportReview> {
    state.read(api::export::review)
}

/// Export the journal as plain text to a file the person picks in a native dialog,
/// once the identifying passages have been reviewed.
#[tauri::command]
pub async fn export_journal(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    req: ExportRequest,
) -> Reply<SavedFile> {
    state.read(|j| api::export::check(j, &req))?;
    let name = api::export::file_name(req.format);
    if req.format.is_folder() {
        // A new folder inside the one chosen; an existing one is never replaced.
        return match dialogs::pick_folder(&app, "Choose where to put the export folder").await? {
            None => Ok(SavedFile::cancelled()),
            Some(parent) => {
                let path = parent.join(name);
                state
                    .lend(move |j| api::export::write(j, &req, &path, WriteMode::NewOnly))
                    .await
                    .map(|done| done.file)
            }
        };
    }
    let filter = match req.format {
        ExportFormat::Json | ExportFormat::Jrnl => ("JSON", &["json"][..]),
        ExportFormat::Markdown | ExportFormat::MarkdownFolder => ("Markdown", &["md"][..]),
    };
    match dialogs::save_path(&app, "Export your journal", &name, filter).await? {
        None => Ok(SavedFile::cancelled()),
        Some(path) => state
            .lend(move |j| api::export::write(j, &req, &path, WriteMode::Replace))
            .await
            .map(|done| done.file),
    }
}
