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
//! A journal made before the index has no shard at all, and one made before its present
//! layout has shards of an older kind: the first full unlock (or the first `attune add`)
//! builds it whole. A list that finds the index does not agree with the
//! entries (a different count, a shard that does not read, a listed entry that
//! differs) answers from a full load instead, and `verify` reports it; `verify
//! --repair` rebuilds it from the entries.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use zeroize::Zeroize;

use super::{
    page_limit, summarise, Entry, EntryId, EntryKind, EntrySummary, Filter, FindRequest, Journal,
    Page, Query, Sort, TRASH_DAYS,
};
use crate::records::{self, Plaintext, Record, Writer};
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

// ---- the layout of a shard -------------------------------------------------------
//
// A shard is read on every list, so it is not JSON but a compact layout, little-endian:
// the number of items (u32), then per item its id (16 bytes), kind (u8: 0 encounter,
// 1 private), encounter date (i32, days from 1 January of year 1), created and updated
// (i64 seconds and u32 nanoseconds each), trash date (u8 0 or 1, then the same if 1),
// flag (u8 0 or 1), tags (u16 count, then each as u16 length and UTF-8), family code (u16
// length and UTF-8, or 0xFFFF for none). Anything else, or bytes left over, does not
// read.

const NO_FAMILY: u16 = u16::MAX;

fn put_stamp(out: &mut Vec<u8>, t: &DateTime<Utc>) {
    out.extend_from_slice(&t.timestamp().to_le_bytes());
    out.extend_from_slice(&t.timestamp_subsec_nanos().to_le_bytes());
}

fn put_text(out: &mut Vec<u8>, text: &str) -> Result<()> {
    let len = u16::try_from(text.len())
        .ok()
        .filter(|&n| n != NO_FAMILY)
        .ok_or_else(|| Error::internal("A tag or family code is too long for the list index."))?;
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(text.as_bytes());
    Ok(())
}

/// Reads a shard's bytes, refusing anything out of bounds.
struct Bytes<'a>(&'a [u8]);

impl<'a> Bytes<'a> {
    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let (head, rest) = self.0.split_first_chunk::<N>()?;
        self.0 = rest;
        Some(*head)
    }

    fn flag(&mut self) -> Option<bool> {
        match self.take::<1>()? {
            [0] => Some(false),
            [1] => Some(true),
            _ => None,
        }
    }

    fn stamp(&mut self) -> Option<DateTime<Utc>> {
        let secs = i64::from_le_bytes(self.take()?);
        let nanos = u32::from_le_bytes(self.take()?);
        Utc.timestamp_opt(secs, nanos).single()
    }

    fn text_of(&mut self, len: u16) -> Option<String> {
        let len = usize::from(len);
        if self.0.len() < len {
            return None;
        }
        let (text, rest) = self.0.split_at(len);
        self.0 = rest;
        String::from_utf8(text.to_vec()).ok()
    }

    fn item(&mut self) -> Option<IndexItem> {
        let id = EntryId(self.take()?);
        let kind = match self.take::<1>()? {
            [0] => EntryKind::Encounter,
            [1] => EntryKind::Private,
            _ => return None,
        };
        let encounter_date =
            NaiveDate::from_num_days_from_ce_opt(i32::from_le_bytes(self.take()?))?;
        let created_at = self.stamp()?;
        let updated_at = self.stamp()?;
        let deleted_at = match self.flag()? {
            true => Some(self.stamp()?),
            false => None,
        };
        let flagged = self.flag()?;
        let tag_count = u16::from_le_bytes(self.take()?);
        // An item that stops part-way zeroizes what it had read as it drops.
        let mut item = IndexItem {
            id,
            kind,
            encounter_date,
            created_at,
            updated_at,
            deleted_at,
            flagged,
            tags: Vec::with_capacity(usize::from(tag_count).min(64)),
            family_code: None,
        };
        for _ in 0..tag_count {
            let len = u16::from_le_bytes(self.take()?);
            item.tags.push(self.text_of(len)?);
        }
        item.family_code = match u16::from_le_bytes(self.take()?) {
            NO_FAMILY => None,
            len => Some(self.text_of(len)?),
        };
        Some(item)
    }
}

impl Plaintext for IndexShard {
    fn encode(&self) -> Result<Vec<u8>> {
        use chrono::Datelike;
        let count = u32::try_from(self.items.len())
            .map_err(|_| Error::internal("Too many entries for one index shard."))?;
        let mut out = Vec::with_capacity(4 + self.items.len() * 80);
        out.extend_from_slice(&count.to_le_bytes());
        for item in &self.items {
            out.extend_from_slice(&item.id.0);
            out.push(match item.kind {
                EntryKind::Encounter => 0,
                EntryKind::Private => 1,
            });
            out.extend_from_slice(&item.encounter_date.num_days_from_ce().to_le_bytes());
            put_stamp(&mut out, &item.created_at);
            put_stamp(&mut out, &item.updated_at);
            match &item.deleted_at {
                Some(t) => {
                    out.push(1);
                    put_stamp(&mut out, t);
                }
                None => out.push(0),
            }
            out.push(u8::from(item.flagged));
            let tag_count = u16::try_from(item.tags.len())
                .map_err(|_| Error::internal("Too many tags for the list index."))?;
            out.extend_from_slice(&tag_count.to_le_bytes());
            for tag in &item.tags {
                put_text(&mut out, tag)?;
            }
            match &item.family_code {
                Some(code) => put_text(&mut out, code)?,
                None => out.extend_from_slice(&NO_FAMILY.to_le_bytes()),
            }
        }
        Ok(out)
    }

    fn decode(plain: &[u8]) -> Option<Self> {
        let mut bytes = Bytes(plain);
        let count = u32::from_le_bytes(bytes.take()?);
        // Each item takes at least 51 bytes: a count larger than that is a lie.
        let count = usize::try_from(count).ok()?;
        if count > plain.len() / 51 {
            return None;
        }
        let mut items = Vec::with_capacity(count);
        for _ in 0..count {
            items.push(bytes.item()?);
        }
        bytes.0.is_empty().then_some(IndexShard { items })
    }
}

/// One shard: the items of the entries whose id starts with its byte, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexShard {
    pub items: Vec<IndexItem>,
}

impl Record for IndexShard {
    const TABLE: Table = Table::EntryIndex;
    /// 2: the compact layout above. Kind 1 (JSON) shards are rebuilt at the next full
    /// unlock or `attune add`.
    const KIND: u8 = 2;
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

/// The shards holding `items`, by shard byte (empty shards left out).
fn shards_of(items: impl Iterator<Item = IndexItem>) -> BTreeMap<u8, IndexShard> {
    let mut shards: BTreeMap<u8, IndexShard> = BTreeMap::new();
    for item in items {
        shards
            .entry(shard_of(&item.id))
            .or_default()
            .items
            .push(item);
    }
    for shard in shards.values_mut() {
        shard.items.sort_unstable_by_key(|i| i.id);
    }
    shards
}

/// Shard `s` as `items` make it.
fn shard_from<'a>(s: u8, items: impl Iterator<Item = &'a IndexItem>) -> IndexShard {
    let mut items: Vec<IndexItem> = items.filter(|i| shard_of(&i.id) == s).cloned().collect();
    items.sort_unstable_by_key(|i| i.id);
    IndexShard { items }
}

/// Stored shard revisions, by shard byte, and whether any shard is in an older layout.
#[derive(Debug, Default)]
pub(crate) struct ShardRevisions(HashMap<u8, u64>, bool);

impl ShardRevisions {
    pub(crate) fn read(vault: &Vault) -> Result<Self> {
        let store = vault.store();
        Ok(Self(
            store
                .record_revisions(Table::EntryIndex)?
                .into_iter()
                .filter_map(|(id, rev)| Some((shard_named(&id)?, rev)))
                .collect(),
            store.count_records_not_of_kind(Table::EntryIndex, IndexShard::KIND)? > 0,
        ))
    }

    /// No index, or one written in an older layout: it is built whole.
    pub(crate) fn needs_building(&self) -> bool {
        self.0.is_empty() || self.1
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

/// Replace every shard of the index with `shards`, in `writer`'s transaction.
fn put_whole_index(
    writer: &mut Writer<'_>,
    revisions: &ShardRevisions,
    shards: impl IntoIterator<Item = (u8, IndexShard)>,
) -> Result<Written> {
    writer.delete_all::<IndexShard>()?;
    put_shards(writer, revisions, shards)
}

// ---- the unlocked journal keeps the index in step -----------------------------------

impl Journal {
    /// Write the shards touched by `gone` and `extra` in `writer`'s transaction, the
    /// rest of each shard from `listed`. `gone` are ids purged in the same transaction;
    /// `extra` entries not yet listed (new, or replacing what is listed).
    pub(crate) fn put_index_for(
        listed: &[super::Listed],
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
        let extra: Vec<IndexItem> = extra.iter().map(|e| IndexItem::of(e)).collect();
        let shards = touched.into_iter().map(|s| {
            let current = listed
                .iter()
                .map(|l| &l.item)
                .filter(|i| !replaced.contains(&i.id));
            (s, shard_from(s, current.chain(&extra)))
        });
        put_shards(writer, revisions, shards.collect::<Vec<_>>())
    }

    /// Rewrite shard `s` from the entries in memory, in its own transaction.
    pub(crate) fn rewrite_index_shard(&mut self, s: u8) -> Result<()> {
        let shard = shard_from(s, self.items());
        let revisions = &self.index_revisions;
        let written =
            records::write_all(&mut self.vault, |w| put_shards(w, revisions, [(s, shard)]))?;
        written.note(&mut self.index_revisions);
        Ok(())
    }

    /// Build the index from the listed entries when the journal has none (a journal
    /// made before the index), in one transaction.
    pub(crate) fn build_index_if_missing(&mut self) -> Result<()> {
        if !self.index_revisions.needs_building()
            || self.vault.store().count_records(Table::Entries)? == 0
        {
            return Ok(());
        }
        self.rebuild_index()
    }

    /// Replace the whole index with one made from the listed entries, in one
    /// transaction (`verify --repair`).
    pub fn rebuild_index(&mut self) -> Result<()> {
        let shards = shards_of(self.items().cloned());
        let revisions = &self.index_revisions;
        let written =
            records::write_all(&mut self.vault, |w| put_whole_index(w, revisions, shards))?;
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
    if revisions.needs_building() && store.count_records(Table::Entries)? > 0 {
        // The first write to a journal made before the index, or before its present
        // layout: build it whole.
        let mut loaded = records::load_all::<Entry>(vault)?;
        let shards = shards_of(
            loaded
                .records
                .iter()
                .map(|s| IndexItem::of(&s.value))
                .chain(std::iter::once(IndexItem::of(entry))),
        );
        let result = records::write_all(vault, |w| {
            w.put(entry.id.0, entry.revision, entry)?;
            put_whole_index(w, &revisions, shards).map(drop)
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

/// A list's filter, prepared for testing many items.
pub(crate) struct ItemFilter<'a> {
    filter: &'a Filter,
    /// Lowercased, as items hold them.
    tag: Option<String>,
    family: Option<String>,
    /// Trash older than this counts as already purged (as a full unlock purges it).
    cutoff: Option<DateTime<Utc>>,
}

impl<'a> ItemFilter<'a> {
    pub(crate) fn new(filter: &'a Filter, cutoff: Option<DateTime<Utc>>) -> Self {
        Self {
            filter,
            tag: filter.tag.as_deref().map(str::to_lowercase),
            family: filter.family_code.as_deref().map(str::to_lowercase),
            cutoff,
        }
    }

    pub(crate) fn passes(&self, item: &IndexItem) -> bool {
        let f = self.filter;
        item.deleted_at.is_some() == f.trash
            && item
                .deleted_at
                .is_none_or(|d| self.cutoff.is_none_or(|cutoff| d >= cutoff))
            && f.from.is_none_or(|d| item.encounter_date >= d)
            && f.to.is_none_or(|d| item.encounter_date <= d)
            && f.kind.is_none_or(|k| item.kind == k)
            && (!f.flagged || item.flagged)
            && self
                .tag
                .as_ref()
                .is_none_or(|t| item.tags.iter().any(|x| x == t))
            && self
                .family
                .as_ref()
                .is_none_or(|fc| item.family_code.as_ref() == Some(fc))
    }
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
    let filter = ItemFilter::new(&request.filter, Some(now - Duration::days(TRASH_DAYS)));
    let mut hits: Vec<&IndexItem> = items.iter().filter(|i| filter.passes(i)).collect();
    let total = hits.len();
    sort_page(&mut hits, request.sort, request.offset, limit, |i| {
        Stamps::of_item(i)
    });
    let Some(items) = summaries(vault, &hits, &Query::default())? else {
        return Ok(None);
    };
    Ok(Some(Page {
        total,
        offset: request.offset,
        items,
    }))
}

/// What a list is ordered by, of an entry or of its item.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Stamps {
    date: NaiveDate,
    created: DateTime<Utc>,
    updated: DateTime<Utc>,
    id: EntryId,
}

impl Stamps {
    pub(crate) fn of_item(i: &IndexItem) -> Self {
        Self {
            date: i.encounter_date,
            created: i.created_at,
            updated: i.updated_at,
            id: i.id,
        }
    }

    pub(crate) fn of_entry(e: &Entry) -> Self {
        Self {
            date: e.encounter_date,
            created: e.created_at,
            updated: e.updated_at,
            id: e.id,
        }
    }
}

/// Leave in `hits` only the page from `offset` (at most `limit` items), in `sort`'s
/// order: the rest is only partly ordered, not sorted. "Newest" and "oldest" go by
/// encounter date, then when written, then id; "updated" by when edited, then id.
pub(crate) fn sort_page<T>(
    hits: &mut Vec<T>,
    sort: Sort,
    offset: usize,
    limit: usize,
    stamps: impl Fn(&T) -> Stamps,
) {
    let written = |s: Stamps| (s.date, s.created, s.id);
    let order = |a: &T, b: &T| {
        let (a, b) = (stamps(a), stamps(b));
        match sort {
            Sort::Newest => written(b).cmp(&written(a)),
            Sort::Oldest => written(a).cmp(&written(b)),
            Sort::Updated => (b.updated, b.id).cmp(&(a.updated, a.id)),
        }
    };
    let end = offset.saturating_add(limit);
    if end < hits.len() {
        hits.select_nth_unstable_by(end, order);
        hits.truncate(end);
    }
    hits.sort_unstable_by(order);
    hits.drain(..offset.min(hits.len()));
}

/// The summaries of `page`'s entries, each decrypted from disk; `None` when one does
/// not read or no longer agrees with its item.
pub(crate) fn summaries(
    vault: &Vault,
    page: &[&IndexItem],
    query: &Query,
) -> Result<Option<Vec<EntrySummary>>> {
    let mut out = Vec::with_capacity(page.len());
    for item in page {
        let Some(stored) = records::load_one::<Entry>(vault, &item.id.0)? else {
            return Ok(None);
        };
        let mut entry = stored.value;
        let agrees = IndexItem::of(&entry) == **item;
        if agrees {
            out.push(summarise(&entry, query));
        }
        entry.zeroize();
        if !agrees {
            return Ok(None);
        }
    }
    Ok(Some(out))
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
    for listed in journal.items() {
        match indexed.remove(&listed.id) {
            Some(item) if item == *listed => {}
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

#[cfg(test)]
mod tests {
    use super::*;

    fn item(n: u8, tags: &[&str], family: Option<&str>, trashed: bool) -> IndexItem {
        let at = Utc
            .timestamp_opt(1_760_000_000 + i64::from(n), u32::from(n) * 1_000)
            .unwrap();
        IndexItem {
            id: EntryId([n; 16]),
            kind: if n.is_multiple_of(2) {
                EntryKind::Encounter
            } else {
                EntryKind::Private
            },
            encounter_date: NaiveDate::from_ymd_opt(2025, 1 + u32::from(n % 12), 3).unwrap(),
            created_at: at,
            updated_at: at + Duration::seconds(90),
            deleted_at: trashed.then_some(at + Duration::days(2)),
            flagged: n.is_multiple_of(3),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            family_code: family.map(str::to_string),
        }
    }

    fn shard() -> IndexShard {
        IndexShard {
            items: vec![
                item(1, &[], None, false),
                item(2, &["sommeil", "größe", "睡眠"], Some("fam-7"), true),
                item(3, &["play"], Some(""), false),
            ],
        }
    }

    #[test]
    fn a_shard_reads_back_as_it_was_written() {
        let written = shard();
        let bytes = written.encode().unwrap();
        assert_eq!(IndexShard::decode(&bytes), Some(written));
        let empty = IndexShard::default();
        assert_eq!(IndexShard::decode(&empty.encode().unwrap()), Some(empty));
    }

    #[test]
    fn a_shard_cut_short_extended_or_altered_does_not_read() {
        let bytes = shard().encode().unwrap();
        for cut in 0..bytes.len() {
            assert_eq!(IndexShard::decode(&bytes[..cut]), None, "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(IndexShard::decode(&longer), None, "a byte left over");
        // The first item's kind byte, right after the count and the id.
        let mut bad_kind = bytes.clone();
        bad_kind[4 + 16] = 7;
        assert_eq!(IndexShard::decode(&bad_kind), None);
        // A count far larger than the bytes could hold.
        let mut lying = bytes;
        lying[..4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(IndexShard::decode(&lying), None);
    }

    #[test]
    fn tags_too_long_for_the_layout_are_refused_when_written() {
        let long = "x".repeat(usize::from(u16::MAX));
        let shard = IndexShard {
            items: vec![item(4, &[long.as_str()], None, false)],
        };
        assert!(shard.encode().is_err());
    }
}
