//! Search without loading the journal: every entry record is decrypted and matched as
//! it is read, and only the hits are kept. No folded text is cached, nothing is
//! written, and the work is shared between this thread and one more.

use std::sync::mpsc;

use chrono::{DateTime, Duration, Utc};
use zeroize::Zeroize;

use super::{
    page_limit, search, sort_key_newest, summarise, Entry, FindRequest, Page, Query, Sort,
    TRASH_DAYS,
};
use crate::records::{self, DamagedRecord, Record};
use crate::store::{RecordRow, Table};
use crate::vault::{RecordOpener, Vault};
use crate::Result;

/// Rows handed to the other thread at a time.
const BATCH: usize = 64;

/// What one thread found.
#[derive(Default)]
struct Found {
    hits: Vec<Entry>,
    damaged: Vec<DamagedRecord>,
}

impl Drop for Found {
    fn drop(&mut self) {
        for e in &mut self.hits {
            e.zeroize();
        }
    }
}

/// Decrypts and matches rows, reusing one buffer for the folded text.
struct Matcher<'a> {
    opener: RecordOpener<'a>,
    request: &'a FindRequest,
    query: &'a Query,
    tag: Option<String>,
    family: Option<String>,
    cutoff: DateTime<Utc>,
    folded: String,
    /// The lowercased JSON of the entry being matched.
    lowered: Vec<u8>,
    found: Found,
}

impl<'a> Matcher<'a> {
    fn new(
        opener: RecordOpener<'a>,
        request: &'a FindRequest,
        query: &'a Query,
        cutoff: DateTime<Utc>,
    ) -> Self {
        Self {
            opener,
            request,
            query,
            tag: request.filter.tag.as_deref().map(str::to_lowercase),
            family: request.filter.family_code.as_deref().map(str::to_lowercase),
            cutoff,
            folded: String::new(),
            lowered: Vec::new(),
            found: Found::default(),
        }
    }

    fn row(&mut self, row: &RecordRow) {
        let plain = match row.kind {
            Entry::KIND => self.opener.open(Entry::TABLE, row).ok(),
            _ => None,
        };
        let Some(plain) = plain else {
            self.found.damaged.push(DamagedRecord::with_id(&row.id));
            return;
        };
        // Most entries cannot match: they are skipped before they are parsed. (A row
        // that decrypts was written by Attune with this key, so it parses; `verify`
        // and a full load still parse every one.)
        if !search::may_match_json(self.query, &plain, &mut self.lowered) {
            return;
        }
        let Some(mut entry) = records::parse::<Entry>(row, &plain) else {
            self.found.damaged.push(DamagedRecord::with_id(&row.id));
            return;
        };
        if self.keeps(&entry) {
            self.found.hits.push(entry);
        } else {
            entry.zeroize();
        }
    }

    fn keeps(&mut self, e: &Entry) -> bool {
        let f = &self.request.filter;
        let passes = e.deleted_at.is_some() == f.trash
            // Trash past its time counts as purged, as a full load purges it.
            && e.deleted_at.is_none_or(|d| d >= self.cutoff)
            && f.from.is_none_or(|d| e.encounter_date >= d)
            && f.to.is_none_or(|d| e.encounter_date <= d)
            && f.kind.is_none_or(|k| e.kind == k)
            && (!f.flagged || e.bring_to_supervision)
            && self
                .tag
                .as_ref()
                .is_none_or(|t| e.tags.iter().any(|x| x.to_lowercase() == *t))
            && self.family.as_ref().is_none_or(|fc| {
                e.family_code
                    .as_ref()
                    .is_some_and(|x| x.to_lowercase() == *fc)
            });
        if !passes || self.query.is_empty() {
            return passes;
        }
        self.folded.zeroize();
        for part in e.searchable_parts() {
            search::fold_into(&mut self.folded, part);
            self.folded.push('\n');
        }
        self.query.matches(&self.folded)
    }

    fn batch(&mut self, rows: &mut Vec<RecordRow>) {
        for row in rows.iter() {
            self.row(row);
        }
        rows.clear();
    }

    fn finish(mut self) -> Found {
        self.folded.zeroize();
        self.lowered.zeroize();
        std::mem::take(&mut self.found)
    }
}

/// One page of entries matching `request` (its search text and filter), decrypting
/// every entry once and keeping only the hits. Also returns the entry records that did
/// not read. The same page [`super::Journal::find`] gives after a full load.
pub fn search_in_vault(
    vault: &Vault,
    request: &FindRequest,
    now: DateTime<Utc>,
) -> Result<(Page, Vec<DamagedRecord>)> {
    let limit = page_limit(request)?;
    let query = Query::parse(&request.text);
    let cutoff = now - Duration::days(TRASH_DAYS);
    let opener = vault.opener();
    let store = vault.store();
    let mut unnamed = 0usize;
    let (mine, theirs) = std::thread::scope(|scope| -> Result<(Found, Found)> {
        let (send, receive) = mpsc::sync_channel::<Vec<RecordRow>>(1);
        let (request, query) = (request, &query);
        let helper = scope.spawn(move || {
            let mut m = Matcher::new(opener, request, query, cutoff);
            for mut rows in receive {
                m.batch(&mut rows);
            }
            m.finish()
        });
        // This thread reads rows in batches and hands each to the helper when it is
        // free, or matches it itself when the helper is busy.
        let mut m = Matcher::new(opener, request, query, cutoff);
        let mut batch: Vec<RecordRow> = Vec::with_capacity(BATCH);
        let scanned = store.each_record(Table::Entries, |row| {
            match row {
                Ok(row) => batch.push(row),
                Err(_) => unnamed += 1,
            }
            if batch.len() == BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                if let Err(mpsc::TrySendError::Full(mut full)) = send.try_send(full) {
                    m.batch(&mut full);
                }
            }
            Ok(())
        });
        m.batch(&mut batch);
        drop(send);
        let theirs = helper
            .join()
            .map_err(|_| crate::Error::internal("The search stopped part-way."))?;
        scanned?;
        Ok((m.finish(), theirs))
    })?;
    let mut damaged: Vec<DamagedRecord> = (0..unnamed).map(|_| DamagedRecord::unnamed()).collect();
    let mut all = mine;
    let mut theirs = theirs;
    all.hits.append(&mut theirs.hits);
    damaged.append(&mut all.damaged);
    damaged.append(&mut theirs.damaged);
    let mut hits: Vec<&Entry> = all.hits.iter().collect();
    match request.sort {
        Sort::Newest => hits.sort_unstable_by_key(|e| {
            std::cmp::Reverse(sort_key_newest(e.encounter_date, e.created_at, e.id))
        }),
        Sort::Oldest => {
            hits.sort_unstable_by_key(|e| sort_key_newest(e.encounter_date, e.created_at, e.id))
        }
        Sort::Updated => hits.sort_unstable_by_key(|e| std::cmp::Reverse((e.updated_at, e.id))),
    }
    let total = hits.len();
    let items = hits
        .into_iter()
        .skip(request.offset)
        .take(limit)
        .map(|e| summarise(e, &query))
        .collect();
    Ok((
        Page {
            total,
            offset: request.offset,
            items,
        },
        damaged,
    ))
}

/// The damaged records a full load reports outside the entries (settings, the draft,
/// packs, trainings, check-ins, sessions, records under unknown tables), so a command
/// that does not load the journal can warn the same way.
pub fn damage_outside_entries(vault: &Vault) -> Result<Vec<DamagedRecord>> {
    let mut damaged = Vec::new();
    for checked in [
        records::check::<super::Checkin>(vault)?,
        records::check::<super::SupervisionSession>(vault)?,
        records::check::<super::Settings>(vault)?,
        records::check::<super::Draft>(vault)?,
        records::check_strays(vault)?,
        records::check::<crate::prompts::PromptPack>(vault)?,
        records::check::<super::Training>(vault)?,
    ] {
        damaged.extend(checked.damaged);
    }
    Ok(damaged)
}
