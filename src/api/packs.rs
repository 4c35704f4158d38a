//! Guided-reflection packs (built-in and the person's own), the IMH lenses, and the
//! insights drawn from what the guided prompts covered.

use crate::journal::Journal;
use crate::prompts::{
    self, Insights, InsightsRequest, Lens, PackRequest, PackSummary, PromptPack, Registry,
};
use crate::Result;

/// Built-in packs (latest versions) and the person's custom packs.
pub fn list(journal: &Journal) -> Result<Vec<PackSummary>> {
    Ok(journal.pack_registry()?.summaries())
}

/// The built-in packs alone: needs no journal.
pub fn list_built_in() -> Result<Vec<PackSummary>> {
    Ok(Registry::built_in()?.summaries())
}

/// One pack, in full; without a version, its latest.
pub fn get(journal: &Journal, req: &PackRequest) -> Result<PromptPack> {
    journal.pack_registry()?.get(req).cloned()
}

/// A built-in pack, or `None` when `req` names none (a custom pack needs the journal).
pub fn get_built_in(req: &PackRequest) -> Result<Option<PromptPack>> {
    let built_in = Registry::built_in()?;
    if !built_in.is_built_in(&req.id) {
        return Ok(None);
    }
    built_in.get(req).cloned().map(Some)
}

/// The IMH-principle lenses that can be added to any entry.
pub fn lenses() -> Result<Vec<Lens>> {
    prompts::lenses()
}

/// Copy a pack into a new custom pack ("<title> (my copy)") and save it.
pub fn duplicate(journal: &mut Journal, req: &PackRequest) -> Result<PromptPack> {
    journal.duplicate_pack(req)
}

/// Save a custom pack (validated; its version goes up when its prompts changed).
pub fn save(journal: &mut Journal, req: PromptPack) -> Result<PromptPack> {
    journal.save_custom_pack(req)
}

/// Delete a custom pack; entries written with it keep their prompt texts.
pub fn delete(journal: &mut Journal, req: &PackRequest) -> Result<()> {
    journal.delete_custom_pack(&req.id)
}

/// Which elements and themes came up lately, and the "carrying" trend.
pub fn insights(journal: &Journal, req: &InsightsRequest) -> Result<Insights> {
    prompts::insights(
        journal.entries()?.iter(),
        &journal.pack_registry()?,
        req.weeks,
        chrono::Local::now().date_naive(),
    )
}
