//! Guided-reflection packs, lenses and insights.

use attune::api::packs;
use attune::api::{Insights, InsightsRequest, Lens, PackRequest, PackSummary, PromptPack};
use tauri::State;

use crate::state::{AppState, Reply};

#[tauri::command]
pub fn list_packs(state: State<'_, AppState>) -> Reply<Vec<PackSummary>> {
    state.read(packs::list)
}

#[tauri::command]
pub fn get_pack(state: State<'_, AppState>, req: PackRequest) -> Reply<PromptPack> {
    state.read(|j| packs::get(j, &req))
}

#[tauri::command]
pub fn lenses(state: State<'_, AppState>) -> Reply<Vec<Lens>> {
    state.read(|_| packs::lenses())
}

#[tauri::command]
pub fn duplicate_pack(state: State<'_, AppState>, req: PackRequest) -> Reply<PromptPack> {
    state.write(|j| packs::duplicate(j, &req))
}

#[tauri::command]
pub fn save_pack(state: State<'_, AppState>, req: PromptPack) -> Reply<PromptPack> {
    state.write(|j| packs::save(j, req))
}

#[tauri::command]
pub fn delete_pack(state: State<'_, AppState>, req: PackRequest) -> Reply<()> {
    state.write(|j| packs::delete(j, &req))
}

#[tauri::command]
pub fn insights(state: State<'_, AppState>, req: InsightsRequest) -> Reply<Insights> {
    state.read(|j| packs::insights(j, &req))
}
