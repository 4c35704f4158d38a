//! Training records and their certificates.

use attune::api::training;
use attune::api::{SavedFile, Training, TrainingInput, TrainingRef};
use attune::journal::CertificateKind;
use tauri::State;

use crate::dialogs;
use crate::state::{AppState, Reply};

const CERTIFICATE_FILTER: (&str, &[&str]) = ("Certificates", &["pdf", "png", "jpg", "jpeg"]);

#[tauri::command]
pub fn list_trainings(state: State<'_, AppState>) -> Reply<Vec<Training>> {
    state.read(training::list)
}

#[tauri::command]
pub fn save_training(state: State<'_, AppState>, req: TrainingInput) -> Reply<Training> {
    state.write(|j| training::save(j, req))
}

#[tauri::command]
pub fn delete_training(state: State<'_, AppState>, req: TrainingRef) -> Reply<()> {
    state.write(|j| training::delete(j, &req))
}

/// A certificate file the person picks in a native dialog, kept encrypted in the
/// journal; `None` if they cancel. The page never learns the path.
#[tauri::command]
pub async fn attach_certificate(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    req: TrainingRef,
) -> Reply<Option<Training>> {
    state.read(|j| j.training(&req.id))?;
    match dialogs::pick_file(&app, "Attach a certificate", CERTIFICATE_FILTER).await? {
        None => Ok(None),
        Some(path) => state
            .write(|j| training::attach_certificate(j, &req, &path))
            .map(Some),
    }
}

/// Save a certificate back out where the person picks, as a new owner-only file
/// (never over one that is there).
#[tauri::command]
pub async fn save_certificate(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    req: TrainingRef,
) -> Reply<SavedFile> {
    let name = state.read(|j| training::certificate_file_name(j, &req))?;
    let kind = state.read(|j| Ok(j.training(&req.id)?.certificate.as_ref().map(|c| c.kind)))?;
    let filter: (&str, &[&str]) = match kind {
        Some(CertificateKind::Png) => ("PNG image", &["png"]),
        Some(CertificateKind::Jpeg) => ("JPEG image", &["jpg", "jpeg"]),
        _ => ("PDF", &["pdf"]),
    };
    dialogs::save_with(&app, "Save the certificate", &name, filter, |path| {
        state.read(|j| training::save_certificate(j, &req, path))
    })
    .await
}
