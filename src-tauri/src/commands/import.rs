//! Bringing a journal over from another app: the export is chosen in a native dialog
//! opened here (the page never sends or learns a path), previewed, and held in the app
//! state until the person says "Import" or "Cancel".

use attune::api::ImportPreview;
use attune::api::{self, ImportChoice, ImportDone, ImportJournalRequest, ImportOptions};
use tauri::State;

use crate::dialogs;
use crate::state::{AppState, Reply};

/// The files the open dialog offers: Day One's ZIP, JSON exports, jrnl's text, notes.
const IMPORT_FILTER: (&str, &[&str]) =
    ("Journal exports", &["zip", "json", "txt", "md", "markdown"]);

/// Ask for the export (a file, or a folder of notes) and preview it. `None` when the
/// dialog was closed. Reading runs on the journal lent out of the app, so a lock asked
/// for meanwhile wins at once.
#[tauri::command]
pub async fn choose_import(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    req: ImportChoice,
) -> Reply<Option<ImportPreview>> {
    state.read(|_| Ok(()))?;
    state.app()?.cancel_import();
    let chosen = if req.folder {
        dialogs::pick_folder(&app, "Choose the folder of notes to import").await?
    } else {
        dialogs::pick_file(&app, "Choose the export to import", IMPORT_FILTER).await?
    };
    let Some(path) = chosen else {
        return Ok(None);
    };
    let options = ImportOptions {
        format: req.format,
        ..ImportOptions::default()
    };
    let held = path.clone();
    let preview = state
        .lend(move |j| api::import::preview(j, &path, &options))
        .await?;
    let mut app = state.app()?;
    // A lock that came while reading forgets the choice: hold it only while unlocked.
    if app.is_unlocked() {
        app.hold_import(held, req.format);
    }
    Ok(Some(preview))
}

/// Import what was chosen and previewed, all of it or nothing.
#[tauri::command]
pub async fn import_journal(
    state: State<'_, AppState>,
    req: ImportJournalRequest,
) -> Reply<ImportDone> {
    let (path, format) = state.app()?.take_import()?;
    let options = ImportOptions {
        format,
        as_private: req.as_private,
        flag_starred: req.flag_starred,
    };
    state
        .lend(move |j| api::import::import(j, &path, &options))
        .await
}

/// Forget the chosen export.
#[tauri::command]
pub fn cancel_import(state: State<'_, AppState>) -> Reply<()> {
    state.app()?.cancel_import();
    Ok(())
}
