//! Fuzz the JSON an entry is written or changed with (`attune add --json`, `attune edit
//! --json`, the app's create and update commands): `NewEntry` and `EntryChange` parsed
//! with serde_json, then saved through the same API calls into one throwaway journal per
//! process. Nothing may panic; what parses is either refused as invalid input or saved,
//! and the saved record decrypts and decodes to exactly the entry returned (so nothing
//! accepted can be written in a form the journal cannot read back at unlock). Each input
//! leaves the journal as it found it: what was added is purged.

#![no_main]

use std::cell::RefCell;

use attune::api::entries::{self, UpdateRequest};
use attune::journal::{Entry, EntryChange, EntryId, Journal, NewEntry};
use attune::store::Table;
use attune::ErrorCode;
use libfuzzer_sys::fuzz_target;

thread_local! {
    // libFuzzer calls the target on one thread; the journal lives as long as the process.
    static JOURNAL: RefCell<Journal> = RefCell::new(attune_fuzz::temp_journal("entry").1);
}

/// The entry as stored: the record decrypted and decoded the way unlock does it.
fn read_back(journal: &Journal, id: &EntryId) -> Option<Entry> {
    let row = journal
        .vault()
        .store()
        .record(Table::Entries, &id.0)
        .ok()??;
    let plain = journal.vault().open(Table::Entries, &row).ok()?;
    serde_json::from_slice(&plain).ok()
}

/// Saved and readable back the same, or refused as invalid input or an unknown pack.
fn check_saved(journal: &mut Journal, saved: attune::Result<Entry>) -> Option<Entry> {
    match saved {
        Ok(entry) => {
            assert_eq!(read_back(journal, &entry.id).as_ref(), Some(&entry));
            Some(entry)
        }
        Err(e) => {
            // A prompt pack that does not exist is "not found"; everything else is invalid.
            let refused = matches!(e.code, ErrorCode::InvalidInput | ErrorCode::NotFound);
            assert!(refused, "unexpected refusal: {e:?}");
            None
        }
    }
}

fn base_entry() -> NewEntry {
    NewEntry {
        body: "Before the change.".into(),
        tags: vec!["base".into()],
        ..NewEntry::default()
    }
}

/// Seeds for a first run: an entry with every field set (a title and tags to
/// normalise), one answering a built-in pack and a lens, and a change that clears and
/// sets fields.
const SEED_ENTRY: &str = r##"{"encounter_date":"2026-03-04","kind":"encounter",
"setting":"home_visit","family_code":"F-12","title":" A visit ","prompt_pack":null,
"answers":[],"body":"Text","tags":["#first","second"],"carrying":7,
"bring_to_supervision":true}"##;
const SEED_GUIDED: &str = r#"{"prompt_pack":{"id":"preventing-burnout","version":1},
"answers":[{"prompt_id":"load","value":{"type":"scale","value":6}},
{"prompt_id":"lately","value":{"type":"text","value":"Busy"}},
{"prompt_id":"lens:parallel-process","value":{"type":"text","value":"Perhaps"}}]}"#;
const SEED_CHANGE: &str = r#"{"title":null,"body":"Changed","tags":[],"carrying":null}"#;

/// `attune add --json`: a new entry saved as given (after normalising), or refused.
fn check_new(journal: &mut Journal, new: NewEntry) {
    let (body, title) = (new.body.clone(), new.title.clone());
    let saved = entries::create(journal, new);
    if let Some(entry) = check_saved(journal, saved) {
        assert_eq!(entry.body, body);
        let title = title
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty());
        assert_eq!(entry.title, title);
        assert!(journal.purge(&entry.id).is_ok());
    }
}

/// `attune edit --json`: a change applied to a fresh base entry, or refused.
fn check_change(journal: &mut Journal, change: EntryChange) {
    // Setup, not the code under test: the base entry is fixed and valid.
    let base = entries::create(journal, base_entry()).unwrap();
    let saved = entries::update(
        journal,
        UpdateRequest {
            id: base.id,
            change,
        },
    );
    if let Some(entry) = check_saved(journal, saved) {
        assert_eq!(entry.revision, base.revision + 1);
    }
    assert!(journal.purge(&base.id).is_ok());
}

fuzz_target!(
    init: {
        attune_fuzz::seed_corpus("entry_json", || {
            vec![
                ("new-entry", SEED_ENTRY.into()),
                ("guided-entry", SEED_GUIDED.into()),
                ("change", SEED_CHANGE.into()),
            ]
        });
    },
    |data: &[u8]| {
        let Ok(text) = std::str::from_utf8(data) else { return };
        JOURNAL.with_borrow_mut(|journal| {
            if let Ok(new) = serde_json::from_str::<NewEntry>(text) {
                check_new(journal, new);
            }
            if let Ok(change) = serde_json::from_str::<EntryChange>(text) {
                check_change(journal, change);
            }
        });
    }
);
