//! Reflections and the draft being typed.

use attune::api::entries;
use attune::api::{
    Draft, Entry, EntryRef, FindRequest, NewEntry, Page, RenderedAnswer, UpdateRequest,
};
use tauri::State;

use crate::state::{AppState, Reply};

#[tauri::command]
pub fn find_entries(state: State<'_, AppState>, req: FindRequest) -> Reply<Page> {
    state.read(|j| entries::find(j, &req))
}

#[tauri::command]
pub fn get_entry(state: State<'_, AppState>, req: EntryRef) -> Reply<Entry> {
    state.read(|j| entries::get(j, &req))
}

#[tauri::command]
pub fn create_entry(state: State<'_, AppState>, req: NewEntry) -> Reply<Entry> {
    state.write(|j| entries::create(j, req))
}

#[tauri::command]
pub fn update_entry(state: State<'_, AppState>, req: UpdateRequest) -> Reply<Entry> {
    state.write(|j| entries::update(j, req))
}

#[tauri::command]
pub fn trash_entry(state: State<'_, AppState>, req: EntryRef) -> Reply<Entry> {
    state.write(|j| entries::trash(j, &req))
}

#[tauri::command]
pub fn restore_entry(state: State<'_, AppState>, req: EntryRef) -> Reply<Entry> {
    state.write(|j| entries::restore(j, &req))
}

#[tauri::command]
pub fn stage_draft(state: State<'_, AppState>, req: Draft) -> Reply<()> {
    state.app()?.stage_draft(req)
}

#[tauri::command]
pub fn kept_draft(state: State<'_, AppState>) -> Reply<Option<Draft>> {
    state.app()?.kept_draft()
}

#[tauri::command]
pub fn discard_draft(state: State<'_, AppState>) -> Reply<()> {
    state.app()?.discard_draft()
}

#[tauri::command]
pub fn entry_answers(state: State<'_, AppState>, req: EntryRef) -> Reply<Vec<RenderedAnswer>> {
    state.read(|j| entries::answers(j, &req))
}
