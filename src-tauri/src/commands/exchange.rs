//! The supervision exchange: identity, contacts, sharing, packets, inbox, responses.

use attune::api::exchange as ex;
use attune::api::supervision as sup;
use attune::api::{
    AgendaMark, ConfirmContactRequest, Contact, ContactCardRequest, ContactCardText, ContactRef,
    ContactRemoval, EditResponseRequest, FeedbackRequest, FeedbackThread, FlaggedEntries,
    FolderCopy, FolderNews, FolderPacketRef, IdentityInfo, ImportCardFileRequest,
    ImportCardRequest, ImportOutcome, InboxGroup, InboxRequest, PacketKind, RemoveContactRequest,
    ResponseRef, ResponseRequest, SavedFile, SendToFolderRequest, SharePreview, ShareRequest,
    ShareStatus, WaitingPacket, WithdrawRequest, WithdrawResponse, WriteMode,
};
use tauri::State;

use crate::dialogs;
use crate::state::{AppState, Reply};

const CARD_FILTER: (&str, &[&str]) = ("Contact card", &["txt"]);
const PACKET_FILTER: (&str, &[&str]) = ("Attune packet", &[ex::PACKET_EXTENSION]);
// Packets saved by earlier builds end in `.attune`, like backups: opening shows both.
const PACKET_OPEN_FILTER: (&str, &[&str]) = ("Attune packet", &[ex::PACKET_EXTENSION, "attune"]);

#[tauri::command]
pub fn identity_show(state: State<'_, AppState>) -> Reply<IdentityInfo> {
    state.write(ex::identity_show)
}

/// My contact card as text (to paste into a message).
#[tauri::command]
pub fn export_contact_card(
    state: State<'_, AppState>,
    req: ContactCardRequest,
) -> Reply<ContactCardText> {
    state.write(|j| ex::export_contact_card(j, &req))
}

/// My contact card written to a file the person picks in a native dialog.
#[tauri::command]
pub async fn save_contact_card(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    req: ContactCardRequest,
) -> Reply<SavedFile> {
    let name = state.write(|j| ex::export_contact_card(j, &req))?.file_name;
    dialogs::save_with(&app, "Save your contact card", &name, CARD_FILTER, |path| {
        state.write(|j| ex::export_contact_card_to(j, &req, path, WriteMode::Replace))
    })
    .await
}

/// A contact card pasted as text.
#[tauri::command]
pub fn import_contact_card(state: State<'_, AppState>, req: ImportCardRequest) -> Reply<Contact> {
    state.write(|j| ex::import_contact_card(j, &req))
}

/// A contact card from a file the person picks in a native dialog; `None` if cancelled.
#[tauri::command]
pub async fn open_contact_card(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    req: ImportCardFileRequest,
) -> Reply<Option<Contact>> {
    state.write(ex::list_contacts)?;
    match dialogs::pick_file(&app, "Open a contact card", CARD_FILTER).await? {
        None => Ok(None),
        Some(path) => state
            .write(|j| ex::import_contact_card_file(j, &req, &path))
            .map(Some),
    }
}

#[tauri::command]
pub fn list_contacts(state: State<'_, AppState>) -> Reply<Vec<Contact>> {
    state.write(ex::list_contacts)
}

/// Confirming a contact (or a key change) decides who can read what is shared: the
/// person says yes in a native dialog that shows the name and the safety code, never
/// through the page alone.
#[tauri::command]
pub async fn confirm_contact(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    req: ConfirmContactRequest,
) -> Reply<Contact> {
    let contact = state.write(|j| ex::contact(j, &req.contact_id))?;
    let code = contact.code_to_compare();
    let message = format!(
        "Confirm {} only if every digit of this safety code matched theirs when you compared them together:\n\n{code}",
        contact.name
    );
    if !dialogs::confirm(&app, "Confirm this contact?", &message, "Confirm").await? {
        return Err(not_confirmed());
    }
    state.write(|j| ex::confirm_contact(j, &req))
}

/// What removing a contact would delete, said plainly (the page shows it first).
#[tauri::command]
pub fn contact_removal(state: State<'_, AppState>, req: ContactRef) -> Reply<ContactRemoval> {
    state.write(|j| ex::contact_removal(j, &req))
}

/// Removing a contact deletes what they shared (unless the person keeps it) and my
/// responses to them: the person says yes in a native dialog that says so, never
/// through the page alone.
#[tauri::command]
pub async fn remove_contact(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    req: RemoveContactRequest,
) -> Reply<ContactRemoval> {
    let removal = state.write(|j| {
        ex::contact_removal(
            j,
            &ContactRef {
                contact_id: req.contact_id.clone(),
            },
        )
    })?;
    let title = format!("Remove {}?", removal.contact_name);
    let words = if req.keep_theirs && !removal.summary_keeping.is_empty() {
        &removal.summary_keeping
    } else {
        &removal.summary
    };
    if !dialogs::confirm(&app, &title, words, "Remove").await? {
        return Err(not_confirmed());
    }
    state.write(|j| ex::remove_contact(j, &req))
}

pub(crate) fn not_confirmed() -> attune::api::Error {
    attune::api::Error::invalid("Not confirmed in the dialog. Nothing was changed.")
}

#[tauri::command]
pub fn flagged_for_supervision(state: State<'_, AppState>) -> Reply<FlaggedEntries> {
    state.read(|j| Ok(ex::flagged_for_supervision(j)))
}

#[tauri::command]
pub fn preview_share(state: State<'_, AppState>, req: ShareRequest) -> Reply<SharePreview> {
    state.write(|j| ex::preview_share(j, &req))
}

/// Adding reflections to what a supervisor receives is confirmed in a native dialog.
#[tauri::command]
pub async fn share_entries(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    req: ShareRequest,
) -> Reply<ShareStatus> {
    let contact = state.write(|j| ex::contact(j, &req.contact_id))?;
    let n = req.entry_ids.len();
    let message = format!(
        "Share {n} reflection{} with {}? They will be in the next file you save for them.",
        if n == 1 { "" } else { "s" },
        contact.name
    );
    if !dialogs::confirm(&app, "Share with your supervisor?", &message, "Share").await? {
        return Err(not_confirmed());
    }
    state.write(|j| ex::share_entries(j, &req))
}

#[tauri::command]
pub fn share_status(state: State<'_, AppState>, req: ContactRef) -> Reply<ShareStatus> {
    state.write(|j| ex::share_status(j, &req))
}

#[tauri::command]
pub fn withdraw_entry(state: State<'_, AppState>, req: WithdrawRequest) -> Reply<WithdrawResponse> {
    state.write(|j| ex::withdraw_entry(j, &req))
}

/// Write one contact's share or feedback packet where the person picks (native dialog).
pub(crate) async fn save_packet(
    app: &tauri::AppHandle,
    state: &AppState,
    req: &ContactRef,
    kind: PacketKind,
) -> Reply<SavedFile> {
    // Refuse (locked, unknown contact) before a dialog opens.
    let title = match kind {
        PacketKind::Share => {
            state.write(|j| ex::share_status(j, req))?;
            "Save the packet for your supervisor"
        }
        PacketKind::Feedback => {
            state.write(|j| ex::responses_written(j, req))?;
            "Save the feedback packet"
        }
        PacketKind::ConfirmRequest => {
            state.write(|j| ex::contact(j, &req.contact_id))?;
            "Save the confirmation request"
        }
        PacketKind::ConfirmAnswer => {
            state.write(|j| ex::contact(j, &req.contact_id))?;
            "Save your answer"
        }
    };
    let name = ex::packet_file_name(kind);
    dialogs::save_with(app, title, &name, PACKET_FILTER, |path| {
        state.write(|j| match kind {
            PacketKind::Share => ex::write_share_packet_to(j, req, path, WriteMode::Replace),
            PacketKind::Feedback => ex::write_feedback_packet_to(j, req, path, WriteMode::Replace),
            PacketKind::ConfirmRequest => {
                sup::write_confirm_request_packet_to(j, req, path, WriteMode::Replace)
            }
            PacketKind::ConfirmAnswer => {
                sup::write_confirm_answer_packet_to(j, req, path, WriteMode::Replace)
            }
        })
    })
    .await
}

#[tauri::command]
pub async fn save_share_packet(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    req: ContactRef,
) -> Reply<SavedFile> {
    save_packet(&app, &state, &req, PacketKind::Share).await
}

/// Import a share or feedback packet picked in a native dialog; `None` if cancelled.
#[tauri::command]
pub async fn open_packet(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Reply<Option<ImportOutcome>> {
    state.write(ex::list_contacts)?;
    match dialogs::pick_file(&app, "Open a packet", PACKET_OPEN_FILTER).await? {
        None => Ok(None),
        Some(path) => state
            .lend(move |j| ex::import_packet_file(j, &path))
            .await
            .map(Some),
    }
}

/// The packet file opened with Attune (double-click or handed over), by name only.
#[tauri::command]
pub fn waiting_packet(state: State<'_, AppState>) -> Reply<Option<WaitingPacket>> {
    state.app()?.waiting_packet()
}

/// Import the packet file opened with Attune, with the same checks as any import.
#[tauri::command]
pub async fn import_waiting_packet(state: State<'_, AppState>) -> Reply<ImportOutcome> {
    let path = state.app()?.waiting_packet_path()?;
    let outcome = state
        .lend(move |j| ex::import_packet_file(j, &path))
        .await?;
    state.app()?.packet_imported();
    Ok(outcome)
}

#[tauri::command]
pub fn dismiss_waiting_packet(state: State<'_, AppState>) -> Reply<()> {
    state.app()?.dismiss_waiting_packet();
    Ok(())
}

/// Delete the packet file just imported, when the person asks.
#[tauri::command]
pub fn delete_imported_packet(state: State<'_, AppState>) -> Reply<()> {
    state.app()?.delete_imported_packet()
}

/// Was something that is not a packet dropped on the window while it was locked? Said
/// once after the unlock.
#[tauri::command]
pub fn dropped_while_locked(state: State<'_, AppState>) -> Reply<bool> {
    state.app()?.dropped_while_locked()
}

/// Choose a contact's exchange folder in a native dialog; `None` if cancelled. The page
/// learns the folder's name, never its path.
#[tauri::command]
pub async fn choose_contact_folder(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    req: ContactRef,
) -> Reply<Option<Contact>> {
    let contact = state.write(|j| ex::contact(j, &req.contact_id))?;
    let title = format!("Choose the exchange folder you share with {}", contact.name);
    match dialogs::pick_folder(&app, &title).await? {
        None => Ok(None),
        Some(folder) => state
            .write(|j| {
                ex::set_contact_folder(
                    j,
                    &ex::ContactFolderRequest {
                        contact_id: &req.contact_id,
                        folder: Some(&folder),
                    },
                )
            })
            .map(Some),
    }
}

/// Stop using a contact's exchange folder (the folder and its files stay).
#[tauri::command]
pub fn clear_contact_folder(state: State<'_, AppState>, req: ContactRef) -> Reply<Contact> {
    state.write(|j| {
        ex::set_contact_folder(
            j,
            &ex::ContactFolderRequest {
                contact_id: &req.contact_id,
                folder: None,
            },
        )
    })
}

/// New packets in contacts' exchange folders (names only), and folders with a problem.
#[tauri::command]
pub fn folder_packets(state: State<'_, AppState>) -> Reply<FolderNews> {
    state.read(ex::folder_news)
}

/// Import one packet from its contact's exchange folder, with the same checks as any
/// import (and it must come from that contact).
#[tauri::command]
pub async fn import_folder_packet(
    state: State<'_, AppState>,
    req: FolderPacketRef,
) -> Reply<ImportOutcome> {
    state.lend(move |j| ex::import_folder_packet(j, &req)).await
}

/// Delete a packet file imported from an exchange folder, when the person asks.
#[tauri::command]
pub fn delete_folder_packet(state: State<'_, AppState>, req: FolderPacketRef) -> Reply<()> {
    state.write(|j| ex::delete_folder_packet(j, &req))
}

/// Put a contact's next packet straight into their exchange folder (no save dialog).
#[tauri::command]
pub fn send_packet_to_folder(
    state: State<'_, AppState>,
    req: SendToFolderRequest,
) -> Reply<FolderCopy> {
    state.write(|j| ex::send_packet_to_folder(j, &req))
}

#[tauri::command]
pub fn inbox(state: State<'_, AppState>, req: InboxRequest) -> Reply<Vec<InboxGroup>> {
    state.write(|j| ex::inbox(j, &req))
}

#[tauri::command]
pub fn set_agenda(state: State<'_, AppState>, req: AgendaMark) -> Reply<()> {
    state.write(|j| ex::set_agenda(j, &req))
}

#[tauri::command]
pub fn write_response(state: State<'_, AppState>, req: ResponseRequest) -> Reply<FeedbackThread> {
    state.write(|j| ex::write_response(j, &req))
}

#[tauri::command]
pub fn edit_response(
    state: State<'_, AppState>,
    req: EditResponseRequest,
) -> Reply<FeedbackThread> {
    state.write(|j| ex::edit_response(j, &req))
}

/// Withdrawing a response asks the supervisee's Attune to take it out: confirmed in a
/// native dialog that says what it can and cannot do.
#[tauri::command]
pub async fn withdraw_response(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    req: ResponseRef,
) -> Reply<FeedbackThread> {
    let contact = state.write(|j| ex::contact(j, &req.contact_id))?;
    let message = format!(
        "Withdraw this response? Its words are taken out of your journal now, and the next feedback file you save for {0} asks {0}'s Attune to take them out too. A copy someone already made cannot be recalled.",
        contact.name
    );
    if !dialogs::confirm(&app, "Withdraw this response?", &message, "Withdraw").await? {
        return Err(not_confirmed());
    }
    state.write(|j| ex::withdraw_response(j, &req))
}

#[tauri::command]
pub fn responses_written(
    state: State<'_, AppState>,
    req: ContactRef,
) -> Reply<Vec<FeedbackThread>> {
    state.write(|j| ex::responses_written(j, &req))
}

#[tauri::command]
pub async fn save_feedback_packet(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    req: ContactRef,
) -> Reply<SavedFile> {
    save_packet(&app, &state, &req, PacketKind::Feedback).await
}

#[tauri::command]
pub fn feedback_for(
    state: State<'_, AppState>,
    req: FeedbackRequest,
) -> Reply<Vec<FeedbackThread>> {
    state.read(|j| ex::feedback_for(j, &req))
}
