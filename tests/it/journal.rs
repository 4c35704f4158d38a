//! Finding things: filters, sorting, paging, search and the trash, on a real journal.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use attune::crypto::Passphrase;
use attune::journal::{
    EntryChange, EntryId, EntryKind, Filter, FindRequest, Journal, NewEntry, Page, Sort,
};
use attune::vault::{KdfChoice, Vault};
use attune::ErrorCode;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use tempfile::TempDir;

const PASS: &str = "journal test passphrase";

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-06-01T12:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn new_journal() -> (TempDir, Journal) {
    let tmp = TempDir::new().unwrap();
    let (vault, _) =
        Vault::create(tmp.path(), &Passphrase::new(PASS), KdfChoice::TestFast).unwrap();
    (tmp, Journal::load(vault, now()).unwrap())
}

fn reopen(tmp: &TempDir, journal: Journal, at: DateTime<Utc>) -> Journal {
    journal.lock();
    Journal::load(
        Vault::unlock(tmp.path(), &Passphrase::new(PASS)).unwrap(),
        at,
    )
    .unwrap()
}

fn add(j: &mut Journal, day: &str, title: &str, body: &str, extra: NewEntry) -> EntryId {
    j.add(
        NewEntry {
            encounter_date: Some(date(day)),
            title: Some(title.into()),
            body: body.into(),
            ..extra
        },
        now(),
    )
    .unwrap()
    .id
}

fn find(j: &Journal, text: &str, filter: Filter) -> Page {
    j.find(&FindRequest {
        text: text.into(),
        filter,
        ..Default::default()
    })
    .unwrap()
}

fn in_trash(j: &Journal) -> usize {
    let filter = Filter {
        trash: true,
        ..Default::default()
    };
    find(j, "", filter).total
}

fn titles(page: &Page) -> Vec<String> {
    page.items
        .iter()
        .map(|s| s.title.clone().unwrap_or_default())
        .collect()
}

/// Five entries spread over dates, kinds, families, tags and flags.
fn sample(j: &mut Journal) {
    add(
        j,
        "2026-01-10",
        "January visit",
        "The baby turned towards her father's voice.",
        NewEntry {
            family_code: Some("FAM-1".into()),
            tags: vec!["attachment".into()],
            ..Default::default()
        },
    );
    add(
        j,
        "2026-02-14",
        "February clinic",
        "Mother described sleepless nights; I felt protective.",
        NewEntry {
            family_code: Some("FAM-2".into()),
            tags: vec!["sleep".into(), "Bias".into()],
            bring_to_supervision: true,
            ..Default::default()
        },
    );
    add(
        j,
        "2026-03-01",
        "Private evening",
        "Burnout creeping in. Café with a colleague helped.",
        NewEntry {
            kind: Some(EntryKind::Private),
            tags: vec!["self-care".into()],
            ..Default::default()
        },
    );
    add(
        j,
        "2026-03-20",
        "March visit",
        "Holding the baby in mind while the parents argued.",
        NewEntry {
            family_code: Some("fam-1".into()),
            tags: vec!["SLEEP".into()],
            bring_to_supervision: true,
            ..Default::default()
        },
    );
    add(
        j,
        "2026-04-02",
        "April visit",
        "A calm visit; the toddler played with blocks.",
        NewEntry {
            family_code: Some("FAM-3".into()),
            ..Default::default()
        },
    );
}

#[test]
fn list_is_newest_encounter_first_and_can_be_reversed_or_paged() {
    let (_tmp, mut j) = new_journal();
    sample(&mut j);
    let page = find(&j, "", Filter::default());
    assert_eq!(page.total, 5);
    assert_eq!(
        titles(&page),
        [
            "April visit",
            "March visit",
            "Private evening",
            "February clinic",
            "January visit"
        ]
    );
    let oldest = j
        .find(&FindRequest {
            sort: Sort::Oldest,
            limit: 2,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(titles(&oldest), ["January visit", "February clinic"]);
    assert_eq!(oldest.total, 5);
    let second = j
        .find(&FindRequest {
            sort: Sort::Oldest,
            limit: 2,
            offset: 2,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(titles(&second), ["Private evening", "March visit"]);
    let past_end = j
        .find(&FindRequest {
            offset: 10,
            ..Default::default()
        })
        .unwrap();
    assert!(past_end.items.is_empty());
    assert_eq!(past_end.total, 5);
    assert!(j
        .find(&FindRequest {
            limit: 10_000,
            ..Default::default()
        })
        .is_err());
}

#[test]
fn filters_combine_and_ignore_case() {
    let (_tmp, mut j) = new_journal();
    sample(&mut j);
    let by = |filter: Filter| titles(&find(&j, "", filter));
    assert_eq!(
        by(Filter {
            from: Some(date("2026-02-14")),
            to: Some(date("2026-03-20")),
            ..Default::default()
        }),
        ["March visit", "Private evening", "February clinic"],
        "date range is inclusive"
    );
    assert_eq!(
        by(Filter {
            tag: Some("sleep".into()),
            ..Default::default()
        }),
        ["March visit", "February clinic"]
    );
    assert_eq!(
        by(Filter {
            kind: Some(EntryKind::Private),
            ..Default::default()
        }),
        ["Private evening"]
    );
    assert_eq!(
        by(Filter {
            family_code: Some("FAM-1".into()),
            ..Default::default()
        }),
        ["March visit", "January visit"]
    );
    assert_eq!(
        by(Filter {
            flagged: true,
            ..Default::default()
        }),
        ["March visit", "February clinic"]
    );
    assert_eq!(
        by(Filter {
            flagged: true,
            tag: Some("bias".into()),
            ..Default::default()
        }),
        ["February clinic"]
    );
    assert!(by(Filter {
        tag: Some("nothing".into()),
        ..Default::default()
    })
    .is_empty());
}

#[test]
fn search_needs_every_word_ignores_case_and_accents_and_keeps_phrases() {
    let (_tmp, mut j) = new_journal();
    sample(&mut j);
    assert_eq!(
        titles(&find(&j, "BABY", Filter::default())),
        ["March visit", "January visit"]
    );
    assert_eq!(
        titles(&find(&j, "baby father", Filter::default())),
        ["January visit"]
    );
    assert_eq!(
        titles(&find(&j, "cafe", Filter::default())),
        ["Private evening"],
        "accents fold"
    );
    assert_eq!(
        titles(&find(&j, "\"holding the baby\"", Filter::default())),
        ["March visit"]
    );
    assert!(find(&j, "\"baby holding\"", Filter::default())
        .items
        .is_empty());
    assert_eq!(
        titles(&find(&j, "sleep", Filter::default())),
        ["March visit", "February clinic"],
        "tags are searched too"
    );
    assert_eq!(
        titles(&find(&j, "fam-3", Filter::default())),
        ["April visit"],
        "family codes are searched"
    );
    assert_eq!(
        titles(&find(
            &j,
            "baby",
            Filter {
                flagged: true,
                ..Default::default()
            }
        )),
        ["March visit"]
    );
    // The snippet shows the hit in the original text and marks it.
    let page = find(&j, "sleepless", Filter::default());
    let s = &page.items[0].snippet;
    let chars: Vec<char> = s.text.chars().collect();
    let (a, b) = s.highlights[0];
    assert_eq!(chars[a..b].iter().collect::<String>(), "sleepless");
}

#[test]
fn edits_bump_the_revision_and_survive_reopening() {
    let (tmp, mut j) = new_journal();
    let id = add(
        &mut j,
        "2026-05-01",
        "Before",
        "Original text.",
        NewEntry::default(),
    );
    let later = now() + Duration::hours(2);
    let e = j
        .edit(
            &id,
            EntryChange {
                title: Some(Some("After".into())),
                carrying: Some(Some(8)),
                ..Default::default()
            },
            later,
        )
        .unwrap();
    assert_eq!(e.revision, 2);
    assert_eq!(e.updated_at, later);
    assert_eq!(e.created_at, now());
    let j = reopen(&tmp, j, now());
    let e = j.get(&id).unwrap();
    assert_eq!(e.title.as_deref(), Some("After"));
    assert_eq!(e.carrying, Some(8));
    assert_eq!(e.body, "Original text.");
    assert_eq!(e.revision, 2);
    assert_eq!(titles(&find(&j, "after", Filter::default())), ["After"]);
    assert!(
        find(&j, "before", Filter::default()).items.is_empty(),
        "old title no longer found"
    );
}

#[test]
fn trash_hides_restores_and_purges_after_thirty_days() {
    let (tmp, mut j) = new_journal();
    let keep = add(&mut j, "2026-05-01", "Keep", "stays", NewEntry::default());
    let gone = add(&mut j, "2026-05-02", "Gone", "goes", NewEntry::default());
    j.trash(&gone, now()).unwrap();
    assert_eq!(titles(&find(&j, "", Filter::default())), ["Keep"]);
    assert_eq!(
        titles(&find(
            &j,
            "",
            Filter {
                trash: true,
                ..Default::default()
            }
        )),
        ["Gone"]
    );
    assert!(
        find(&j, "goes", Filter::default()).items.is_empty(),
        "search skips the trash"
    );
    j.restore(&gone, now()).unwrap();
    assert_eq!(find(&j, "", Filter::default()).total, 2);
    assert_eq!(
        j.restore(&gone, now()).unwrap_err().code,
        ErrorCode::InvalidInput
    );

    j.trash(&gone, now()).unwrap();
    // 29 days later it is still there; after 30 it is purged at unlock.
    let j = reopen(&tmp, j, now() + Duration::days(29));
    assert_eq!(in_trash(&j), 1);
    let j = reopen(&tmp, j, now() + Duration::days(31));
    assert_eq!(in_trash(&j), 0);
    assert!(j.get(&gone).is_err());
    assert!(j.get(&keep).is_ok());
    let j = reopen(&tmp, j, now());
    assert_eq!(j.len(), 1, "the purge was written to disk");
}

/// `attune add` writes into the vault without loading the journal: the entry is the
/// one a later load reads, its pack answers are checked and filled like the app's, and
/// the trash is left to the next load, which still purges what expired.
#[test]
fn adding_without_loading_writes_what_a_load_reads_and_leaves_the_purge_to_it() {
    let (tmp, mut j) = new_journal();
    let old = add(
        &mut j,
        "2026-04-01",
        "Old",
        "trashed long ago",
        NewEntry::default(),
    );
    j.trash(&old, now() - Duration::days(40)).unwrap();
    j.lock();

    let mut vault = Vault::unlock(tmp.path(), &Passphrase::new(PASS)).unwrap();
    let made = attune::api::entries::create_in_vault(
        &mut vault,
        NewEntry {
            encounter_date: Some(date("2026-05-20")),
            title: Some("Written from a shell".into()),
            body: "A quiet visit.".into(),
            prompt_pack: Some(attune::journal::PackRef {
                id: "quick-reflection".into(),
                version: 1,
            }),
            answers: vec![attune::journal::PromptAnswer {
                prompt_id: "what".into(),
                prompt: String::new(),
                value: attune::journal::AnswerValue::Text("We read together.".into()),
            }],
            ..Default::default()
        },
    )
    .unwrap();
    assert!(
        !made.answers[0].prompt.is_empty(),
        "the prompt's text is kept with the answer"
    );
    // Answers that do not fit the pack are refused and nothing is written.
    let refused = attune::api::entries::create_in_vault(
        &mut vault,
        NewEntry {
            prompt_pack: Some(attune::journal::PackRef {
                id: "quick-reflection".into(),
                version: 1,
            }),
            answers: vec![attune::journal::PromptAnswer {
                prompt_id: "no-such-prompt".into(),
                prompt: String::new(),
                value: attune::journal::AnswerValue::Text("x".into()),
            }],
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidInput);
    // Nothing was purged by the add: the expired entry is still stored.
    let (rows, _) = vault
        .store()
        .records(attune::store::Table::Entries)
        .unwrap();
    assert_eq!(rows.len(), 2);

    let j = Journal::load(vault, now()).unwrap();
    assert_eq!(j.get(&made.id).unwrap(), made);
    assert!(
        j.get(&old).is_err(),
        "the next load purged the expired entry"
    );
    assert_eq!(j.len(), 1);
    let j = reopen(&tmp, j, now());
    assert_eq!(j.get(&made.id).unwrap(), made);
}

#[test]
fn ids_resolve_from_unique_prefixes_only() {
    let (_tmp, mut j) = new_journal();
    let id = add(&mut j, "2026-05-01", "One", "", NewEntry::default());
    let hex = id.to_hex();
    assert_eq!(j.resolve_id(&hex[..6]).unwrap(), id);
    assert_eq!(j.resolve_id(&hex.to_uppercase()).unwrap(), id);
    assert_eq!(
        j.resolve_id("abc").unwrap_err().code,
        ErrorCode::InvalidInput
    );
    assert_eq!(
        j.resolve_id("zzzz").unwrap_err().code,
        ErrorCode::InvalidInput
    );
    let other = if hex.starts_with('0') { "1111" } else { "0000" };
    assert_eq!(j.resolve_id(other).unwrap_err().code, ErrorCode::NotFound);
}

/// The journal keeps no whole entry in memory: entries come from the file, by id or by
/// a test on their list items, the same whether a few are read one by one or many in one
/// pass over the table; an entry whose record stops reading after unlock is an error
/// that says so, never a gap in an export.
#[test]
fn entries_are_read_from_the_file_by_id_or_by_their_list_items() {
    let (tmp, mut j) = new_journal();
    let mut ids = Vec::new();
    for n in 0..24u32 {
        let flagged = n % 12 == 0;
        ids.push(add(
            &mut j,
            &format!("2026-05-{:02}", n + 1),
            &format!("Entry {n}"),
            &format!("body {n}"),
            NewEntry {
                bring_to_supervision: flagged,
                ..NewEntry::default()
            },
        ));
    }
    let titles = |entries: &[attune::journal::Entry]| -> std::collections::BTreeSet<String> {
        entries.iter().filter_map(|e| e.title.clone()).collect()
    };
    // Two of 24: read one by one.
    let few = j.entries_where(|i| i.flagged).unwrap();
    assert_eq!(
        titles(&few),
        ["Entry 0", "Entry 12"].map(String::from).into()
    );
    // Twenty of 24: one pass over the table.
    let many = j
        .entries_where(|i| i.encounter_date >= date("2026-05-05"))
        .unwrap();
    assert_eq!(
        titles(&many),
        (4..24).map(|n| format!("Entry {n}")).collect()
    );
    for e in many.iter() {
        assert_eq!(*e, j.get(&e.id).unwrap());
        assert_eq!(
            e.body,
            format!("body {}", &e.title.as_deref().unwrap()[6..])
        );
    }
    let asked = [ids[5], ids[2], ids[9]];
    let got: Vec<EntryId> = j
        .entries_by_id(&asked)
        .unwrap()
        .iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(got, asked, "in the order asked");

    // One record damaged on disk while the journal is open.
    let conn = rusqlite::Connection::open(tmp.path().join(attune::store::DB_FILE)).unwrap();
    let changed = conn
        .execute(
            "UPDATE records SET envelope = CAST(envelope || x'00' AS BLOB) WHERE id = ?1",
            [ids[7].0.to_vec()],
        )
        .unwrap();
    assert_eq!(changed, 1);
    for result in [
        j.get(&ids[7]).map(drop),
        j.entries().map(drop),
        j.entries_by_id(&[ids[7]]).map(drop),
    ] {
        let err = result.unwrap_err();
        assert_eq!(err.code, ErrorCode::DamagedRecords, "{err:?}");
        assert!(err.message.contains("could not be read"), "{}", err.message);
    }
    // The others still read.
    assert_eq!(j.get(&ids[8]).unwrap().title.as_deref(), Some("Entry 8"));
}
