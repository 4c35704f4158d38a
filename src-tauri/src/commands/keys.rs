//! Create, unlock, lock, recover; passphrase and recovery key.

use attune::api::{
    self, About, ChangePassphraseRequest, CreateRequest, CreateResponse, RecoverRequest,
    RecoveryKeyCheck, SavedFile, Status, UnlockRequest,
};
use attune::vault::KdfChoice;
use tauri::State;

use crate::dialogs;
use crate::state::{off_thread, AppState, Reply};

#[tauri::command]
pub fn status(state: State<'_, AppState>) -> Reply<Status> {
    Ok(state.app()?.status())
}

#[tauri::command]
pub fn about() -> Reply<About> {
    Ok(api::about())
}

#[tauri::command]
pub async fn create_journal(
    state: State<'_, AppState>,
    req: CreateRequest,
) -> Reply<CreateResponse> {
    let dir = state.app()?.dir().to_path_buf();
    let kdf = KdfChoice::from_env();
    let (journal, shown) = off_thread(move || api::keys::create_journal(&dir, &req, kdf)).await?;
    state.start(journal, Some(&shown))?;
    Ok(shown)
}

#[tauri::command]
pub fn check_recovery_key(state: State<'_, AppState>, req: RecoveryKeyCheck) -> Reply<()> {
    state.app()?.check_recovery_key(&req)
}

/// Save the recovery key just issued to a file the person picks in a native dialog.
#[tauri::command]
pub async fn save_recovery_key(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Reply<SavedFile> {
    state.app()?.recovery_key_saveable()?;
    let text = ("Text file", &["txt"][..]);
    dialogs::save_with(
        &app,
        "Save your recovery key",
        api::RECOVERY_KEY_FILE_NAME,
        text,
        |path| state.app()?.save_recovery_key(path),
    )
    .await
}

#[tauri::command]
pub async fn unlock(state: State<'_, AppState>, req: UnlockRequest) -> Reply<Status> {
    let dir = state.app()?.dir().to_path_buf();
    let journal = off_thread(move || api::keys::open_journal(&dir, &req)).await?;
    state.start(journal, None)
}

#[tauri::command]
pub fn lock(state: State<'_, AppState>) -> Reply<()> {
    state.app()?.lock()
}

#[tauri::command]
pub async fn recover(state: State<'_, AppState>, req: RecoverRequest) -> Reply<CreateResponse> {
    let dir = state.app()?.dir().to_path_buf();
    let kdf = KdfChoice::from_env();
    let (journal, shown) = off_thread(move || api::keys::recover_journal(&dir, &req, kdf)).await?;
    state.start(journal, Some(&shown))?;
    Ok(shown)
}

/// Runs the key derivation twice; the journal stays held against other commands
/// meanwhile, which is what a passphrase change should do.
#[tauri::command]
pub async fn change_passphrase(
    state: State<'_, AppState>,
    req: ChangePassphraseRequest,
) -> Reply<()> {
    state.write(|j| api::keys::change_passphrase(j, &req))
}
