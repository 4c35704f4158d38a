//! The list index: an encrypted record of what listing needs, so a list decrypts the
//! index and one page of entries instead of the whole journal.
//!
//! Each readable entry has one [`IndexItem`]: its id, kind, dates, flag, trash date,
//! tags and family code (both lowercased, as filters compare them), and never its
//! title, text or answers. Items are kept in up to 256 shards, records of
//! [`Table::EntryIndex`] filed by the first byte of the entry id, so writing one entry
//! rewrites one small shard (`attune add` stays as fast at 100,000 entries as at 100).
//! Every write path that adds, changes, trashes, restores, purges or imports entries
//! writes the shards it touches in the same transaction as the entries.
//!
//! A journal made before the index has no shard at all: the first full unlock (or the
//! first `attune add`) builds it. A list that finds the index does not agree with the
//! entries (a different count, a shard that does not read, a listed entry that
//! differs) answers from a full load instead, and `verify` reports it; `verify
//! --repair` rebuilds it from the entries.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

use super::{
    page_limit, sort_key_newest, summarise, Entry, EntryId, EntryKind, FindRequest, Journal, Page,
    Query, Sort, TRASH_DAYS,
};
use crate::records::{self, Record, Writer};
use crate::store::{RecordRow, Table};
use crate::vault::Vault;
use crate::{Error, Result};

/// What listing needs to know of one entry, and nothing of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexItem {
    pub id: EntryId,
    pub kind: EntryKind,
    pub encounter_date: NaiveDate,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub flagged: bool,
    /// Lowercased.
    pub tags: Vec<String>,
    /// Lowercased.
    pub family_code: Option<String>,
}

impl Drop for IndexItem {
    fn drop(&mut self) {
        self.tags.zeroize();
        self.family_code.zeroize();
    }
}

impl IndexItem {
    /// The item for `entry`.
    pub fn of(entry: &Entry) -> Self {
        Self {
            id: entry.id,
            kind: entry.kind,
            encounter_date: entry.encounter_date,
            created_at: entry.created_at,
            updated_at: entry.updated_at,
            deleted_at: entry.deleted_at,
            flagged: entry.bring_to_supervision,
            tags: entry.tags.iter().map(|t| t.to_lowercase()).collect(),
            family_code: entry.family_code.as_deref().map(str::to_lowercase),
        }
    }
}

/// A timestamp as whole seconds and nanoseconds: exact, and quick to parse.
type Stamp = (i64, u32);

fn stamp(t: &DateTime<Utc>) -> Stamp {
    (t.timestamp(), t.timestamp_subsec_nanos())
}

fn from_stamp((secs, nanos): Stamp) -> Option<DateTime<Utc>> {
    Utc.timestamp_opt(secs, nanos).single()
}

/// An item as stored: a JSON array, so the shard carries no field names.
#[derive(Serialize, Deserialize)]
struct Wire(
    EntryId,
    EntryKind,
    /// Encounter date, days from 1 January of year 1.
    i32,
    Stamp,
    Stamp,
    Option<Stamp>,
    bool,
    Vec<String>,
    Option<String>,
);

impl Drop for Wire {
    fn drop(&mut self) {
        self.7.zeroize();
        self.8.zeroize();
    }
}

impl Serialize for IndexItem {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use chrono::Datelike;
        Wire(
            self.id,
            self.kind,
            self.encounter_date.num_days_from_ce(),
            stamp(&self.created_at),
            stamp(&self.updated_at),
            self.deleted_at.as_ref().map(stamp),
            self.flagged,
            self.tags.clone(),
            self.family_code.clone(),
        )
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for IndexItem {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let mut w = Wire::deserialize(d)?;
        let bad = || serde::de::Error::custom("malformed index item");
        Ok(Self {
            id: w.0,
            kind: w.1,
            encounter_date: NaiveDate::from_num_days_from_ce_opt(w.2).ok_or_else(bad)?,
            created_at: from_stamp(w.3).ok_or_else(bad)?,
            updated_at: from_stamp(w.4).ok_or_else(bad)?,
            deleted_at: match w.5 {
                Some(t) => Some(from_stamp(t).ok_or_else(bad)?),
                None => None,
            },
            flagged: w.6,
            tags: std::mem::take(&mut w.7),
            family_code: w.8.take(),
        })
    }
}

/// One shard: the items of the entries whose id starts with its byte, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IndexShard {
    pub items: Vec<IndexItem>,
}

impl Record for IndexShard {
    const TABLE: Table = Table::EntryIndex;
    const KIND: u8 = 1;
}

/// The shard an entry's item lives in.
pub fn shard_of(id: &EntryId) -> u8 {
    id.0[0]
}

/// The record id of shard `s`.
pub fn shard_record_id(s: u8) -> [u8; 16] {
    let mut id = *b"attune-index-\0\0\0";
    id[15] = s;
    id
}

/// Which shard a record id names, if it names one.
fn shard_named(id: &[u8; 16]) -> Option<u8> {
    (id[..15] == shard_record_id(0)[..15]).then_some(id[15])
}

/// The shards of `entries`, by shard byte (empty shards left out).
fn shards_of<'a>(entries: impl Iterator<Item = &'a Entry>) -> BTreeMap<u8, IndexShard> {
    let mut shards: BTreeMap<u8, IndexShard> = BTreeMap::new();
    for e in entries {
        shards
            .entry(shard_of(&e.id))
            .or_default()
            .items
            .push(IndexItem::of(e));
    }
    for shard in shards.values_mut() {
        shard.items.sort_unstable_by_key(|i| i.id);
    }
    shards
}

/// Shard `s` as `entries` make it.
fn shard_from<'a>(s: u8, entries: impl Iterator<Item = &'a Entry>) -> IndexShard {
    let mut items: Vec<IndexItem> = entries
        .filter(|e| shard_of(&e.id) == s)
        .map(IndexItem::of)
        .collect();
    items.sort_unstable_by_key(|i| i.id);
    IndexShard { items }
}

/// Stored shard revisions, by shard byte.
#[derive(Debug, Default)]
pub(crate) struct ShardRevisions(HashMap<u8, u64>);

impl ShardRevisions {
    pub(crate) fn read(vault: &Vault) -> Result<Self> {
        Ok(Self(
            vault
                .store()
                .record_revisions(Table::EntryIndex)?
                .into_iter()
                .filter_map(|(id, rev)| Some((shard_named(&id)?, rev)))
                .collect(),
        ))
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Shard writes made inside a transaction, to be noted once it has committed.
#[derive(Debug, Default)]
#[must_use]
pub(crate) struct Written(Vec<(u8, u64)>);

impl Written {
    pub(crate) fn note(self, revisions: &mut ShardRevisions) {
        revisions.0.extend(self.0);
    }
}

/// Seal and write `shards` (the next revision of each) in `writer`'s transaction.
fn put_shards(
    writer: &mut Writer<'_>,
    revisions: &ShardRevisions,
    shards: impl IntoIterator<Item = (u8, IndexShard)>,
) -> Result<Written> {
    let mut written = Written::default();
    for (s, shard) in shards {
        let revision = records::next_revision(revisions.0.get(&s).copied())?;
        writer.put(shard_record_id(s), revision, &shard)?;
        written.0.push((s, revision));
    }
    Ok(written)
}

// ---- the unlocked journal keeps the index in step -----------------------------------

impl Journal {
    /// Write the shards touched by `changed` entries (their new state, from memory) in
    /// `writer`'s transaction. `gone` are ids purged in the same transaction; `extra`
    /// entries not yet in memory (new or replacing the copy in memory).
    pub(crate) fn put_index_for(
        entries: &[super::Cached],
        revisions: &ShardRevisions,
        writer: &mut Writer<'_>,
        gone: &[EntryId],
        extra: &[&Entry],
    ) -> Result<Written> {
        let touched: std::collections::BTreeSet<u8> = gone
            .iter()
            .copied()
            .chain(extra.iter().map(|e| e.id))
            .map(|id| shard_of(&id))
            .collect();
        let replaced: HashSet<EntryId> = gone
            .iter()
            .copied()
            .chain(extra.iter().map(|e| e.id))
            .collect();
        let shards = touched.into_iter().map(|s| {
            let current = entries
                .iter()
                .map(|c| &c.entry)
                .filter(|e| !replaced.contains(&e.id));
            (s, shard_from(s, current.chain(extra.iter().copied())))
        });
        put_shards(writer, revisions, shards.collect::<Vec<_>>())
    }

    /// Rewrite shard `s` from the entries in memory, in its own transaction.
    pub(crate) fn rewrite_index_shard(&mut self, s: u8) -> Result<()> {
        let shard = shard_from(s, self.entries.iter().map(|c| &c.entry));
        let revisions = &self.index_revisions;
        let written =
            records::write_all(&mut self.vault, |w| put_shards(w, revisions, [(s, shard)]))?;
        written.note(&mut self.index_revisions);
        Ok(())
    }

    /// Build the index from the entries in memory when the journal has none (a journal
    /// made before the index), in one transaction.
    pub(crate) fn build_index_if_missing(&mut self) -> Result<()> {
        if !self.index_revisions.is_empty()
            || self.vault.store().count_records(Table::Entries)? == 0
        {
            return Ok(());
        }
        self.rebuild_index()
    }

    /// Replace the whole index with one made from the entries in memory, in one
    /// transaction (`verify --repair`).
    pub fn rebuild_index(&mut self) -> Result<()> {
        let shards = shards_of(self.entries.iter().map(|c| &c.entry));
        let revisions = &self.index_revisions;
        let stale: Vec<[u8; 16]> = self
            .vault
            .store()
            .record_revisions(Table::EntryIndex)?
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        let written = records::write_all(&mut self.vault, |w| {
            for id in &stale {
                w.delete::<IndexShard>(id)?;
            }
            put_shards(w, revisions, shards)
        })?;
        self.index_revisions = ShardRevisions::default();
        written.note(&mut self.index_revisions);
        Ok(())
    }
}

/// Write `entry` as a new record, and its shard, in one transaction, on a vault that
/// was never loaded (`attune add`): one shard is decrypted and rewritten, whatever the
/// size of the journal. A journal without an index gets one built here, once.
pub(crate) fn add_entry_in_vault(vault: &mut Vault, entry: &Entry) -> Result<()> {
    let store = vault.store();
    let revisions = ShardRevisions::read(vault)?;
    if revisions.is_empty() && store.count_records(Table::Entries)? > 0 {
        // The first write to a journal made before the index: build it whole.
        let mut loaded = records::load_all::<Entry>(vault)?;
        let shards = shards_of(
            loaded
                .records
                .iter()
                .map(|s| &s.value)
                .chain(std::iter::once(entry)),
        );
        let result = records::write_all(vault, |w| {
            w.put(entry.id.0, entry.revision, entry)?;
            put_shards(w, &revisions, shards).map(drop)
        });
        for stored in &mut loaded.records {
            stored.value.zeroize();
        }
        return result;
    }
    let s = shard_of(&entry.id);
    let mut shard = match store.record(Table::EntryIndex, &shard_record_id(s))? {
        // A shard that does not read loses its other items: the count no longer
        // agrees, so lists answer from a full load until `verify --repair`.
        Some(row) => records::open::<IndexShard>(&vault.opener(), &row).unwrap_or_default(),
        None => IndexShard::default(),
    };
    shard.items.retain(|i| i.id != entry.id);
    shard.items.push(IndexItem::of(entry));
    shard.items.sort_unstable_by_key(|i| i.id);
    records::write_all(vault, |w| {
        w.put(entry.id.0, entry.revision, entry)?;
        put_shards(w, &revisions, [(s, shard)]).map(drop)
    })
}

// ---- reading ------------------------------------------------------------------------

/// Every item of the index, if it is whole and agrees with the entries table: every
/// shard reads, sits under its own name and holds only its own entries, and there are
/// as many items as entry records. `None` otherwise.
fn read_index(vault: &Vault) -> Result<Option<Vec<IndexItem>>> {
    let store = vault.store();
    let entry_rows = store.count_records(Table::Entries)?;
    let (rows, malformed) = store.records(Table::EntryIndex)?;
    if !malformed.is_empty() || (rows.is_empty() && entry_rows > 0) {
        return Ok(None);
    }
    let opener = vault.opener();
    let mut items = Vec::with_capacity(entry_rows);
    for row in &rows {
        let Some(s) = shard_named(&row.id) else {
            return Ok(None);
        };
        let Some(shard) = records::open::<IndexShard>(&opener, row) else {
            return Ok(None);
        };
        if shard.items.iter().any(|i| shard_of(&i.id) != s) {
            return Ok(None);
        }
        items.extend(shard.items);
    }
    Ok((items.len() == entry_rows).then_some(items))
}

/// Does `item` pass `request`'s filter (trash older than [`TRASH_DAYS`] counts as
/// already purged, as a full load purges it)?
fn passes(item: &IndexItem, request: &FindRequest, cutoff: DateTime<Utc>) -> bool {
    let f = &request.filter;
    let tag = f.tag.as_deref().map(str::to_lowercase);
    let family = f.family_code.as_deref().map(str::to_lowercase);
    item.deleted_at.is_some() == f.trash
        && item.deleted_at.is_none_or(|d| d >= cutoff)
        && f.from.is_none_or(|d| item.encounter_date >= d)
        && f.to.is_none_or(|d| item.encounter_date <= d)
        && f.kind.is_none_or(|k| item.kind == k)
        && (!f.flagged || item.flagged)
        && tag
            .as_ref()
            .is_none_or(|t| item.tags.iter().any(|x| x == t))
        && family
            .as_ref()
            .is_none_or(|fc| item.family_code.as_ref() == Some(fc))
}

/// One page of a list (no search text) from the index, decrypting only the entries on
/// the page. `Ok(None)` when the index cannot answer (missing, out of step, a listed
/// entry that does not read): the caller loads the journal instead. Nothing is written.
pub fn find_in_vault(
    vault: &Vault,
    request: &FindRequest,
    now: DateTime<Utc>,
) -> Result<Option<Page>> {
    if !Query::parse(&request.text).is_empty() {
        return Err(Error::internal("A search is not answered from the index."));
    }
    let limit = page_limit(request)?;
    let Some(items) = read_index(vault)? else {
        return Ok(None);
    };
    let cutoff = now - Duration::days(TRASH_DAYS);
    let mut hits: Vec<&IndexItem> = items
        .iter()
        .filter(|i| passes(i, request, cutoff))
        .collect();
    sort_items(&mut hits, request.sort);
    let total = hits.len();
    let query = Query::default();
    let mut page = Vec::new();
    for item in hits.into_iter().skip(request.offset).take(limit) {
        let Some(stored) = records::load_one::<Entry>(vault, &item.id.0)? else {
            return Ok(None);
        };
        let mut entry = stored.value;
        let agrees = IndexItem::of(&entry) == *item;
        if agrees {
            page.push(summarise(&entry, &query));
        }
        entry.zeroize();
        if !agrees {
            return Ok(None);
        }
    }
    Ok(Some(Page {
        total,
        offset: request.offset,
        items: page,
    }))
}

fn sort_items(hits: &mut [&IndexItem], sort: Sort) {
    let key = |i: &IndexItem| sort_key_newest(i.encounter_date, i.created_at, i.id);
    match sort {
        Sort::Newest => hits.sort_unstable_by_key(|i| std::cmp::Reverse(key(i))),
        Sort::Oldest => hits.sort_unstable_by_key(|i| key(i)),
        Sort::Updated => hits.sort_unstable_by_key(|e| std::cmp::Reverse((e.updated_at, e.id))),
    }
}

// ---- checking -----------------------------------------------------------------------

/// Is the index in step with the readable entries of `journal`? `None` when it is,
/// else what is wrong, in a sentence for `verify`. While records are damaged, items
/// that name no readable entry are not counted against it: they stand for the damaged
/// records (whose very ids may be what was damaged), which `verify` lists.
pub fn check(journal: &Journal) -> Result<Option<String>> {
    let vault = journal.vault();
    let (rows, malformed) = vault.store().records(Table::EntryIndex)?;
    let out_of_step = |what: &str| {
        Ok(Some(format!(
            "The list index is out of step with the entries ({what}); `attune verify --repair` rebuilds it."
        )))
    };
    if !malformed.is_empty() {
        return out_of_step("a shard is malformed");
    }
    if rows.is_empty() && journal.is_empty() {
        return Ok(None);
    }
    let opener = vault.opener();
    let mut indexed: HashMap<EntryId, IndexItem> = HashMap::new();
    for row in &rows {
        let s = shard_named(&row.id);
        let shard = match (s, records::open::<IndexShard>(&opener, row)) {
            (Some(s), Some(shard)) if shard.items.iter().all(|i| shard_of(&i.id) == s) => shard,
            _ => return out_of_step("a shard does not read"),
        };
        for item in shard.items {
            if indexed.insert(item.id, item).is_some() {
                return out_of_step("an entry is listed twice");
            }
        }
    }
    for entry in journal.entries() {
        match indexed.remove(&entry.id) {
            Some(item) if item == IndexItem::of(entry) => {}
            Some(_) => return out_of_step("an entry differs"),
            None => return out_of_step("an entry is missing"),
        }
    }
    if !indexed.is_empty() && journal.damaged().is_empty() {
        return out_of_step("it lists an entry that is not there");
    }
    Ok(None)
}

/// The shard ids of an index, for tests that damage one.
pub fn is_shard(row: &RecordRow) -> bool {
    shard_named(&row.id).is_some()
}
