//! The unlocked journal: entries, check-ins and supervision sessions in memory, saved
//! encrypted, found in Rust.
//!
//! At unlock every entry, check-in and session is decrypted into memory once; listing, filtering, sorting and
//! full-text search then run here, so no plaintext index ever reaches disk and a front
//! end only ever holds one page. A record that fails to decrypt is reported and
//! skipped; the rest of the journal stays readable. Dropping the journal zeroizes the
//! decrypted entries and (through the vault) the key.

pub mod checkin;
pub mod endorsement;
pub(crate) mod entry;
pub mod index;
mod packs;
pub mod prep;
pub mod reminders;
pub mod scan;
pub mod search;
pub mod sessions;
mod settings;
pub mod training;

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

pub use crate::ids::EntryId;
pub use crate::records::DamagedRecord;
pub use checkin::{
    Checkin, CheckinAnswer, CheckinForm, CheckinId, CheckinItem, CheckinSaved, Direction, ItemSet,
    ItemTrend, NewCheckin, OverallPoint, Suggestion, TrendPoint, Trends, TrendsRequest,
    WeekSummary,
};
pub use entry::{
    validate_family_code, AnswerValue, Entry, EntryChange, EntryKind, ImportSource, Imported,
    Incoming, NewEntry, PackRef, PromptAnswer, Setting,
};
pub use packs::{custom_packs_in, prepare_new_entry_in, CUSTOM_ID_PREFIX};
pub use prep::{PrepId, PrepInput, PrepSheet, Takeaway, TakeawayInput};
pub use search::{Query, Snippet};
pub use sessions::{
    Delivery, HoursSummary, MonthMinutes, SessionDetails, SessionFormat, SessionId, SessionInput,
    SessionRole, SupervisionSession,
};
pub use settings::{
    Draft, Settings, Support, Theme, MAX_AUTO_LOCK_MINUTES, MAX_DEID_ALLOW_CHARS,
    MAX_DEID_ALLOW_WORDS, MAX_LOCAL_HELP_CHARS, MAX_RSC_HOURS_TARGET, MAX_SUPPORTS,
    MAX_SUPPORT_LABEL_CHARS, MAX_SUPPORT_REACH_CHARS, MIN_AUTO_LOCK_MINUTES, MIN_RSC_HOURS_TARGET,
};
pub use training::{
    CertificateFile, CertificateKind, Training, TrainingId, TrainingInput, MAX_CERTIFICATE_BYTES,
};

use crate::crypto::random_id;
use crate::records::{self, Record};
use crate::store::{RecordRow, Table};
use crate::vault::Vault;
use crate::{Error, ErrorCode, Result};
/// How long a trashed entry stays restorable before it is purged at unlock.
pub const TRASH_DAYS: i64 = 30;
/// The most entries one page may hold.
pub const MAX_PAGE: usize = 500;

pub(crate) struct Cached {
    pub(crate) entry: Entry,
    /// Folded searchable text (see [`search`]).
    folded: String,
}

impl Drop for Cached {
    fn drop(&mut self) {
        self.entry.zeroize();
        self.folded.zeroize();
    }
}

/// Which entries a list or search covers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct Filter {
    /// Encounter dates from this day on (inclusive).
    pub from: Option<NaiveDate>,
    /// Encounter dates up to this day (inclusive).
    pub to: Option<NaiveDate>,
    /// Entries carrying this tag (case-insensitive).
    pub tag: Option<String>,
    pub kind: Option<EntryKind>,
    /// Entries for this family code (case-insensitive).
    pub family_code: Option<String>,
    /// Only entries flagged "bring to supervision".
    pub flagged: bool,
    /// Look in the trash instead of the journal.
    pub trash: bool,
}

/// Order of a list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Newest encounter first (ties: newest written first).
    #[default]
    Newest,
    Oldest,
    /// Most recently edited first.
    Updated,
}

/// A request for one page of entries, optionally matching a search.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct FindRequest {
    pub text: String,
    pub filter: Filter,
    pub sort: Sort,
    pub offset: usize,
    /// 0 means the default page size (50).
    pub limit: usize,
}

/// One line of a list: enough to show and pick an entry, and no more.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct EntrySummary {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub id: EntryId,
    pub title: Option<String>,
    pub kind: EntryKind,
    pub encounter_date: NaiveDate,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub setting: Option<Setting>,
    pub family_code: Option<String>,
    pub tags: Vec<String>,
    pub carrying: Option<u8>,
    pub bring_to_supervision: bool,
    pub deleted_at: Option<DateTime<Utc>>,
    /// The opening of the text, or the text around the first search hit.
    pub snippet: Snippet,
}

/// One page of a list or search.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Page {
    /// How many entries match in all.
    pub total: usize,
    pub offset: usize,
    pub items: Vec<EntrySummary>,
}

/// An unlocked journal.
pub struct Journal {
    vault: Vault,
    entries: Vec<Cached>,
    index: HashMap<EntryId, usize>,
    /// Readable check-ins, oldest first.
    checkins: Vec<Checkin>,
    /// Readable supervision sessions, in no particular order.
    sessions: Vec<SupervisionSession>,
    damaged: Vec<DamagedRecord>,
    /// Revisions of the list index's shards on disk ([`index`]).
    index_revisions: index::ShardRevisions,
}

impl std::fmt::Debug for Journal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Journal")
            .field("entries", &self.entries.len())
            .field("checkins", &self.checkins.len())
            .field("sessions", &self.sessions.len())
            .field("damaged", &self.damaged.len())
            .finish_non_exhaustive()
    }
}

impl Record for Entry {
    const TABLE: Table = Table::Entries;
    /// The record format, not the reflection kind (which stays encrypted).
    const KIND: u8 = 1;

    /// The plaintext id and revision are authenticated by the envelope; the copies
    /// inside must agree.
    fn agrees_with(&self, row: &RecordRow) -> bool {
        self.id.0 == row.id && self.revision == row.revision
    }

    fn wipe(&mut self) {
        self.zeroize();
    }
}

fn cached(entry: Entry) -> Cached {
    let mut folded = String::new();
    for part in entry.searchable_parts() {
        search::fold_into(&mut folded, part);
        folded.push('\n');
    }
    Cached { entry, folded }
}

impl Journal {
    /// Decrypt every entry, check-in and session of an unlocked vault into memory, and purge
    /// trash older than [`TRASH_DAYS`].
    pub fn load(vault: Vault, now: DateTime<Utc>) -> Result<Self> {
        let mut journal = Self {
            vault,
            entries: Vec::new(),
            index: HashMap::new(),
            checkins: Vec::new(),
            sessions: Vec::new(),
            damaged: Vec::new(),
            index_revisions: index::ShardRevisions::default(),
        };
        // Decrypting one entry at a time on this thread: splitting it over threads was
        // measured no faster on two busy cores, and a third more memory from per-thread
        // allocator arenas.
        let entries = records::load_all::<Entry>(&journal.vault)?;
        journal.damaged.extend(entries.damaged);
        journal.entries.reserve(entries.records.len());
        for stored in entries.records {
            journal.index.insert(stored.value.id, journal.entries.len());
            journal.entries.push(cached(stored.value));
        }
        journal.index_revisions = index::ShardRevisions::read(&journal.vault)?;
        journal.build_index_if_missing()?;
        journal.load_checkins()?;
        journal.load_sessions()?;
        for damaged in [
            records::check::<Settings>(&journal.vault)?.damaged,
            records::check::<Draft>(&journal.vault)?.damaged,
            records::check_strays(&journal.vault)?.damaged,
            records::check::<crate::prompts::PromptPack>(&journal.vault)?.damaged,
            // Certificates (up to 10 MB each) are not decrypted at unlock: `verify`
            // checks them, and one that does not read says so when it is saved out.
            records::check::<Training>(&journal.vault)?.damaged,
        ] {
            journal.damaged.extend(damaged);
        }
        journal.purge_expired_trash(now)?;
        Ok(journal)
    }

    /// Write `entry` (new or changed) and its index shard in one transaction.
    fn save(&mut self, entry: &Entry) -> Result<()> {
        let (entries, revisions) = (&self.entries, &self.index_revisions);
        let written = records::write_all(&mut self.vault, |w| {
            w.put(entry.id.0, entry.revision, entry)?;
            Self::put_index_for(entries, revisions, w, &[], &[entry])
        })?;
        written.note(&mut self.index_revisions);
        Ok(())
    }

    fn purge_expired_trash(&mut self, now: DateTime<Utc>) -> Result<()> {
        let cutoff = now - Duration::days(TRASH_DAYS);
        let expired: Vec<EntryId> = self
            .entries
            .iter()
            .filter(|c| c.entry.deleted_at.is_some_and(|d| d < cutoff))
            .map(|c| c.entry.id)
            .collect();
        for id in expired {
            self.purge(&id)?;
        }
        Ok(())
    }

    /// The vault under this journal (for passphrase and key operations).
    pub fn vault_mut(&mut self) -> &mut Vault {
        &mut self.vault
    }

    pub fn vault(&self) -> &Vault {
        &self.vault
    }

    /// Lock: zeroize every decrypted entry and the key, and close the file.
    pub fn lock(self) {
        drop(self);
    }

    /// Records skipped at unlock because they could not be read.
    pub fn damaged(&self) -> &[DamagedRecord] {
        &self.damaged
    }

    /// How many entries (trash included) are readable.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Write a new entry, durably. Returns it with its new id.
    pub fn add(&mut self, input: NewEntry, now: DateTime<Utc>) -> Result<&Entry> {
        let entry = Entry::create(EntryId(random_id()?), input, now)?;
        self.save(&entry)?;
        let at = self.entries.len();
        self.index.insert(entry.id, at);
        self.entries.push(cached(entry));
        Ok(&self.entries[at].entry)
    }

    /// Write many entries brought in from another app in one transaction: every one of
    /// them lands, or none does. Each is checked as it is written, so the first refusal
    /// (or a failed write) part-way rolls back everything written before it, and the
    /// journal in memory is left as it was. Returns how many were added.
    pub fn add_all(&mut self, batch: impl IntoIterator<Item = Incoming>) -> Result<usize> {
        let mut made: Vec<Entry> = Vec::new();
        let (entries, revisions) = (&self.entries, &self.index_revisions);
        let written = records::write_all(&mut self.vault, |writer| {
            for incoming in batch {
                let entry = Entry::import(EntryId(random_id()?), incoming)?;
                writer.put(entry.id.0, entry.revision, &entry)?;
                made.push(entry);
            }
            let new: Vec<&Entry> = made.iter().collect();
            Self::put_index_for(entries, revisions, writer, &[], &new)
        });
        match written {
            Ok(written) => written.note(&mut self.index_revisions),
            Err(e) => {
                for entry in &mut made {
                    entry.zeroize();
                }
                return Err(e);
            }
        }
        let added = made.len();
        self.entries.reserve(added);
        for entry in made {
            self.index.insert(entry.id, self.entries.len());
            self.entries.push(cached(entry));
        }
        Ok(added)
    }

    /// Change an entry, durably; its revision goes up by one.
    pub fn edit(
        &mut self,
        id: &EntryId,
        change: EntryChange,
        now: DateTime<Utc>,
    ) -> Result<&Entry> {
        let at = self.position(id)?;
        let mut next = self.entries[at].entry.clone();
        next.apply(change)?;
        self.replace(at, next, now)
    }

    /// Move an entry to the trash (restorable for [`TRASH_DAYS`] days).
    pub fn trash(&mut self, id: &EntryId, now: DateTime<Utc>) -> Result<&Entry> {
        let at = self.position(id)?;
        let mut next = self.entries[at].entry.clone();
        if next.deleted_at.is_some() {
            return Ok(&self.entries[at].entry);
        }
        next.deleted_at = Some(now);
        self.replace(at, next, now)
    }

    /// Take an entry back out of the trash.
    pub fn restore(&mut self, id: &EntryId, now: DateTime<Utc>) -> Result<&Entry> {
        let at = self.position(id)?;
        let mut next = self.entries[at].entry.clone();
        if next.deleted_at.is_none() {
            return Err(Error::invalid("That reflection is not in the trash."));
        }
        next.deleted_at = None;
        self.replace(at, next, now)
    }

    fn replace(&mut self, at: usize, mut next: Entry, now: DateTime<Utc>) -> Result<&Entry> {
        next.revision = next
            .revision
            .checked_add(1)
            .ok_or_else(|| Error::internal("revision overflow"))?;
        next.updated_at = now;
        self.save(&next)?;
        self.entries[at] = cached(next);
        Ok(&self.entries[at].entry)
    }

    /// Delete an entry for good. Also removes a damaged record (an entry, a check-in, a
    /// session, the settings, the draft, a custom pack or a stray) by its id.
    pub fn purge(&mut self, id: &EntryId) -> Result<()> {
        let hex = id.to_hex();
        let damaged = self.damaged.iter().any(|d| d.id.as_deref() == Some(&hex));
        // The entry and its index shard go in one transaction.
        let (entries, revisions) = (&self.entries, &self.index_revisions);
        let (removed_entry, written) = records::write_all(&mut self.vault, |w| {
            if !w.delete::<Entry>(&id.0)? {
                return Ok((false, None));
            }
            let written = Self::put_index_for(entries, revisions, w, &[*id], &[])?;
            Ok((true, Some(written)))
        })?;
        if let Some(written) = written {
            written.note(&mut self.index_revisions);
        }
        let store = self.vault.store();
        let removed = removed_entry
            || store.delete_stray_record(&id.0)?
            || (damaged && store.delete_record(Table::Checkins, &id.0)?)
            || (damaged && store.delete_record(Table::Sessions, &id.0)?)
            || (damaged && store.delete_record(Table::Settings, &id.0)?)
            || (damaged && store.delete_record(Table::Drafts, &id.0)?)
            // A damaged custom-pack record is removed by its id the same way.
            || store.delete_record(Table::Packs, &id.0)?;
        if removed && !removed_entry {
            // A stray or damaged record under this id may still have an index item.
            self.rewrite_index_shard(index::shard_of(id))?;
        }
        if let Some(at) = self.index.remove(id) {
            self.entries.swap_remove(at);
            if let Some(moved) = self.entries.get(at) {
                self.index.insert(moved.entry.id, at);
            }
        } else if removed {
            self.damaged
                .retain(|d| d.id.as_deref() != Some(hex.as_str()));
        } else {
            return Err(Error::not_found("entry"));
        }
        Ok(())
    }

    /// Delete every entry in the trash for good. Returns how many.
    pub fn empty_trash(&mut self) -> Result<usize> {
        let trashed: Vec<EntryId> = self
            .entries
            .iter()
            .filter(|c| c.entry.deleted_at.is_some())
            .map(|c| c.entry.id)
            .collect();
        for id in &trashed {
            self.purge(id)?;
        }
        Ok(trashed.len())
    }

    fn position(&self, id: &EntryId) -> Result<usize> {
        self.index
            .get(id)
            .copied()
            .ok_or_else(|| Error::not_found("entry"))
    }

    /// One entry by id.
    pub fn get(&self, id: &EntryId) -> Result<&Entry> {
        Ok(&self.entries[self.position(id)?].entry)
    }

    /// Resolve a full id or a unique prefix of at least 4 hex digits (as typed in a
    /// terminal). Damaged records can be named by their full id.
    pub fn resolve_id(&self, typed: &str) -> Result<EntryId> {
        let typed = typed.trim().to_ascii_lowercase();
        if let Some(id) = EntryId::from_hex(&typed) {
            return Ok(id);
        }
        if typed.len() < 4 || !typed.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(Error::invalid(
                "An entry id is 32 hex digits; the first 4 or more are enough when they are unique.",
            ));
        }
        let mut found = self
            .entries
            .iter()
            .filter(|c| c.entry.id.to_hex().starts_with(&typed));
        match (found.next(), found.next()) {
            (Some(c), None) => Ok(c.entry.id),
            (None, _) => Err(Error::not_found("entry")),
            (Some(_), Some(_)) => Err(Error::invalid(
                "More than one entry starts with that id; type a few more characters.",
            )),
        }
    }

    /// Every readable entry (trash included), in no particular order.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().map(|c| &c.entry)
    }

    /// One page of entries matching `request`'s filter and search text.
    pub fn find(&self, request: &FindRequest) -> Result<Page> {
        let query = Query::parse(&request.text);
        let limit = page_limit(request)?;
        let filter = &request.filter;
        let tag = filter.tag.as_deref().map(str::to_lowercase);
        let family = filter.family_code.as_deref().map(str::to_lowercase);
        let mut hits: Vec<&Cached> = self
            .entries
            .iter()
            .filter(|c| {
                let e = &c.entry;
                e.deleted_at.is_some() == filter.trash
                    && filter.from.is_none_or(|d| e.encounter_date >= d)
                    && filter.to.is_none_or(|d| e.encounter_date <= d)
                    && filter.kind.is_none_or(|k| e.kind == k)
                    && (!filter.flagged || e.bring_to_supervision)
                    && tag
                        .as_ref()
                        .is_none_or(|t| e.tags.iter().any(|x| x.to_lowercase() == *t))
                    && family.as_ref().is_none_or(|f| {
                        e.family_code
                            .as_ref()
                            .is_some_and(|x| x.to_lowercase() == *f)
                    })
                    && (query.is_empty() || query.matches(&c.folded))
            })
            .collect();
        let key =
            |c: &Cached| sort_key_newest(c.entry.encounter_date, c.entry.created_at, c.entry.id);
        match request.sort {
            Sort::Newest => hits.sort_unstable_by_key(|c| std::cmp::Reverse(key(c))),
            Sort::Oldest => hits.sort_unstable_by_key(|c| key(c)),
            Sort::Updated => hits.sort_unstable_by(|a, b| {
                (b.entry.updated_at, b.entry.id).cmp(&(a.entry.updated_at, a.entry.id))
            }),
        }
        let total = hits.len();
        let items = hits
            .into_iter()
            .skip(request.offset)
            .take(limit)
            .map(|c| summarise(&c.entry, &query))
            .collect();
        Ok(Page {
            total,
            offset: request.offset,
            items,
        })
    }

    /// Live entries flagged "bring to supervision", newest encounter first.
    pub fn entries_flagged_for_supervision(&self) -> Vec<EntryId> {
        let mut flagged: Vec<&Entry> = self
            .entries()
            .filter(|e| e.bring_to_supervision && e.deleted_at.is_none())
            .collect();
        flagged.sort_by_key(|e| std::cmp::Reverse((e.encounter_date, e.created_at)));
        flagged.into_iter().map(|e| e.id).collect()
    }
}

/// Write a new entry straight into an unlocked vault, durably, without loading the
/// journal: it is sealed and inserted as one record, so the cost does not grow with the
/// journal (the command line's `attune add`): the entry and its one index shard are
/// written in one transaction. Trash is purged by the next full load
/// ([`Journal::load`]).
pub fn add_to_vault(vault: &mut Vault, input: NewEntry, now: DateTime<Utc>) -> Result<Entry> {
    let entry = Entry::create(EntryId(random_id()?), input, now)?;
    index::add_entry_in_vault(vault, &entry)?;
    Ok(entry)
}

/// The page size a request asks for (0: the default, 50), or why it is refused.
pub(crate) fn page_limit(request: &FindRequest) -> Result<usize> {
    match request.limit {
        0 => Ok(50),
        n if n > MAX_PAGE => Err(Error::invalid(format!(
            "A page holds at most {MAX_PAGE} entries."
        ))),
        n => Ok(n),
    }
}

/// The order of "newest first" (reversed) and "oldest first": encounter date, then
/// when written, then id.
pub(crate) fn sort_key_newest(
    date: NaiveDate,
    created: DateTime<Utc>,
    id: EntryId,
) -> (NaiveDate, DateTime<Utc>, EntryId) {
    (date, created, id)
}

pub(crate) fn summarise(entry: &Entry, query: &Query) -> EntrySummary {
    let snippet = if query.is_empty() {
        None
    } else {
        search::snippet(&entry.body, query)
    };
    EntrySummary {
        id: entry.id,
        title: entry.title.clone(),
        kind: entry.kind,
        encounter_date: entry.encounter_date,
        created_at: entry.created_at,
        updated_at: entry.updated_at,
        setting: entry.setting,
        family_code: entry.family_code.clone(),
        tags: entry.tags.clone(),
        carrying: entry.carrying,
        bring_to_supervision: entry.bring_to_supervision,
        deleted_at: entry.deleted_at,
        snippet: snippet.unwrap_or_else(|| Snippet {
            text: search::preview(&entry.body),
            highlights: Vec::new(),
        }),
    }
}

/// Is `code` a damaged-records error (exit code 3 in the CLI)?
pub fn is_damage(code: ErrorCode) -> bool {
    matches!(code, ErrorCode::DamagedRecords | ErrorCode::DamagedJournal)
}

mod export;
pub use export::{
    count_identifying, identifying_passages, silenced_words, to_jrnl_json, to_json, to_markdown,
    to_markdown_notes,
};
