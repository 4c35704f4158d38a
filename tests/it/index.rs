//! The list index (table 17): kept in step with every write path, equal to a full scan,
//! built for journals made before it, reported by `verify` when out of step and rebuilt.

// Test code: a failed step should stop the test where it happened.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use attune::journal::index::{self, IndexShard};
use attune::journal::{
    self, scan, EntryChange, EntryId, EntryKind, Filter, FindRequest, ImportSource, Imported,
    Incoming, Journal, NewEntry, Sort,
};
use attune::records::Record;
use attune::store::Table;
use attune::vault::Vault;
use chrono::{Duration, NaiveDate};

use crate::support::{create_journal, db, now, passphrase};

/// A small seeded generator (xorshift64*), so a failing sequence can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const TAGS: [&str; 4] = ["Sleep", "feeding", "RUPTURE", "play"];
const FAMILIES: [&str; 3] = ["FAM-1", "fam-2", "Fam-3"];
const WORDS: [&str; 6] = ["lullaby", "crying", "held", "mother", "father", "quiet"];

fn random_entry(rng: &mut Rng) -> NewEntry {
    let words: Vec<&str> = (0..4).map(|_| WORDS[rng.below(WORDS.len())]).collect();
    NewEntry {
        // Few dates, so ties fall to the time written and the id.
        encounter_date: NaiveDate::from_ymd_opt(
            2026,
            1 + rng.below(2) as u32,
            1 + rng.below(3) as u32,
        ),
        kind: Some(if rng.chance(70) {
            EntryKind::Encounter
        } else {
            EntryKind::Private
        }),
        family_code: rng
            .chance(60)
            .then(|| FAMILIES[rng.below(FAMILIES.len())].to_string()),
        title: rng.chance(50).then(|| format!("Visit {}", rng.below(100))),
        body: words.join(" "),
        tags: (0..rng.below(3))
            .map(|_| TAGS[rng.below(TAGS.len())].to_string())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect(),
        bring_to_supervision: rng.chance(30),
        ..Default::default()
    }
}

fn random_request(rng: &mut Rng, text: bool) -> FindRequest {
    let filter = Filter {
        from: rng
            .chance(20)
            .then(|| NaiveDate::from_ymd_opt(2026, 1, 2).unwrap()),
        to: rng
            .chance(20)
            .then(|| NaiveDate::from_ymd_opt(2026, 2, 2).unwrap()),
        tag: rng
            .chance(25)
            .then(|| TAGS[rng.below(TAGS.len())].to_uppercase()),
        kind: rng.chance(20).then_some(EntryKind::Private),
        family_code: rng
            .chance(20)
            .then(|| FAMILIES[rng.below(FAMILIES.len())].to_lowercase()),
        flagged: rng.chance(20),
        trash: rng.chance(20),
    };
    FindRequest {
        text: if text {
            WORDS[rng.below(WORDS.len())].to_string()
        } else {
            String::new()
        },
        filter,
        sort: [Sort::Newest, Sort::Oldest, Sort::Updated][rng.below(3)],
        offset: if rng.chance(20) { rng.below(5) } else { 0 },
        limit: 1 + rng.below(12),
    }
}

fn pick(rng: &mut Rng, journal: &Journal) -> Option<EntryId> {
    let mut ids: Vec<EntryId> = journal.entries().unwrap().iter().map(|e| e.id).collect();
    ids.sort();
    (!ids.is_empty()).then(|| ids[rng.below(ids.len())])
}

/// The total and the page of ids `req` should give, worked out the slow way from every
/// entry read whole (the request's words are plain lowercase ASCII here, so folding is
/// lowercasing, and a word matches where a word of the text starts with it).
fn worked_out(journal: &Journal, req: &FindRequest) -> (usize, Vec<EntryId>) {
    let entries = journal.entries().unwrap();
    let f = &req.filter;
    let same = |a: &str, b: &Option<String>| b.as_ref().is_none_or(|b| a.eq_ignore_ascii_case(b));
    let mut hits: Vec<&journal::Entry> = entries
        .iter()
        .filter(|e| {
            let words: Vec<String> = e
                .title
                .iter()
                .chain(&e.family_code)
                .chain(&e.tags)
                .chain(std::iter::once(&e.body))
                .flat_map(|t| t.split_whitespace())
                .map(str::to_lowercase)
                .collect();
            e.deleted_at.is_some() == f.trash
                && f.from.is_none_or(|d| e.encounter_date >= d)
                && f.to.is_none_or(|d| e.encounter_date <= d)
                && f.kind.is_none_or(|k| e.kind == k)
                && (!f.flagged || e.bring_to_supervision)
                && (f.tag.is_none() || e.tags.iter().any(|t| same(t, &f.tag)))
                && (f.family_code.is_none()
                    || e.family_code
                        .as_deref()
                        .is_some_and(|c| same(c, &f.family_code)))
                && req
                    .text
                    .split_whitespace()
                    .all(|w| words.iter().any(|x| x.starts_with(w)))
        })
        .collect();
    hits.sort_by_key(|e| (e.encounter_date, e.created_at, e.id));
    match req.sort {
        Sort::Newest => hits.reverse(),
        Sort::Oldest => {}
        Sort::Updated => hits.sort_by_key(|e| std::cmp::Reverse((e.updated_at, e.id))),
    }
    let page = hits.iter().skip(req.offset).take(req.limit).map(|e| e.id);
    (hits.len(), page.collect())
}

/// The index answers every list exactly as a full scan does, the streaming search
/// answers every search as the loaded journal does, both give what the slow way works
/// out, and `verify` finds the index in step.
fn assert_index_agrees(journal: &Journal, rng: &mut Rng, what: &str) {
    assert_eq!(index::check(journal).unwrap(), None, "{what}");
    for _ in 0..6 {
        let req = random_request(rng, false);
        let full = journal.find(&req).unwrap();
        let ids: Vec<EntryId> = full.items.iter().map(|i| i.id).collect();
        assert_eq!(
            (full.total, ids),
            worked_out(journal, &req),
            "{what}: {req:?}"
        );
        let by_index = journal::index::find_in_vault(journal.vault(), &req, now())
            .unwrap()
            .unwrap_or_else(|| panic!("{what}: the index could not answer {req:?}"));
        assert_eq!(by_index, full, "{what}: {req:?}");

        let req = random_request(rng, true);
        let (found, damaged) = scan::search_in_vault(journal.vault(), &req, now()).unwrap();
        assert!(damaged.is_empty());
        let in_memory = journal.find(&req).unwrap();
        assert_eq!(found, in_memory, "{what}: {req:?}");
        let ids: Vec<EntryId> = in_memory.items.iter().map(|i| i.id).collect();
        assert_eq!(
            (in_memory.total, ids),
            worked_out(journal, &req),
            "{what}: {req:?}"
        );
    }
}

fn reopen(dir: &Path) -> Journal {
    Journal::load(Vault::unlock(dir, &passphrase()).unwrap(), now()).unwrap()
}

#[test]
fn list_by_index_equals_a_full_scan_over_random_operations() {
    for seed in 1..=5u64 {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("journal");
        let (mut journal, _) = create_journal(&dir);
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        for step in 0..70 {
            let op = rng.below(100);
            let what = format!("seed {seed}, step {step}, op {op}");
            match op {
                0..=29 => {
                    journal.add(random_entry(&mut rng), now()).unwrap();
                }
                30..=37 => {
                    // `attune add`: straight into the vault, without loading.
                    drop(journal);
                    let mut vault = Vault::unlock(&dir, &passphrase()).unwrap();
                    journal::add_to_vault(&mut vault, random_entry(&mut rng), now()).unwrap();
                    drop(vault);
                    journal = reopen(&dir);
                }
                38..=42 => {
                    let batch: Vec<Incoming> = (0..1 + rng.below(4))
                        .map(|n| Incoming {
                            entry: random_entry(&mut rng),
                            created_at: now() - Duration::days(n as i64),
                            updated_at: now(),
                            imported: Imported {
                                source: ImportSource::Markdown,
                                source_id: format!("{seed}-{step}-{n}"),
                                imported_at: now(),
                            },
                        })
                        .collect();
                    journal.add_all(batch).unwrap();
                }
                43..=64 => {
                    if let Some(id) = pick(&mut rng, &journal) {
                        let other = random_entry(&mut rng);
                        let change = EntryChange {
                            encounter_date: rng
                                .chance(50)
                                .then_some(other.encounter_date)
                                .flatten(),
                            kind: rng.chance(30).then_some(other.kind).flatten(),
                            family_code: rng.chance(30).then_some(other.family_code),
                            tags: rng.chance(40).then_some(other.tags),
                            bring_to_supervision: rng
                                .chance(40)
                                .then_some(other.bring_to_supervision),
                            body: rng.chance(30).then_some(other.body),
                            ..Default::default()
                        };
                        journal.edit(&id, change, now()).unwrap();
                    }
                }
                65..=77 => {
                    if let Some(id) = pick(&mut rng, &journal) {
                        journal.trash(&id, now()).unwrap();
                    }
                }
                78..=85 => {
                    let trashed: Vec<EntryId> = journal
                        .entries()
                        .unwrap()
                        .iter()
                        .filter(|e| e.deleted_at.is_some())
                        .map(|e| e.id)
                        .collect();
                    if let Some(id) = trashed.first() {
                        journal.restore(id, now()).unwrap();
                    }
                }
                86..=93 => {
                    if let Some(id) = pick(&mut rng, &journal) {
                        journal.purge(&id).unwrap();
                    }
                }
                94..=96 => {
                    journal.empty_trash().unwrap();
                }
                _ => {
                    journal = {
                        drop(journal);
                        reopen(&dir)
                    }
                }
            }
            assert_index_agrees(&journal, &mut rng, &what);
        }
        assert!(journal.len() > 5, "seed {seed}: the sequence wrote entries");
    }
}

/// A closed journal of `count` random entries in a new temporary folder (kept while the
/// first value lives), and the generator to go on with.
fn closed_journal(count: usize, seed: u64) -> (tempfile::TempDir, PathBuf, Rng) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = create_journal(&dir);
    let mut rng = Rng(seed);
    for _ in 0..count {
        journal.add(random_entry(&mut rng), now()).unwrap();
    }
    (tmp, dir, rng)
}

fn index_rows(dir: &Path) -> Vec<(Vec<u8>, i64)> {
    let conn = db(dir);
    let mut stmt = conn
        .prepare("SELECT id, revision FROM records WHERE tbl = ?1 ORDER BY id")
        .unwrap();
    stmt.query_map([Table::EntryIndex as i64], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap()
}

#[test]
fn an_add_without_loading_rewrites_one_shard() {
    let (_tmp, dir, mut rng) = closed_journal(300, 7);
    let before = index_rows(&dir);
    let mut vault = Vault::unlock(&dir, &passphrase()).unwrap();
    let entry = journal::add_to_vault(&mut vault, random_entry(&mut rng), now()).unwrap();
    drop(vault);
    let after = index_rows(&dir);
    let changed: Vec<_> = after.iter().filter(|row| !before.contains(row)).collect();
    assert_eq!(changed.len(), 1, "one shard rewritten");
    assert_eq!(changed[0].0[15], entry.id.0[0], "the new entry's shard");
    let journal = reopen(&dir);
    assert_eq!(index::check(&journal).unwrap(), None);
}

#[test]
fn a_journal_made_before_the_index_gets_one_and_lists_the_same() {
    let (_tmp, dir, mut rng) = closed_journal(40, 11);
    // As a journal written by an earlier version: no index at all.
    db(&dir)
        .execute(
            "DELETE FROM records WHERE tbl = ?1",
            [Table::EntryIndex as i64],
        )
        .unwrap();
    let req = FindRequest {
        limit: 20,
        ..Default::default()
    };
    let vault = Vault::unlock(&dir, &passphrase()).unwrap();
    assert_eq!(
        journal::index::find_in_vault(&vault, &req, now()).unwrap(),
        None,
        "no index: the list loads the journal instead"
    );
    // The first write builds it (here `attune add`), then lists come from it.
    let mut vault = vault;
    journal::add_to_vault(&mut vault, random_entry(&mut rng), now()).unwrap();
    let by_index = journal::index::find_in_vault(&vault, &req, now())
        .unwrap()
        .expect("built by the add");
    drop(vault);
    let journal = reopen(&dir);
    assert_eq!(by_index, journal.find(&req).unwrap());
    assert_eq!(by_index.total, 41);
    drop(journal);

    // Or the first full unlock builds it.
    db(&dir)
        .execute(
            "DELETE FROM records WHERE tbl = ?1",
            [Table::EntryIndex as i64],
        )
        .unwrap();
    let journal = reopen(&dir);
    assert!(!index_rows(&dir).is_empty());
    assert_eq!(index::check(&journal).unwrap(), None);
    assert_eq!(
        journal::index::find_in_vault(journal.vault(), &req, now()).unwrap(),
        Some(journal.find(&req).unwrap())
    );
}

/// An index written by a version with an older shard layout (an older record kind) is
/// never read as if it were current: lists load the journal until the first `attune
/// add` or full unlock rebuilds it whole in the present layout.
#[test]
fn an_index_in_an_older_layout_is_rebuilt_whole() {
    let (_tmp, dir, mut rng) = closed_journal(60, 23);
    let as_older = |dir: &Path| {
        db(dir)
            .execute(
                "UPDATE records SET kind = 1 WHERE tbl = ?1",
                [Table::EntryIndex as i64],
            )
            .unwrap()
    };
    let kinds = |dir: &Path| {
        let conn = db(dir);
        let mut stmt = conn
            .prepare("SELECT DISTINCT kind FROM records WHERE tbl = ?1")
            .unwrap();
        stmt.query_map([Table::EntryIndex as i64], |r| r.get::<_, i64>(0))
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap()
    };
    let req = FindRequest {
        limit: 15,
        ..Default::default()
    };
    assert!(as_older(&dir) > 0);
    let mut vault = Vault::unlock(&dir, &passphrase()).unwrap();
    assert_eq!(
        journal::index::find_in_vault(&vault, &req, now()).unwrap(),
        None,
        "an older layout is not read: the list loads the journal instead"
    );
    journal::add_to_vault(&mut vault, random_entry(&mut rng), now()).unwrap();
    drop(vault);
    assert_eq!(kinds(&dir), [i64::from(IndexShard::KIND)]);
    let journal = reopen(&dir);
    assert_eq!(index::check(&journal).unwrap(), None);
    assert_eq!(
        journal::index::find_in_vault(journal.vault(), &req, now()).unwrap(),
        Some(journal.find(&req).unwrap())
    );
    drop(journal);

    // Or the first full unlock rebuilds it.
    as_older(&dir);
    let journal = reopen(&dir);
    assert_eq!(kinds(&dir), [i64::from(IndexShard::KIND)]);
    assert_eq!(index::check(&journal).unwrap(), None);
    assert_eq!(journal.find(&req).unwrap().total, 61);
}

#[test]
fn verify_reports_an_index_out_of_step_and_repair_rebuilds_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = create_journal(&dir);
    let mut rng = Rng(5);
    for _ in 0..30 {
        journal.add(random_entry(&mut rng), now()).unwrap();
    }
    assert!(attune::verify::journal(&journal).unwrap().is_sound());
    // A shard sealed properly but saying something else (an older copy, say): every
    // item of one shard moved a year back.
    let newest = journal
        .find(&FindRequest {
            limit: 1,
            ..Default::default()
        })
        .unwrap()
        .items[0]
        .id;
    let s = index::shard_of(&newest);
    let id = index::shard_record_id(s);
    let stored = attune::records::load_one::<IndexShard>(journal.vault(), &id)
        .unwrap()
        .unwrap();
    let mut shard = stored.value.clone();
    for item in &mut shard.items {
        item.encounter_date -= Duration::days(365);
    }
    attune::records::seal(journal.vault(), id, stored.revision, &shard)
        .unwrap()
        .put(journal.vault())
        .unwrap();

    let report = attune::verify::journal(&journal).unwrap();
    assert!(!report.is_sound());
    assert!(report.damaged.is_empty(), "no entry is lost");
    assert!(
        report
            .file_problems
            .iter()
            .any(|p| p.contains("out of step")),
        "{report:?}"
    );
    // A list does not trust it: the newest entry no longer agrees with its item.
    let req = FindRequest::default();
    assert_eq!(
        journal::index::find_in_vault(journal.vault(), &req, now()).unwrap(),
        None
    );

    attune::api::backups::repair_index(&mut journal).unwrap();
    assert!(attune::verify::journal(&journal).unwrap().is_sound());
    assert_eq!(
        journal::index::find_in_vault(journal.vault(), &req, now()).unwrap(),
        Some(journal.find(&req).unwrap())
    );
}

#[test]
fn a_list_leaves_out_trash_past_its_time_as_a_full_load_does() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = create_journal(&dir);
    let mut rng = Rng(3);
    let old = journal.add(random_entry(&mut rng), now()).unwrap().id;
    let recent = journal.add(random_entry(&mut rng), now()).unwrap().id;
    journal.trash(&old, now() - Duration::days(40)).unwrap();
    journal.trash(&recent, now()).unwrap();
    drop(journal);
    let vault = Vault::unlock(&dir, &passphrase()).unwrap();
    let req = FindRequest {
        filter: Filter {
            trash: true,
            ..Default::default()
        },
        ..Default::default()
    };
    let by_index = journal::index::find_in_vault(&vault, &req, now())
        .unwrap()
        .unwrap();
    let searched = scan::search_in_vault(
        &vault,
        &FindRequest {
            text: WORDS.join(" ").split(' ').next().unwrap().to_string(),
            ..req.clone()
        },
        now(),
    )
    .unwrap()
    .0;
    drop(vault);
    let journal = reopen(&dir);
    let full = journal.find(&req).unwrap();
    assert_eq!(full.total, 1, "the load purged the old one");
    assert_eq!(by_index, full);
    assert!(searched.items.iter().all(|s| s.id == recent));
}
