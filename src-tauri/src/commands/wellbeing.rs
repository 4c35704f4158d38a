//! Wellbeing check-ins.

use attune::api::wellbeing;
use attune::api::{
    Checkin, CheckinForm, CheckinRef, CheckinSaved, NewCheckin, Trends, TrendsRequest,
};
use tauri::State;

use crate::state::{AppState, Reply};

#[tauri::command]
pub fn checkin_form() -> Reply<CheckinForm> {
    wellbeing::form()
}

#[tauri::command]
pub fn save_checkin(state: State<'_, AppState>, req: NewCheckin) -> Reply<CheckinSaved> {
    state.write(|j| wellbeing::save(j, req))
}

#[tauri::command]
pub fn checkin_trends(state: State<'_, AppState>, req: TrendsRequest) -> Reply<Trends> {
    state.read(|j| wellbeing::trends(j, &req))
}

#[tauri::command]
pub fn list_checkins(state: State<'_, AppState>, req: TrendsRequest) -> Reply<Vec<Checkin>> {
    state.read(|j| wellbeing::list(j, &req))
}

#[tauri::command]
pub fn delete_checkin(state: State<'_, AppState>, req: CheckinRef) -> Reply<()> {
    state.write(|j| wellbeing::delete(j, &req))
}
