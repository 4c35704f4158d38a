//! Reading every entry record on two threads ([`on_two_threads`]): the search that does
//! not load the journal, which decrypts and matches each record as it is read and keeps
//! only the hits (no folded text is cached, nothing is written), and the listing a full
//! unlock keeps ([`list_entries`]).

use std::sync::{mpsc, Mutex};

use chrono::{DateTime, Duration, Utc};
use zeroize::Zeroize;

use super::index::{sort_page, IndexItem, ItemFilter, Stamps};
use super::{page_limit, search, summarise, Entry, FindRequest, Page, Query, TRASH_DAYS};
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
struct Searcher<'a> {
    opener: RecordOpener<'a>,
    query: &'a Query,
    matcher: search::Matcher,
    filter: ItemFilter<'a>,
    folded: String,
    /// The lowercased JSON of the entry being matched.
    lowered: Vec<u8>,
    found: Found,
}

impl<'a> Searcher<'a> {
    fn new(
        opener: RecordOpener<'a>,
        request: &'a FindRequest,
        query: &'a Query,
        cutoff: DateTime<Utc>,
    ) -> Self {
        Self {
            opener,
            query,
            matcher: query.matcher(),
            // Trash past its time counts as purged, as a full load purges it.
            filter: ItemFilter::new(&request.filter, Some(cutoff)),
            folded: String::new(),
            lowered: Vec::new(),
            found: Found::default(),
        }
    }

    fn keeps(&mut self, e: &Entry) -> bool {
        if !self.filter.passes(&IndexItem::of(e)) {
            return false;
        }
        if self.query.is_empty() {
            return true;
        }
        self.folded.zeroize();
        search::fold_entry_into(&mut self.folded, e);
        self.matcher.matches(&self.folded)
    }
}

impl RowWork for Searcher<'_> {
    type Out = Found;

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

    fn finish(mut self) -> Found {
        self.folded.zeroize();
        self.lowered.zeroize();
        std::mem::take(&mut self.found)
    }
}

/// Work done on each row of a scan, on one of two threads ([`on_two_threads`]).
pub(crate) trait RowWork: Send {
    type Out: Send;
    fn row(&mut self, row: &RecordRow);
    fn finish(self) -> Self::Out;

    fn batch(&mut self, rows: &mut Vec<RecordRow>) {
        for row in rows.iter() {
            self.row(row);
        }
        rows.clear();
    }
}

/// Hand every row of `table` to one of two workers made by `make`: one on this thread,
/// which reads the rows in batches, and one on a helper thread, which takes a batch
/// whenever it is free. Returns what each worker gave and how many rows had malformed
/// plaintext columns. Rows are read one batch at a time, never all at once.
pub(crate) fn on_two_threads<W: RowWork>(
    vault: &Vault,
    table: Table,
    make: impl Fn() -> W,
) -> Result<(W::Out, W::Out, usize)> {
    let store = vault.store();
    let mut unnamed = 0usize;
    std::thread::scope(|scope| {
        let (send, receive) = mpsc::sync_channel::<Vec<RecordRow>>(1);
        let mut theirs = make();
        let helper = scope.spawn(move || {
            for mut rows in receive {
                theirs.batch(&mut rows);
            }
            theirs.finish()
        });
        let mut mine = make();
        let mut batch: Vec<RecordRow> = Vec::with_capacity(BATCH);
        let scanned = store.each_record(table, |row| {
            match row {
                Ok(row) => batch.push(row),
                Err(_) => unnamed += 1,
            }
            if batch.len() == BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                if let Err(mpsc::TrySendError::Full(mut full)) = send.try_send(full) {
                    mine.batch(&mut full);
                }
            }
            Ok(())
        });
        mine.batch(&mut batch);
        drop(send);
        let theirs = helper
            .join()
            .map_err(|_| crate::Error::internal("Reading the journal stopped part-way."))?;
        scanned?;
        Ok((mine.finish(), theirs, unnamed))
    })
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
    let (mine, theirs, unnamed) = on_two_threads(vault, Table::Entries, || {
        Searcher::new(opener, request, &query, cutoff)
    })?;
    let mut damaged: Vec<DamagedRecord> = (0..unnamed).map(|_| DamagedRecord::unnamed()).collect();
    let mut all = mine;
    let mut theirs = theirs;
    all.hits.append(&mut theirs.hits);
    damaged.append(&mut all.damaged);
    damaged.append(&mut theirs.damaged);
    let mut hits: Vec<&Entry> = all.hits.iter().collect();
    let total = hits.len();
    sort_page(&mut hits, request.sort, request.offset, limit, |e| {
        Stamps::of_entry(e)
    });
    let items = hits.into_iter().map(|e| summarise(e, &query)).collect();
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

/// What a full unlock keeps of each entry row ([`super::Listed`]), and the rows that
/// did not read.
pub(crate) struct Listing {
    pub(crate) listed: Vec<super::Listed>,
    pub(crate) damaged: Vec<DamagedRecord>,
}

/// Decrypts, parses and folds rows, zeroizing each entry once its item and folded text
/// are taken. Both threads' items go, a batch at a time, into one list sized once:
/// lists that grow by doubling leave their old buffers behind in the allocator, which
/// at 100,000 entries was tens of megabytes of resident memory.
struct Lister<'a> {
    opener: RecordOpener<'a>,
    all: &'a Mutex<Vec<super::Listed>>,
    batch: Vec<super::Listed>,
    damaged: Vec<DamagedRecord>,
}

impl Lister<'_> {
    fn flush(&mut self) {
        if let Ok(mut all) = self.all.lock() {
            all.append(&mut self.batch);
        }
    }
}

impl RowWork for Lister<'_> {
    type Out = Vec<DamagedRecord>;

    fn row(&mut self, row: &RecordRow) {
        match records::open::<Entry>(&self.opener, row) {
            Some(mut entry) => {
                self.batch.push(super::Listed::of(&entry));
                entry.zeroize();
                if self.batch.len() == BATCH {
                    self.flush();
                }
            }
            None => self.damaged.push(DamagedRecord::with_id(&row.id)),
        }
    }

    fn finish(mut self) -> Vec<DamagedRecord> {
        self.flush();
        self.damaged
    }
}

/// Every readable entry of `vault` as kept by the unlocked journal, read on two
/// threads; the entries themselves are not kept.
pub(crate) fn list_entries(vault: &Vault) -> Result<Listing> {
    let opener = vault.opener();
    let all = Mutex::new(Vec::with_capacity(
        vault.store().count_records(Table::Entries)?,
    ));
    let (mine, theirs, unnamed) = on_two_threads(vault, Table::Entries, || Lister {
        opener,
        all: &all,
        batch: Vec::with_capacity(BATCH),
        damaged: Vec::new(),
    })?;
    let listed = all
        .into_inner()
        .map_err(|_| crate::Error::internal("Reading the journal stopped part-way."))?;
    let mut damaged: Vec<DamagedRecord> = (0..unnamed).map(|_| DamagedRecord::unnamed()).collect();
    damaged.extend(mine);
    damaged.extend(theirs);
    Ok(Listing { listed, damaged })
}
