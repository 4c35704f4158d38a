//! The supervision loop: prep sheets, takeaways, planning notes, session confirmations.

use attune::api::supervision as sup;
use attune::api::{
    AnswerConfirmationRequest, AskConfirmationRequest, ConfirmationRequest, ContactRef, Decision,
    PacketKind, PlanningNoteRequest, PrepInput, PrepRef, PrepReflection, PrepView, SavedFile,
    SessionConfirmation, SessionPlan, SessionRef, TakeawayInput,
};
use tauri::State;

use super::exchange::{not_confirmed, save_packet};
use crate::dialogs;
use crate::state::{AppState, Reply};

#[tauri::command]
pub fn list_preps(state: State<'_, AppState>) -> Reply<Vec<PrepView>> {
    state.read(sup::list_preps)
}

/// What a new prep sheet would gather (flagged reflections, ones with responses).
#[tauri::command]
pub fn gather_prep(state: State<'_, AppState>) -> Reply<Vec<PrepReflection>> {
    state.read(sup::gather)
}

#[tauri::command]
pub fn save_prep(state: State<'_, AppState>, req: PrepInput) -> Reply<PrepView> {
    state.write(|j| sup::save_prep(j, req))
}

#[tauri::command]
pub fn delete_prep(state: State<'_, AppState>, req: PrepRef) -> Reply<()> {
    state.write(|j| sup::delete_prep(j, &req))
}

#[tauri::command]
pub fn save_takeaway(state: State<'_, AppState>, req: TakeawayInput) -> Reply<PrepView> {
    state.write(|j| sup::save_takeaway(j, req))
}

#[tauri::command]
pub fn takeaway_of(state: State<'_, AppState>, req: SessionRef) -> Reply<Option<PrepView>> {
    state.read(|j| sup::takeaway_of(j, &req))
}

#[tauri::command]
pub fn session_plan(state: State<'_, AppState>, req: ContactRef) -> Reply<SessionPlan> {
    state.write(|j| sup::session_plan(j, &req))
}

#[tauri::command]
pub fn set_planning_note(
    state: State<'_, AppState>,
    req: PlanningNoteRequest,
) -> Reply<SessionPlan> {
    state.write(|j| sup::set_planning_note(j, &req))
}

#[tauri::command]
pub fn ask_confirmation(
    state: State<'_, AppState>,
    req: AskConfirmationRequest,
) -> Reply<SessionConfirmation> {
    state.write(|j| sup::ask_confirmation(j, &req))
}

/// The request packet for a supervisor, saved where the person picks (native dialog).
#[tauri::command]
pub async fn save_confirm_request_packet(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    req: ContactRef,
) -> Reply<SavedFile> {
    save_packet(&app, &state, &req, PacketKind::ConfirmRequest).await
}

#[tauri::command]
pub fn session_confirmations(state: State<'_, AppState>) -> Reply<Vec<SessionConfirmation>> {
    state.read(sup::session_confirmations)
}

#[tauri::command]
pub fn confirmation_requests(state: State<'_, AppState>) -> Reply<Vec<ConfirmationRequest>> {
    state.read(sup::confirmation_requests)
}

/// Confirming puts the supervisor's signature on a supervisee's hours: said yes to in a
/// native dialog showing the facts, never by the page alone. Declining needs no dialog.
#[tauri::command]
pub async fn answer_confirmation(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    req: AnswerConfirmationRequest,
) -> Reply<ConfirmationRequest> {
    if req.decision == Decision::Confirmed {
        let wanted = req.request_id.trim().to_ascii_lowercase();
        let request = state
            .read(sup::confirmation_requests)?
            .into_iter()
            .find(|r| wanted.len() >= 4 && r.request_id.starts_with(&wanted))
            .ok_or_else(|| attune::api::Error::not_found("confirmation request"))?;
        let message = format!(
            "Confirm that {} received this session with you? {}, {} minutes, {}. Your signature goes on it.",
            request.contact_name,
            request.facts.date,
            request.facts.minutes,
            request.facts.format.as_str()
        );
        if !dialogs::confirm(&app, "Confirm this session?", &message, "Confirm").await? {
            return Err(not_confirmed());
        }
    }
    state.write(|j| sup::answer_confirmation(j, &req))
}

/// The answer packet for a supervisee, saved where the person picks (native dialog).
#[tauri::command]
pub async fn save_confirm_answer_packet(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    req: ContactRef,
) -> Reply<SavedFile> {
    save_packet(&app, &state, &req, PacketKind::ConfirmAnswer).await
}
