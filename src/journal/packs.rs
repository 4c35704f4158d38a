//! Custom prompt packs: one encrypted record per pack in the `Packs` table, revisioned
//! like entries. A custom pack follows the same format and rules as a built-in one
//! (looser only on how many prompts), so it can later travel between people as it is.

use super::{EntryChange, EntryId, Journal, NewEntry};
use crate::crypto::random_id;
use crate::ids::to_hex;
use crate::prompts::{
    is_valid_id, PackOrigin, PackRequest, PromptPack, Registry, Strictness, PACK_FORMAT,
};
use crate::records::{self, Record, Stored};
use crate::store::Table;
use crate::vault::Vault;
use crate::{Error, ErrorCode, Result};

/// Custom pack ids made by "duplicate" start with this.
pub const CUSTOM_ID_PREFIX: &str = "my-";
const COPY_SUFFIX: &str = " (my copy)";

/// A custom pack is stored as the pack itself, under a random record id (its own id
/// is a readable name such as `my-1a2b3c4d`).
impl Record for PromptPack {
    const TABLE: Table = Table::Packs;
    const KIND: u8 = 1;
}

fn no_such_pack() -> Error {
    Error::new(ErrorCode::NotFound, "No custom prompt pack with that id.")
}

/// The person's custom packs in `vault`, sorted by title (read from the packs table
/// alone: no entry is decrypted).
pub fn custom_packs_in(vault: &Vault) -> Result<Vec<PromptPack>> {
    // A damaged record is skipped here and reported at unlock and by `verify`.
    let mut packs: Vec<PromptPack> = records::load_all::<PromptPack>(vault)?
        .records
        .into_iter()
        .map(|s| s.value)
        .collect();
    packs.sort_by_key(|p| p.title.to_lowercase());
    Ok(packs)
}

/// Check a new entry's answers against the pack they answer, and copy in each prompt's
/// text (see [`Journal::prepare_new_entry`]), reading only the packs table.
pub fn prepare_new_entry_in(vault: &Vault, new: &mut NewEntry) -> Result<()> {
    crate::prompts::prepare_answers(
        &Registry::with_custom(custom_packs_in(vault)?)?,
        new.prompt_pack.as_ref(),
        &mut new.answers,
        true,
    )
}

impl Journal {
    fn stored_packs(&self) -> Result<Vec<Stored<PromptPack>>> {
        // A damaged record is skipped here and reported at unlock and by `verify`.
        Ok(records::load_all::<PromptPack>(&self.vault)?.records)
    }

    /// The person's custom packs, sorted by title.
    pub fn custom_packs(&self) -> Result<Vec<PromptPack>> {
        custom_packs_in(&self.vault)
    }

    /// Built-in packs (every version), custom packs and lenses.
    pub fn pack_registry(&self) -> Result<Registry> {
        Registry::with_custom(self.custom_packs()?)
    }

    /// Save a custom pack, new or changed. Its version goes up when its opening step,
    /// prompts or closing step changed, so entries written with the old one keep their texts.
    /// Built-in ids are refused.
    pub fn save_custom_pack(&mut self, mut pack: PromptPack) -> Result<PromptPack> {
        if !is_valid_id(&pack.id) {
            return Err(Error::invalid(
                "A pack id is 2 to 40 lowercase letters, digits or '-'.",
            ));
        }
        if Registry::built_in()?.is_built_in(&pack.id) {
            return Err(Error::invalid(
                "Built-in packs cannot be changed. Duplicate the pack and edit your copy.",
            ));
        }
        pack.format = PACK_FORMAT;
        if !pack.is_custom() {
            pack.origin = PackOrigin::Custom { based_on: None };
        }
        let existing = self
            .stored_packs()?
            .into_iter()
            .find(|s| s.value.id == pack.id);
        let (record_id, previous) = match &existing {
            Some(s) => {
                let changed = s.value.opening != pack.opening
                    || s.value.prompts != pack.prompts
                    || s.value.closing != pack.closing;
                pack.version = if changed {
                    s.value
                        .version
                        .checked_add(1)
                        .ok_or_else(|| Error::internal("pack version overflow"))?
                } else {
                    s.value.version
                };
                (s.id, Some(s.revision))
            }
            None => {
                pack.version = pack.version.max(1);
                (random_id()?, None)
            }
        };
        pack.validate(Strictness::Custom)?;
        records::seal_next(&self.vault, record_id, previous, &pack)?.put(&self.vault)?;
        Ok(pack)
    }

    /// Copy a pack (built-in or custom) into a new custom pack the person can edit.
    pub fn duplicate_pack(&mut self, req: &PackRequest) -> Result<PromptPack> {
        let registry = self.pack_registry()?;
        let source = registry.get(req)?;
        let hex = to_hex(&random_id::<4>()?);
        let mut title = source.title.clone();
        let room = crate::prompts::MAX_PACK_TITLE_CHARS - COPY_SUFFIX.chars().count();
        if title.chars().count() > room {
            title = title
                .chars()
                .take(room)
                .collect::<String>()
                .trim_end()
                .to_string();
        }
        title.push_str(COPY_SUFFIX);
        let copy = PromptPack {
            id: format!("{CUSTOM_ID_PREFIX}{hex}"),
            version: 1,
            title,
            origin: PackOrigin::Custom {
                based_on: Some(source.pack_ref()),
            },
            ..source.clone()
        };
        self.save_custom_pack(copy)
    }

    /// Delete a custom pack for good. Entries written with it keep their stored prompt
    /// texts and still read as written.
    pub fn delete_custom_pack(&mut self, id: &str) -> Result<()> {
        let stored = self
            .stored_packs()?
            .into_iter()
            .find(|s| s.value.id == id)
            .ok_or_else(no_such_pack)?;
        self.vault.store().delete_record(Table::Packs, &stored.id)?;
        Ok(())
    }

    /// Check a new entry's answers against its pack and keep each prompt's text with
    /// its answer (see [`crate::prompts::prepare_answers`]). A pack named must exist.
    pub fn prepare_new_entry(&self, new: &mut NewEntry) -> Result<()> {
        prepare_new_entry_in(&self.vault, new)
    }

    /// The same for a change to entry `id`: answers without a prompt text keep the one
    /// they were first asked with, so an old entry whose pack is gone can still be
    /// edited and still reads as written.
    pub fn prepare_entry_change(&self, id: &EntryId, change: &mut EntryChange) -> Result<()> {
        if change.answers.is_none() && !matches!(change.prompt_pack, Some(Some(_))) {
            return Ok(());
        }
        let current = self.get(id)?;
        let pack = match &change.prompt_pack {
            Some(p) => p.clone(),
            None => current.prompt_pack.clone(),
        };
        // A pack newly chosen must exist; an old entry's vanished pack may stay.
        let new_pack = pack != current.prompt_pack;
        let mut answers = change
            .answers
            .take()
            .unwrap_or_else(|| current.answers.clone());
        for a in answers.iter_mut().filter(|a| a.prompt.is_empty()) {
            if let Some(was) = current.answers.iter().find(|c| c.prompt_id == a.prompt_id) {
                a.prompt = was.prompt.clone();
            }
        }
        crate::prompts::prepare_answers(
            &self.pack_registry()?,
            pack.as_ref(),
            &mut answers,
            new_pack,
        )?;
        change.answers = Some(answers);
        Ok(())
    }
}
