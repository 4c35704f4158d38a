//! The unlocked journal: entries, check-ins and supervision sessions, saved encrypted,
//! found in Rust.
//!
//! At unlock every entry is decrypted once, on two threads, and the journal keeps of
//! each only what lists, filters and sorting need ([`index::IndexItem`]) and its folded
//! text for search ([`Listed`]); the entry itself is decrypted again from disk when it
//! is read (a page of a list, an edit, an export). Check-ins and sessions are kept
//! whole. Listing, filtering, sorting and full-text search run here, so no plaintext
//! index ever reaches disk and a front end only ever holds one page. A record that
//! fails to decrypt is reported and skipped; the rest of the journal stays readable.
//! Dropping the journal zeroizes the folded text and (through the vault) the key.

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

use std::collections::{HashMap, HashSet};

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
pub use index::IndexItem;
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

/// What the unlocked journal keeps of one readable entry: what lists need, and its
/// searchable text folded (see [`search`]). Keeping this instead of the entry holds about
/// one copy of the journal's words in memory rather than two.
pub(crate) struct Listed {
    pub(crate) item: IndexItem,
    folded: Box<str>,
}

impl Listed {
    pub(crate) fn of(entry: &Entry) -> Self {
        let size = entry.searchable_parts().map(|p| p.len() + 1).sum();
        let mut folded = String::with_capacity(size);
        search::fold_entry_into(&mut folded, entry);
        Self {
            item: IndexItem::of(entry),
            folded: folded.into_boxed_str(),
        }
    }
}

impl Drop for Listed {
    fn drop(&mut self) {
        self.folded.zeroize();
    }
}

/// Entries decrypted from disk for one task (an export, a print, a check), zeroized
/// when dropped.
pub struct Entries(Vec<Entry>);

impl std::ops::Deref for Entries {
    type Target = [Entry];

    fn deref(&self) -> &[Entry] {
        &self.0
    }
}

impl Entries {
    /// Put the entries in `key`'s order.
    pub fn sort_by_key<K: Ord>(&mut self, key: impl FnMut(&Entry) -> K) {
        self.0.sort_by_key(key);
    }
}

impl Drop for Entries {
    fn drop(&mut self) {
        for entry in &mut self.0 {
            entry.zeroize();
        }
    }
}

impl std::fmt::Debug for Entries {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Entries({})", self.0.len())
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
    /// Readable entries, in no particular order.
    listed: Vec<Listed>,
    /// Where each entry sits in `listed`.
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
            .field("entries", &self.listed.len())
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

impl Journal {
    /// Decrypt every entry, check-in and session of an unlocked vault (keeping what
    /// [`Listed`] keeps of each entry), and purge trash older than [`TRASH_DAYS`].
    pub fn load(vault: Vault, now: DateTime<Utc>) -> Result<Self> {
        let mut journal = Self {
            vault,
            listed: Vec::new(),
            index: HashMap::new(),
            checkins: Vec::new(),
            sessions: Vec::new(),
            damaged: Vec::new(),
            index_revisions: index::ShardRevisions::default(),
        };
        let listing = scan::list_entries(&journal.vault)?;
        journal.damaged.extend(listing.damaged);
        journal.listed = listing.listed;
        journal.index = (journal.listed.iter().enumerate())
            .map(|(at, l)| (l.item.id, at))
            .collect();
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
        let (listed, revisions) = (&self.listed, &self.index_revisions);
        let written = records::write_all(&mut self.vault, |w| {
            w.put(entry.id.0, entry.revision, entry)?;
            Self::put_index_for(listed, revisions, w, &[], &[entry])
        })?;
        written.note(&mut self.index_revisions);
        Ok(())
    }

    fn purge_expired_trash(&mut self, now: DateTime<Utc>) -> Result<()> {
        let cutoff = now - Duration::days(TRASH_DAYS);
        let expired: Vec<EntryId> = self
            .listed
            .iter()
            .filter(|l| l.item.deleted_at.is_some_and(|d| d < cutoff))
            .map(|l| l.item.id)
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

    /// Lock: zeroize the folded text and the key, and close the file.
    pub fn lock(self) {
        drop(self);
    }

    /// Records skipped at unlock because they could not be read.
    pub fn damaged(&self) -> &[DamagedRecord] {
        &self.damaged
    }

    /// How many entries (trash included) are readable.
    pub fn len(&self) -> usize {
        self.listed.len()
    }

    pub fn is_empty(&self) -> bool {
        self.listed.is_empty()
    }

    fn push(&mut self, entry: &Entry) {
        self.index.insert(entry.id, self.listed.len());
        self.listed.push(Listed::of(entry));
    }

    /// Write a new entry, durably. Returns it with its new id.
    pub fn add(&mut self, input: NewEntry, now: DateTime<Utc>) -> Result<Entry> {
        let entry = Entry::create(EntryId(random_id()?), input, now)?;
        self.save(&entry)?;
        self.push(&entry);
        Ok(entry)
    }

    /// Write many entries brought in from another app in one transaction: every one of
    /// them lands, or none does. Each is checked as it is written, so the first refusal
    /// (or a failed write) part-way rolls back everything written before it, and the
    /// journal in memory is left as it was. Returns how many were added.
    pub fn add_all(&mut self, batch: impl IntoIterator<Item = Incoming>) -> Result<usize> {
        let mut made: Vec<Entry> = Vec::new();
        let (listed, revisions) = (&self.listed, &self.index_revisions);
        let written = records::write_all(&mut self.vault, |writer| {
            for incoming in batch {
                let entry = Entry::import(EntryId(random_id()?), incoming)?;
                writer.put(entry.id.0, entry.revision, &entry)?;
                made.push(entry);
            }
            let new: Vec<&Entry> = made.iter().collect();
            Self::put_index_for(listed, revisions, writer, &[], &new)
        });
        let made = Entries(made);
        written?.note(&mut self.index_revisions);
        self.listed.reserve(made.len());
        for entry in made.iter() {
            self.push(entry);
        }
        Ok(made.len())
    }

    /// Change an entry, durably; its revision goes up by one.
    pub fn edit(&mut self, id: &EntryId, change: EntryChange, now: DateTime<Utc>) -> Result<Entry> {
        let mut next = self.get(id)?;
        next.apply(change)?;
        self.replace(next, now)
    }

    /// Move an entry to the trash (restorable for [`TRASH_DAYS`] days).
    pub fn trash(&mut self, id: &EntryId, now: DateTime<Utc>) -> Result<Entry> {
        let mut next = self.get(id)?;
        if next.deleted_at.is_some() {
            return Ok(next);
        }
        next.deleted_at = Some(now);
        self.replace(next, now)
    }

    /// Take an entry back out of the trash.
    pub fn restore(&mut self, id: &EntryId, now: DateTime<Utc>) -> Result<Entry> {
        let mut next = self.get(id)?;
        if next.deleted_at.is_none() {
            return Err(Error::invalid("That reflection is not in the trash."));
        }
        next.deleted_at = None;
        self.replace(next, now)
    }

    /// Write the next revision of an entry read by [`Self::get`].
    fn replace(&mut self, mut next: Entry, now: DateTime<Utc>) -> Result<Entry> {
        let at = self.position(&next.id)?;
        next.revision = next
            .revision
            .checked_add(1)
            .ok_or_else(|| Error::internal("revision overflow"))?;
        next.updated_at = now;
        self.save(&next)?;
        self.listed[at] = Listed::of(&next);
        Ok(next)
    }

    /// Delete an entry for good. Also removes a damaged record (an entry, a check-in, a
    /// session, the settings, the draft, a custom pack or a stray) by its id.
    pub fn purge(&mut self, id: &EntryId) -> Result<()> {
        let hex = id.to_hex();
        let damaged = self.damaged.iter().any(|d| d.id.as_deref() == Some(&hex));
        // The entry and its index shard go in one transaction.
        let (listed, revisions) = (&self.listed, &self.index_revisions);
        let (removed_entry, written) = records::write_all(&mut self.vault, |w| {
            if !w.delete::<Entry>(&id.0)? {
                return Ok((false, None));
            }
            let written = Self::put_index_for(listed, revisions, w, &[*id], &[])?;
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
            self.listed.swap_remove(at);
            if let Some(moved) = self.listed.get(at) {
                self.index.insert(moved.item.id, at);
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
            .listed
            .iter()
            .filter(|l| l.item.deleted_at.is_some())
            .map(|l| l.item.id)
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

    /// One entry by id, decrypted from disk.
    pub fn get(&self, id: &EntryId) -> Result<Entry> {
        self.position(id)?;
        records::load_one::<Entry>(&self.vault, &id.0)?
            .map(|stored| stored.value)
            .ok_or_else(unreadable)
    }

    /// Is there a readable entry with this id?
    pub fn contains(&self, id: &EntryId) -> bool {
        self.index.contains_key(id)
    }

    /// What lists know of an entry (its dates, flag, trash date, tags and family code),
    /// without decrypting it.
    pub fn item(&self, id: &EntryId) -> Option<&IndexItem> {
        self.index.get(id).map(|&at| &self.listed[at].item)
    }

    /// What lists know of every readable entry, in no particular order.
    pub fn items(&self) -> impl Iterator<Item = &IndexItem> {
        self.listed.iter().map(|l| &l.item)
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
            .listed
            .iter()
            .filter(|l| l.item.id.to_hex().starts_with(&typed));
        match (found.next(), found.next()) {
            (Some(l), None) => Ok(l.item.id),
            (None, _) => Err(Error::not_found("entry")),
            (Some(_), Some(_)) => Err(Error::invalid(
                "More than one entry starts with that id; type a few more characters.",
            )),
        }
    }

    /// Every readable entry (trash included), decrypted from disk.
    pub fn entries(&self) -> Result<Entries> {
        self.entries_where(|_| true)
    }

    /// The readable entries whose [`IndexItem`] `keep` accepts, decrypted from disk.
    pub fn entries_where(&self, keep: impl Fn(&IndexItem) -> bool) -> Result<Entries> {
        let wanted: Vec<EntryId> = self.items().filter(|i| keep(i)).map(|i| i.id).collect();
        if wanted.len() <= self.listed.len() / 8 {
            // A few: read each by id.
            return self.entries_by_id(&wanted);
        }
        let wanted: HashSet<EntryId> = wanted.into_iter().collect();
        let mut out = Entries(Vec::with_capacity(wanted.len()));
        // Many: one pass over the table, keeping the wanted ones.
        let opener = self.vault.opener();
        self.vault.store().each_record(Table::Entries, |row| {
            if let Ok(row) = row {
                if wanted.contains(&EntryId(row.id)) {
                    out.0
                        .push(records::open::<Entry>(&opener, &row).ok_or_else(unreadable)?);
                }
            }
            Ok(())
        })?;
        if out.len() != wanted.len() {
            return Err(unreadable());
        }
        Ok(out)
    }

    /// The entries with these ids, in this order, decrypted from disk.
    pub fn entries_by_id<'a>(&self, ids: impl IntoIterator<Item = &'a EntryId>) -> Result<Entries> {
        let mut out = Entries(Vec::new());
        for id in ids {
            out.0.push(self.get(id)?);
        }
        Ok(out)
    }

    /// One page of entries matching `request`'s filter and search text.
    pub fn find(&self, request: &FindRequest) -> Result<Page> {
        let query = Query::parse(&request.text);
        let limit = page_limit(request)?;
        // No trash cutoff: trash past its time was purged at unlock.
        let filter = index::ItemFilter::new(&request.filter, None);
        let matcher = query.matcher();
        let mut hits: Vec<&IndexItem> = self
            .listed
            .iter()
            .filter(|l| filter.passes(&l.item) && (query.is_empty() || matcher.matches(&l.folded)))
            .map(|l| &l.item)
            .collect();
        let total = hits.len();
        index::sort_page(&mut hits, request.sort, request.offset, limit, |i| {
            index::Stamps::of_item(i)
        });
        let items = index::summaries(&self.vault, &hits, &query)?.ok_or_else(unreadable)?;
        Ok(Page {
            total,
            offset: request.offset,
            items,
        })
    }

    /// Live entries flagged "bring to supervision", newest encounter first.
    pub fn entries_flagged_for_supervision(&self) -> Vec<EntryId> {
        let mut flagged: Vec<&IndexItem> = self
            .items()
            .filter(|i| i.flagged && i.deleted_at.is_none())
            .collect();
        flagged.sort_by_key(|i| std::cmp::Reverse((i.encounter_date, i.created_at)));
        flagged.into_iter().map(|i| i.id).collect()
    }
}

/// A listed entry that no longer reads: the file changed or was damaged since unlock.
fn unreadable() -> Error {
    Error::new(
        ErrorCode::DamagedRecords,
        "A reflection could not be read from the journal file: it was changed or damaged \
         since the journal was unlocked. Lock and unlock to see which records are affected.",
    )
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
