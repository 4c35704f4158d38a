//! Attune's desktop shell: thin Tauri commands over `attune::api`, nothing more.
//!
//! Every command takes one request struct and calls one `Session` method (or a slow
//! free function off the session lock). The shell adds only what a desktop needs: the
//! window, single instance, the idle auto-lock, locking on suspend and screen lock and
//! when the window closes, and no core dumps.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

#[cfg(test)]
mod command_names;
mod desktop_events;
mod dialogs;
mod idle;
mod locale;

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use attune::api::{
    self, About, BackupStatus, ChangePassphraseRequest, Checkin, CheckinForm, CheckinRef,
    CheckinSaved, CreateRequest, CreateResponse, DeidReport, DeidRequest, Draft, Entry, EntryRef,
    Error, ExportRequest, ExportReview, FindRequest, HoursRequest, HoursSummary, Insights,
    InsightsRequest, Lens, NewCheckin, NewEntry, PackRequest, PackSummary, Page, PromptPack,
    RecoverRequest, RecoveryKeyCheck, RenderedAnswer, RestoredBackup, SavedFile, Session,
    SessionInput, SessionRef, SessionsRequest, Settings, Status, SupervisionSession, Trends,
    TrendsRequest, UnlockRequest, UpdateRequest,
};
// The supervision exchange.
use attune::api::{
    AgendaMark, ConfirmContactRequest, Contact, ContactCardRequest, ContactCardText, ContactRef,
    FeedbackRequest, FeedbackThread, FlaggedEntries, IdentityInfo, ImportCardFileRequest,
    ImportCardRequest, ImportOutcome, InboxGroup, InboxRequest, PacketKind, ResponseRequest,
    SharePreview, ShareRequest, ShareStatus, WithdrawRequest, WithdrawResponse,
};
use attune::vault::KdfChoice;
use tauri::{Emitter, Manager, State};

/// Event sent to the web view when the shell locks the journal on its own.
pub const LOCKED_EVENT: &str = "attune://locked";

struct AppState {
    session: Mutex<Session>,
    idle: idle::IdleLock,
}

impl AppState {
    fn session(&self) -> Result<MutexGuard<'_, Session>, Error> {
        self.session.lock().map_err(|_| {
            Error::new(
                api::ErrorCode::Internal,
                "Attune hit an internal problem; please restart it.",
            )
        })
    }
}

type Reply<T> = Result<T, Error>;

/// Run slow work (key derivation) on a blocking thread so the window stays responsive.
async fn off_thread<T: Send + 'static>(
    work: impl FnOnce() -> Reply<T> + Send + 'static,
) -> Reply<T> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|_| {
            Error::new(
                api::ErrorCode::Internal,
                "Attune hit an internal problem; please try again.",
            )
        })?
}

/// Take over an unlocked journal and start its idle clock with the person's setting.
/// A recovery key just issued is kept until it is typed back, so it can be saved.
fn start_session(
    state: &AppState,
    journal: attune::journal::Journal,
    fresh_key: Option<&CreateResponse>,
) -> Reply<Status> {
    let mut session = state.session()?;
    let status = session.install(journal)?;
    if let Some(shown) = fresh_key {
        session.remember_recovery_key(shown)?;
    }
    let minutes = session.get_settings().map_or(5, |s| s.auto_lock_minutes);
    state.idle.set_minutes(minutes);
    state.idle.touch();
    Ok(status)
}

#[tauri::command]
fn status(state: State<'_, AppState>) -> Reply<Status> {
    Ok(state.session()?.status())
}

#[tauri::command]
fn about(state: State<'_, AppState>) -> Reply<About> {
    Ok(state.session()?.about())
}

#[tauri::command]
async fn create_journal(state: State<'_, AppState>, req: CreateRequest) -> Reply<CreateResponse> {
    let dir = state.session()?.dir().to_path_buf();
    let kdf = KdfChoice::from_env();
    let (journal, shown) = off_thread(move || api::create_journal(&dir, &req, kdf)).await?;
    start_session(&state, journal, Some(&shown))?;
    Ok(shown)
}

#[tauri::command]
fn check_recovery_key(state: State<'_, AppState>, req: RecoveryKeyCheck) -> Reply<()> {
    state.session()?.check_recovery_key(&req)
}

/// Save the recovery key just issued to a file the person picks in a native dialog.
#[tauri::command]
async fn save_recovery_key(app: tauri::AppHandle, state: State<'_, AppState>) -> Reply<SavedFile> {
    state.session()?.recovery_key_saveable()?;
    let chosen = dialogs::save_path(
        &app,
        "Save your recovery key",
        api::RECOVERY_KEY_FILE_NAME,
        ("Text file", &["txt"]),
    )
    .await?;
    match chosen {
        None => Ok(SavedFile::cancelled()),
        Some(path) => state.session()?.save_recovery_key(&path),
    }
}

#[tauri::command]
async fn unlock(state: State<'_, AppState>, req: UnlockRequest) -> Reply<Status> {
    let dir = state.session()?.dir().to_path_buf();
    let journal = off_thread(move || api::open_journal(&dir, &req)).await?;
    start_session(&state, journal, None)
}

#[tauri::command]
fn lock(state: State<'_, AppState>) -> Reply<()> {
    state.session()?.lock()
}

#[tauri::command]
async fn recover(state: State<'_, AppState>, req: RecoverRequest) -> Reply<CreateResponse> {
    let dir = state.session()?.dir().to_path_buf();
    let (journal, shown) = off_thread(move || api::recover_journal(&dir, &req)).await?;
    start_session(&state, journal, Some(&shown))?;
    Ok(shown)
}

#[tauri::command]
async fn change_passphrase(state: State<'_, AppState>, req: ChangePassphraseRequest) -> Reply<()> {
    // Runs the key derivation twice; the session stays locked against other commands
    // meanwhile, which is what a passphrase change should do.
    state.session()?.change_passphrase(&req)
}

#[tauri::command]
fn find_entries(state: State<'_, AppState>, req: FindRequest) -> Reply<Page> {
    state.session()?.find_entries(&req)
}

#[tauri::command]
fn get_entry(state: State<'_, AppState>, req: EntryRef) -> Reply<Entry> {
    state.session()?.get_entry(&req)
}

#[tauri::command]
fn create_entry(state: State<'_, AppState>, req: NewEntry) -> Reply<Entry> {
    state.session()?.create_entry(req)
}

#[tauri::command]
fn update_entry(state: State<'_, AppState>, req: UpdateRequest) -> Reply<Entry> {
    state.session()?.update_entry(req)
}

#[tauri::command]
fn trash_entry(state: State<'_, AppState>, req: EntryRef) -> Reply<Entry> {
    state.session()?.trash_entry(&req)
}

#[tauri::command]
fn restore_entry(state: State<'_, AppState>, req: EntryRef) -> Reply<Entry> {
    state.session()?.restore_entry(&req)
}

#[tauri::command]
fn stage_draft(state: State<'_, AppState>, req: Draft) -> Reply<()> {
    state.session()?.stage_draft(req)
}

#[tauri::command]
fn kept_draft(state: State<'_, AppState>) -> Reply<Option<Draft>> {
    state.session()?.kept_draft()
}

#[tauri::command]
fn discard_draft(state: State<'_, AppState>) -> Reply<()> {
    state.session()?.discard_draft()
}

#[tauri::command]
fn get_settings(state: State<'_, AppState>) -> Reply<Settings> {
    state.session()?.get_settings()
}

#[tauri::command]
fn save_settings(state: State<'_, AppState>, req: Settings) -> Reply<Settings> {
    let saved = state.session()?.save_settings(req)?;
    state.idle.set_minutes(saved.auto_lock_minutes);
    Ok(saved)
}

#[tauri::command]
fn note_activity(state: State<'_, AppState>) {
    state.idle.touch();
}

#[tauri::command]
fn entry_answers(state: State<'_, AppState>, req: EntryRef) -> Reply<Vec<RenderedAnswer>> {
    state.session()?.entry_answers(&req)
}

#[tauri::command]
fn list_packs(state: State<'_, AppState>) -> Reply<Vec<PackSummary>> {
    state.session()?.list_packs()
}

#[tauri::command]
fn get_pack(state: State<'_, AppState>, req: PackRequest) -> Reply<PromptPack> {
    state.session()?.get_pack(&req)
}

#[tauri::command]
fn lenses(state: State<'_, AppState>) -> Reply<Vec<Lens>> {
    state.session()?.lenses()
}

#[tauri::command]
fn duplicate_pack(state: State<'_, AppState>, req: PackRequest) -> Reply<PromptPack> {
    state.session()?.duplicate_pack(&req)
}

#[tauri::command]
fn save_pack(state: State<'_, AppState>, req: PromptPack) -> Reply<PromptPack> {
    state.session()?.save_pack(req)
}

#[tauri::command]
fn delete_pack(state: State<'_, AppState>, req: PackRequest) -> Reply<()> {
    state.session()?.delete_pack(&req)
}

#[tauri::command]
fn insights(state: State<'_, AppState>, req: InsightsRequest) -> Reply<Insights> {
    state.session()?.insights(&req)
}

#[tauri::command]
fn checkin_form(state: State<'_, AppState>) -> Reply<CheckinForm> {
    state.session()?.checkin_form()
}

#[tauri::command]
fn save_checkin(state: State<'_, AppState>, req: NewCheckin) -> Reply<CheckinSaved> {
    state.session()?.save_checkin(req)
}

#[tauri::command]
fn checkin_trends(state: State<'_, AppState>, req: TrendsRequest) -> Reply<Trends> {
    state.session()?.checkin_trends(&req)
}

#[tauri::command]
fn list_checkins(state: State<'_, AppState>, req: TrendsRequest) -> Reply<Vec<Checkin>> {
    state.session()?.list_checkins(&req)
}

#[tauri::command]
fn delete_checkin(state: State<'_, AppState>, req: CheckinRef) -> Reply<()> {
    state.session()?.delete_checkin(&req)
}

#[tauri::command]
fn export_review(state: State<'_, AppState>) -> Reply<ExportReview> {
    state.session()?.export_review()
}

/// Export the journal as plain text to a file the person picks in a native dialog,
/// once the identifying passages have been reviewed.
#[tauri::command]
async fn export_journal(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    req: ExportRequest,
) -> Reply<SavedFile> {
    let suggested = {
        let session = state.session()?;
        session.check_export(&req)?;
        session.export_file_name(req.format)
    };
    let filter = match req.format {
        api::ExportFormat::Json => ("JSON", &["json"][..]),
        api::ExportFormat::Markdown => ("Markdown", &["md"][..]),
    };
    match dialogs::save_path(&app, "Export your journal", &suggested, filter).await? {
        None => Ok(SavedFile::cancelled()),
        Some(path) => state.session()?.export_journal(&req, &path),
    }
}

#[tauri::command]
fn backup_status(state: State<'_, AppState>) -> Reply<BackupStatus> {
    state.session()?.backup_status()
}

#[tauri::command]
fn back_up_now(state: State<'_, AppState>) -> Reply<BackupStatus> {
    state.session()?.back_up_now()
}

/// Choose the backup folder in a native dialog; the page never sends a path.
#[tauri::command]
async fn choose_backup_folder(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Reply<BackupStatus> {
    state.session()?.backup_status()?;
    match dialogs::pick_folder(&app, "Choose a folder for your backups").await? {
        None => state.session()?.backup_status(),
        Some(folder) => state.session()?.set_backup_folder(&folder),
    }
}

/// One backup file for moving, saved where the person picks (native dialog).
#[tauri::command]
async fn save_backup_copy(app: tauri::AppHandle, state: State<'_, AppState>) -> Reply<SavedFile> {
    let name = {
        let session = state.session()?;
        session.backup_status()?;
        session.backup_copy_name()
    };
    let filter = ("Attune backup", &["attune"][..]);
    match dialogs::save_path(&app, "Save a backup to take with you", &name, filter).await? {
        None => Ok(SavedFile::cancelled()),
        Some(path) => state.session()?.save_backup_copy(&path),
    }
}

/// Restore a backup file picked in a native dialog: onto a new computer (no journal
/// yet), or over this unlocked journal. The journal is locked afterwards and the web
/// view told so (it reloads to the unlock screen).
#[tauri::command]
async fn restore_backup(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Reply<Option<RestoredBackup>> {
    state.session()?.may_restore()?;
    let Some(file) = dialogs::pick_file(
        &app,
        "Choose a backup to restore",
        ("Attune backup", &["attune"]),
    )
    .await?
    else {
        return Ok(None);
    };
    let restored = state.session()?.restore_backup(&file)?;
    let _ = app.emit(LOCKED_EVENT, ());
    Ok(Some(restored))
}

#[tauri::command]
fn list_sessions(
    state: State<'_, AppState>,
    req: SessionsRequest,
) -> Reply<Vec<SupervisionSession>> {
    state.session()?.list_sessions(&req)
}

#[tauri::command]
fn save_session(state: State<'_, AppState>, req: SessionInput) -> Reply<SupervisionSession> {
    state.session()?.save_session(req)
}

#[tauri::command]
fn delete_session(state: State<'_, AppState>, req: SessionRef) -> Reply<()> {
    state.session()?.delete_session(&req)
}

#[tauri::command]
fn hours_summary(state: State<'_, AppState>, req: HoursRequest) -> Reply<HoursSummary> {
    state.session()?.hours_summary(&req)
}

/// The year's hours as CSV (dates, durations, names; never content), saved where the
/// person picks in a native dialog.
#[tauri::command]
async fn export_hours_csv(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    req: HoursRequest,
) -> Reply<SavedFile> {
    let csv = state.session()?.hours_csv(&req)?;
    let name = attune::journal::sessions::hours_csv_file_name(req.year);
    match dialogs::save_path(&app, "Save your RS/C hours", &name, ("CSV", &["csv"])).await? {
        None => Ok(SavedFile::cancelled()),
        Some(path) => {
            attune::files::replace_private_file(&path, csv.as_bytes())?;
            Ok(SavedFile {
                saved: true,
                file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()),
            })
        }
    }
}

#[tauri::command]
fn identity_show(state: State<'_, AppState>) -> Reply<IdentityInfo> {
    state.session()?.identity_show()
}

/// My contact card as text (to paste into a message).
#[tauri::command]
fn export_contact_card(
    state: State<'_, AppState>,
    req: ContactCardRequest,
) -> Reply<ContactCardText> {
    state.session()?.export_contact_card(&req)
}

/// My contact card written to a file the person picks in a native dialog.
#[tauri::command]
async fn save_contact_card(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    req: ContactCardRequest,
) -> Reply<SavedFile> {
    let name = state.session()?.export_contact_card(&req)?.file_name;
    match dialogs::save_path(
        &app,
        "Save your contact card",
        &name,
        ("Contact card", &["txt"]),
    )
    .await?
    {
        None => Ok(SavedFile::cancelled()),
        Some(path) => state.session()?.export_contact_card_to(&req, &path),
    }
}

/// A contact card pasted as text.
#[tauri::command]
fn import_contact_card(state: State<'_, AppState>, req: ImportCardRequest) -> Reply<Contact> {
    state.session()?.import_contact_card(&req)
}

/// A contact card from a file the person picks in a native dialog; `None` if cancelled.
#[tauri::command]
async fn open_contact_card(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    req: ImportCardFileRequest,
) -> Reply<Option<Contact>> {
    state.session()?.list_contacts()?;
    match dialogs::pick_file(&app, "Open a contact card", ("Contact card", &["txt"])).await? {
        None => Ok(None),
        Some(path) => state
            .session()?
            .import_contact_card_file(&req, &path)
            .map(Some),
    }
}

#[tauri::command]
fn list_contacts(state: State<'_, AppState>) -> Reply<Vec<Contact>> {
    state.session()?.list_contacts()
}

#[tauri::command]
fn confirm_contact(state: State<'_, AppState>, req: ConfirmContactRequest) -> Reply<Contact> {
    state.session()?.confirm_contact(&req)
}

#[tauri::command]
fn flagged_for_supervision(state: State<'_, AppState>) -> Reply<FlaggedEntries> {
    state.session()?.flagged_for_supervision()
}

#[tauri::command]
fn preview_share(state: State<'_, AppState>, req: ShareRequest) -> Reply<SharePreview> {
    state.session()?.preview_share(&req)
}

#[tauri::command]
fn share_entries(state: State<'_, AppState>, req: ShareRequest) -> Reply<ShareStatus> {
    state.session()?.share_entries(&req)
}

#[tauri::command]
fn share_status(state: State<'_, AppState>, req: ContactRef) -> Reply<ShareStatus> {
    state.session()?.share_status(&req)
}

#[tauri::command]
fn withdraw_entry(state: State<'_, AppState>, req: WithdrawRequest) -> Reply<WithdrawResponse> {
    state.session()?.withdraw_entry(&req)
}

/// Write one contact's share or feedback packet where the person picks (native dialog).
async fn save_packet(
    app: &tauri::AppHandle,
    state: &AppState,
    req: &ContactRef,
    kind: PacketKind,
) -> Reply<SavedFile> {
    let (name, title) = {
        let session = state.session()?;
        // Refuse (locked, unknown contact) before a dialog opens.
        let title = match kind {
            PacketKind::Share => {
                session.share_status(req)?;
                "Save the packet for your supervisor"
            }
            PacketKind::Feedback => {
                session.responses_written(req)?;
                "Save the feedback packet"
            }
        };
        (session.packet_file_name(kind), title)
    };
    let filter = ("Attune packet", &["attune-packet"][..]);
    let Some(path) = dialogs::save_path(app, title, &name, filter).await? else {
        return Ok(SavedFile::cancelled());
    };
    let mut session = state.session()?;
    match kind {
        PacketKind::Share => session.write_share_packet_to(req, &path),
        PacketKind::Feedback => session.write_feedback_packet_to(req, &path),
    }
}

#[tauri::command]
async fn save_share_packet(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    req: ContactRef,
) -> Reply<SavedFile> {
    save_packet(&app, &state, &req, PacketKind::Share).await
}

/// Import a share or feedback packet picked in a native dialog; `None` if cancelled.
#[tauri::command]
async fn open_packet(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Reply<Option<ImportOutcome>> {
    state.session()?.list_contacts()?;
    match dialogs::pick_file(&app, "Open a packet", ("Attune packet", &["attune-packet"])).await? {
        None => Ok(None),
        Some(path) => state.session()?.import_packet_file(&path).map(Some),
    }
}

#[tauri::command]
fn inbox(state: State<'_, AppState>, req: InboxRequest) -> Reply<Vec<InboxGroup>> {
    state.session()?.inbox(&req)
}

#[tauri::command]
fn set_agenda(state: State<'_, AppState>, req: AgendaMark) -> Reply<()> {
    state.session()?.set_agenda(&req)
}

#[tauri::command]
fn write_response(state: State<'_, AppState>, req: ResponseRequest) -> Reply<FeedbackThread> {
    state.session()?.write_response(&req)
}

#[tauri::command]
fn responses_written(state: State<'_, AppState>, req: ContactRef) -> Reply<Vec<FeedbackThread>> {
    state.session()?.responses_written(&req)
}

#[tauri::command]
async fn save_feedback_packet(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    req: ContactRef,
) -> Reply<SavedFile> {
    save_packet(&app, &state, &req, PacketKind::Feedback).await
}

#[tauri::command]
fn feedback_for(state: State<'_, AppState>, req: FeedbackRequest) -> Reply<Vec<FeedbackThread>> {
    state.session()?.feedback_for(&req)
}

#[tauri::command]
fn deid_scan(state: State<'_, AppState>, req: DeidRequest) -> Reply<DeidReport> {
    state.session()?.deid_scan(&req)
}

/// The registered commands, listed once (checked against command_names.rs by a test).
macro_rules! handler {
    ($($extra:ident),*) => {
        tauri::generate_handler![
            status,
            about,
            create_journal,
            check_recovery_key,
            save_recovery_key,
            unlock,
            lock,
            recover,
            change_passphrase,
            find_entries,
            get_entry,
            create_entry,
            update_entry,
            trash_entry,
            restore_entry,
            stage_draft,
            kept_draft,
            discard_draft,
            get_settings,
            save_settings,
            note_activity,
            entry_answers,
            list_packs,
            get_pack,
            lenses,
            duplicate_pack,
            save_pack,
            delete_pack,
            insights,
            checkin_form,
            save_checkin,
            checkin_trends,
            list_checkins,
            delete_checkin,
            deid_scan,
            export_review,
            export_journal,
            backup_status,
            back_up_now,
            choose_backup_folder,
            restore_backup,
            save_backup_copy,
            list_sessions,
            save_session,
            delete_session,
            hours_summary,
            export_hours_csv,
            identity_show,
            export_contact_card,
            save_contact_card,
            import_contact_card,
            open_contact_card,
            list_contacts,
            confirm_contact,
            flagged_for_supervision,
            preview_share,
            share_entries,
            share_status,
            withdraw_entry,
            save_share_packet,
            open_packet,
            inbox,
            set_agenda,
            write_response,
            responses_written,
            save_feedback_packet,
            feedback_for
            $(, $extra)*
        ]
    };
}

type Handler = Box<dyn Fn(tauri::ipc::Invoke<tauri::Wry>) -> bool + Send + Sync>;

#[cfg(not(feature = "e2e"))]
fn app_commands() -> Handler {
    Box::new(handler!())
}

/// End-to-end builds only: registered, with a permission, granted to no window. The
/// suite proves the web view cannot call it.
#[cfg(feature = "e2e")]
#[tauri::command]
fn e2e_probe() -> &'static str {
    "reached"
}

#[cfg(feature = "e2e")]
fn app_commands() -> Handler {
    Box::new(handler!(e2e_probe))
}

/// `--journal DIR` opens a journal elsewhere (the same rule as the CLI).
fn journal_dir_from_args() -> Result<PathBuf, Error> {
    let mut args = std::env::args_os().skip(1);
    let mut explicit = None;
    while let Some(arg) = args.next() {
        if arg == "--journal" {
            explicit = args.next().map(PathBuf::from);
        } else if let Some(dir) = arg.to_str().and_then(|a| a.strip_prefix("--journal=")) {
            explicit = Some(PathBuf::from(dir));
        }
    }
    attune::location::journal_dir(explicit.as_deref())
}

/// Decrypted text must not end up in a core file if the app crashes.
fn disable_core_dumps() {
    let none = rustix::process::Rlimit {
        current: Some(0),
        maximum: Some(0),
    };
    if rustix::process::setrlimit(rustix::process::Resource::Core, none).is_err() {
        eprintln!("attune: could not disable core dumps");
    }
}

fn main() {
    locale::give_the_web_view_a_language();
    disable_core_dumps();
    let dir = match journal_dir_from_args() {
        Ok(dir) => dir,
        Err(e) => {
            eprintln!("attune: {}", e.message);
            std::process::exit(2);
        }
    };
    let state = AppState {
        session: Mutex::new(Session::new(dir)),
        idle: idle::IdleLock::new(),
    };
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            // A second launch brings the open window forward instead.
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .invoke_handler(app_commands())
        .setup(|app| {
            idle::watch(app.handle().clone());
            desktop_events::watch(app.handle());
            Ok(())
        })
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::CloseRequested { .. } = event {
                // Keep what was being written (encrypted) and drop the key.
                if let Ok(mut session) = window.state::<AppState>().session() {
                    let _ = session.lock();
                }
            }
        })
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|handle, event| {
            if let tauri::RunEvent::Exit = event {
                if let Ok(mut session) = handle.state::<AppState>().session() {
                    let _ = session.lock();
                }
            }
        }),
        Err(e) => {
            eprintln!("attune: the window could not start: {e}");
            std::process::exit(1);
        }
    }
}

/// Lock from the shell (idle, suspend) and tell the web view to reload.
fn lock_and_notify(app: &tauri::AppHandle) {
    let state = app.state::<AppState>();
    let was_unlocked = match state.session() {
        Ok(mut session) => {
            let was = session.is_unlocked();
            let _ = session.lock();
            was
        }
        Err(_) => false,
    };
    if was_unlocked {
        let _ = app.emit(LOCKED_EVENT, ());
    }
}

#[cfg(test)]
mod tests {
    use super::command_names::COMMANDS;

    fn handler_names() -> Vec<String> {
        let source = include_str!("main.rs");
        let start = source.find("generate_handler![").unwrap() + "generate_handler![".len();
        let end = start + source[start..].find(']').unwrap();
        let list = &source[start..end];
        // The macro's optional extras ($extra) follow the fixed list.
        let fixed = list.split('$').next().unwrap_or(list);
        fixed
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    }

    #[test]
    fn the_manifest_the_handler_and_the_capability_list_the_same_commands() {
        let listed: Vec<String> = COMMANDS.iter().map(|s| s.to_string()).collect();
        assert_eq!(
            handler_names(),
            listed,
            "generate_handler! vs command_names.rs"
        );
        let capability: serde_json::Value =
            serde_json::from_str(include_str!("../capabilities/main.json")).unwrap();
        let granted: Vec<String> = capability["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p.as_str())
            .filter_map(|p| p.strip_prefix("allow-"))
            .map(|p| p.replace('-', "_"))
            .collect();
        assert_eq!(granted, listed, "capability vs command_names.rs");
        let others: Vec<&str> = capability["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p.as_str())
            .filter(|p| !p.starts_with("allow-"))
            .collect();
        assert_eq!(
            others,
            ["core:event:allow-listen", "core:event:allow-unlisten"]
        );
    }

    #[test]
    fn the_front_end_knows_the_same_commands() {
        let backend = include_str!("../../ui/src/lib/backend/index.ts");
        let start = backend.find("export const COMMANDS").unwrap();
        let list = &backend[start..start + backend[start..].find("];").unwrap()];
        let names: Vec<&str> = list.split('\'').skip(1).step_by(2).collect();
        assert_eq!(
            names, COMMANDS,
            "ui/src/lib/backend/index.ts COMMANDS vs command_names.rs"
        );
    }

    #[test]
    fn the_window_has_one_capability_and_a_strict_csp() {
        let conf: serde_json::Value =
            serde_json::from_str(include_str!("../tauri.conf.json")).unwrap();
        let security = &conf["app"]["security"];
        assert_eq!(security["capabilities"], serde_json::json!(["main-window"]));
        assert_eq!(security["freezePrototype"], true);
        assert_eq!(conf["app"]["withGlobalTauri"], false);
        let csp = security["csp"].as_str().unwrap();
        assert!(csp.contains("default-src 'self'") && csp.contains("style-src 'self'"));
        assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"));
        assert!(!csp.contains("http://") || csp.contains("connect-src ipc: http://ipc.localhost"));
    }
}
