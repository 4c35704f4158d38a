//! Reflections: find, read, write, change, trash and restore them.

use chrono::Utc;
use serde::Deserialize;

use crate::journal::{self, Entry, EntryChange, EntryId, FindRequest, Journal, NewEntry, Page};
use crate::prompts::{self, PackRequest, Registry, RenderedAnswer};
use crate::vault::Vault;
use crate::Result;

/// Names one entry.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct EntryRef {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub id: EntryId,
}

#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct UpdateRequest {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub id: EntryId,
    pub change: EntryChange,
}

/// An entry's id from what a person typed: the whole id, or a unique prefix.
pub fn resolve(journal: &Journal, typed: &str) -> Result<EntryId> {
    journal.resolve_id(typed)
}

pub fn find(journal: &Journal, req: &FindRequest) -> Result<Page> {
    journal.find(req)
}

/// [`find`] for a command that has not loaded the journal (the command line's `list`
/// and `search`): a list is answered from the encrypted index and decrypts only the
/// entries on its page; a search decrypts and matches every entry once, keeping only
/// the hits. When the index cannot answer (a journal made before it, or out of step)
/// the journal is loaded as before. Also returns how many records could not be read
/// (those a full load would report; a list does not decrypt the entries off its page).
pub fn find_without_loading(vault: Vault, req: &FindRequest) -> Result<(Page, usize)> {
    let now = Utc::now();
    if !journal::Query::parse(&req.text).is_empty() {
        let (page, mut damaged) = journal::scan::search_in_vault(&vault, req, now)?;
        damaged.extend(journal::scan::damage_outside_entries(&vault)?);
        return Ok((page, damaged.len()));
    }
    if let Some(page) = journal::index::find_in_vault(&vault, req, now)? {
        let damaged = journal::scan::damage_outside_entries(&vault)?.len();
        return Ok((page, damaged));
    }
    let journal = Journal::load(vault, now)?;
    let page = journal.find(req)?;
    Ok((page, journal.damaged().len()))
}

pub fn get(journal: &Journal, req: &EntryRef) -> Result<Entry> {
    journal.get(&req.id)
}

/// Answers are checked against the pack they answer, and each keeps the prompt's
/// text, so the entry reads as written even after the pack changes.
pub fn create(journal: &mut Journal, mut req: NewEntry) -> Result<Entry> {
    journal.prepare_new_entry(&mut req)?;
    journal.add(req, Utc::now())
}

/// [`create`] on a vault that was never loaded (the command line's `attune add`): the
/// answers are checked against the packs table and the entry is sealed and inserted,
/// without decrypting the journal, so the cost does not grow with it.
pub fn create_in_vault(vault: &mut Vault, mut req: NewEntry) -> Result<Entry> {
    journal::prepare_new_entry_in(vault, &mut req)?;
    journal::add_to_vault(vault, req, Utc::now())
}

/// Fill `req`'s pack and answers from answers given as JSON (`{"prompt-id": value}`),
/// checked against the pack's latest version.
pub fn answer_pack(
    vault: &Vault,
    req: &mut NewEntry,
    pack: &str,
    answers: Option<&serde_json::Value>,
) -> Result<()> {
    let registry = Registry::with_custom(journal::custom_packs_in(vault)?)?;
    let found = registry.get(&PackRequest {
        id: pack.to_string(),
        version: None,
    })?;
    req.prompt_pack = Some(found.pack_ref());
    if let Some(json) = answers {
        req.answers = prompts::answers_from_json(&registry, found, json)?;
    }
    Ok(())
}

pub fn update(journal: &mut Journal, mut req: UpdateRequest) -> Result<Entry> {
    journal.prepare_entry_change(&req.id, &mut req.change)?;
    journal.edit(&req.id, req.change, Utc::now())
}

/// An entry's answers with the questions they answer, for reading.
pub fn answers(journal: &Journal, req: &EntryRef) -> Result<Vec<RenderedAnswer>> {
    let entry = journal.get(&req.id)?;
    Ok(prompts::render_answers(&entry, &journal.pack_registry()?))
}

pub fn trash(journal: &mut Journal, req: &EntryRef) -> Result<Entry> {
    journal.trash(&req.id, Utc::now())
}

pub fn restore(journal: &mut Journal, req: &EntryRef) -> Result<Entry> {
    journal.restore(&req.id, Utc::now())
}

/// Delete one entry for good (also a damaged record, by its id).
pub fn purge(journal: &mut Journal, req: &EntryRef) -> Result<()> {
    journal.purge(&req.id)
}

/// Delete everything in the trash for good; returns how many entries went.
pub fn empty_trash(journal: &mut Journal) -> Result<usize> {
    journal.empty_trash()
}
