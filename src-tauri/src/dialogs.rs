//! Native file dialogs, opened from Rust. The web view asks for an action ("save the
//! recovery key", "choose the backup folder"), never for a path, and learns at most a
//! file or folder name back.

use std::path::{Path, PathBuf};

use attune::api::{Error, ErrorCode, SavedFile};
use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

/// Ask where to save a file, suggesting `file_name`. `None` when the person cancels.
///
/// End-to-end builds answer without a window when `ATTUNE_E2E_SAVE_DIR` is set (the
/// file goes there under the suggested name): WebDriver cannot reach a GTK dialog.
pub async fn save_path(
    app: &AppHandle,
    title: &str,
    file_name: &str,
    filter: (&str, &[&str]),
) -> Result<Option<PathBuf>, Error> {
    #[cfg(feature = "e2e")]
    if let Some(dir) = std::env::var_os("ATTUNE_E2E_SAVE_DIR") {
        return Ok(Some(PathBuf::from(dir).join(file_name)));
    }
    let dialog = app
        .dialog()
        .file()
        .set_title(title)
        .set_file_name(file_name)
        .add_filter(filter.0, filter.1);
    // The blocking form must not run on the main thread; a worker thread waits instead.
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .map_err(|_| dialog_failed())?;
    match chosen {
        None => Ok(None),
        Some(path) => path.into_path().map(Some).map_err(|_| dialog_failed()),
    }
}

/// Ask where to save, then `write` there; a cancelled dialog is [`SavedFile::cancelled`].
pub async fn save_with(
    app: &AppHandle,
    title: &str,
    file_name: &str,
    filter: (&str, &[&str]),
    write: impl FnOnce(&Path) -> Result<SavedFile, Error>,
) -> Result<SavedFile, Error> {
    match save_path(app, title, file_name, filter).await? {
        None => Ok(SavedFile::cancelled()),
        Some(path) => write(&path),
    }
}

fn dialog_failed() -> Error {
    Error::new(
        ErrorCode::Internal,
        "The save window could not open. Please try again.",
    )
}

/// Ask for a folder (the backup folder). `None` when the person cancels.
///
/// End-to-end builds answer with `ATTUNE_E2E_PICK_FOLDER` when it is set.
pub async fn pick_folder(app: &AppHandle, title: &str) -> Result<Option<PathBuf>, Error> {
    #[cfg(feature = "e2e")]
    if let Some(dir) = std::env::var_os("ATTUNE_E2E_PICK_FOLDER") {
        return Ok(Some(PathBuf::from(dir)));
    }
    let dialog = app.dialog().file().set_title(title);
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_folder())
        .await
        .map_err(|_| dialog_failed())?;
    match chosen {
        None => Ok(None),
        Some(path) => path.into_path().map(Some).map_err(|_| dialog_failed()),
    }
}

/// Ask for a file to open (a backup to restore). `None` when the person cancels.
///
/// End-to-end builds answer with `ATTUNE_E2E_OPEN_FILE` when it is set.
pub async fn pick_file(
    app: &AppHandle,
    title: &str,
    filter: (&str, &[&str]),
) -> Result<Option<PathBuf>, Error> {
    #[cfg(feature = "e2e")]
    if let Some(file) = std::env::var_os("ATTUNE_E2E_OPEN_FILE") {
        return Ok(Some(PathBuf::from(file)));
    }
    let dialog = app
        .dialog()
        .file()
        .set_title(title)
        .add_filter(filter.0, filter.1);
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_file())
        .await
        .map_err(|_| dialog_failed())?;
    match chosen {
        None => Ok(None),
        Some(path) => path.into_path().map(Some).map_err(|_| dialog_failed()),
    }
}

/// Ask the person, in a native window the page cannot draw or click, to confirm a step
/// that decides who can read their reflections. True only for the confirm button.
///
/// End-to-end builds answer with `ATTUNE_E2E_CONFIRM` when it is set: `yes`, `no`, or
/// the absolute path of a file holding `yes` or `no`, read at each question (so a journey
/// can say no, then yes).
pub async fn confirm(
    app: &AppHandle,
    title: &str,
    message: &str,
    confirm: &str,
) -> Result<bool, Error> {
    #[cfg(feature = "e2e")]
    if let Some(answer) = std::env::var_os("ATTUNE_E2E_CONFIRM") {
        let path = std::path::Path::new(&answer);
        if path.is_absolute() {
            let said = std::fs::read_to_string(path).unwrap_or_default();
            return Ok(said.trim() == "yes");
        }
        return Ok(answer == "yes");
    }
    let dialog = app
        .dialog()
        .message(message)
        .title(title)
        .kind(tauri_plugin_dialog::MessageDialogKind::Warning)
        .buttons(tauri_plugin_dialog::MessageDialogButtons::OkCancelCustom(
            confirm.to_string(),
            "Cancel".to_string(),
        ));
    tauri::async_runtime::spawn_blocking(move || dialog.blocking_show())
        .await
        .map_err(|_| dialog_failed())
}
