//! Build a journal fixture for `tests/it/migrations.rs`.
//!
//! ```sh
//! cargo run --example make_fixture -- tests/fixtures/schema-vN
//! ```
//!
//! The journal is written at this build's schema version (`CURRENT_VERSION`, the N in
//! the folder name) with the weak test key derivation, the passphrase
//! `fixture passphrase vN` and three synthetic entries (no real names). The log is folded
//! into the main file, so `journal.sqlite3` alone holds everything; the lock file is
//! removed. The recovery key is printed: record it in the fixture's README.md.
//!
//! Run it once per schema version, before the version changes, and commit the result:
//! a fixture must keep the bytes an older Attune wrote.

use std::error::Error;
use std::fs;
use std::path::PathBuf;

use attune::crypto::Passphrase;
use attune::journal::{
    AnswerValue, EntryChange, EntryKind, Journal, NewEntry, PackRef, PromptAnswer, Setting,
};
use attune::store::{CURRENT_VERSION, DB_FILE, LOCK_FILE};
use attune::vault::{KdfChoice, Vault};
use chrono::{DateTime, NaiveDate, Utc};

/// The titles of the three entries, as the migration test expects them.
const TITLES: [&str; 3] = [
    "Fixture entry one",
    "Fixture entry two",
    "Fixture entry three",
];

fn main() -> Result<(), Box<dyn Error>> {
    let out = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .ok_or("usage: cargo run --example make_fixture -- OUTDIR")?;
    let version = CURRENT_VERSION;
    let passphrase = format!("fixture passphrase v{version}");

    // Fixed times keep the entries the same from one run to the next (the keys differ).
    let written: DateTime<Utc> = "2026-01-15T09:30:00Z".parse()?;
    let edited: DateTime<Utc> = "2026-01-16T18:05:00Z".parse()?;

    let (vault, recovery) =
        Vault::create(&out, &Passphrase::new(&passphrase), KdfChoice::TestFast)?;
    let mut journal = Journal::load(vault, written)?;
    let date = |d| NaiveDate::from_ymd_opt(2026, 1, d).ok_or("bad date");

    journal.add(
        NewEntry {
            encounter_date: Some(date(12)?),
            kind: Some(EntryKind::Encounter),
            setting: Some(Setting::HomeVisit),
            family_code: Some("FX01".into()),
            title: Some(TITLES[0].into()),
            prompt_pack: Some(PackRef {
                id: "fixture-pack".into(),
                version: 1,
            }),
            answers: vec![
                PromptAnswer {
                    prompt_id: "noticed".into(),
                    prompt: String::new(),
                    value: AnswerValue::Text("Synthetic answer text.".into()),
                },
                PromptAnswer {
                    prompt_id: "carrying".into(),
                    prompt: String::new(),
                    value: AnswerValue::Scale(4),
                },
                PromptAnswer {
                    prompt_id: "mood".into(),
                    prompt: String::new(),
                    value: AnswerValue::Choice("calm".into()),
                },
            ],
            body: "Synthetic reflection for the schema fixture. No real people.".into(),
            tags: vec!["fixture".into(), "sleep".into()],
            carrying: Some(4),
            bring_to_supervision: true,
            not_names: Vec::new(),
        },
        written,
    )?;
    journal.add(
        NewEntry {
            encounter_date: Some(date(13)?),
            kind: Some(EntryKind::Private),
            title: Some(TITLES[1].into()),
            body: "A private synthetic reflection: é, ü, 日本語 and an emoji 🌱.".into(),
            tags: vec!["self-care".into()],
            ..Default::default()
        },
        written,
    )?;
    let third = journal
        .add(
            NewEntry {
                encounter_date: Some(date(14)?),
                setting: Some(Setting::Clinic),
                family_code: Some("FX02".into()),
                title: Some("Fixture entry three (draft)".into()),
                body: "First version of the third synthetic reflection.".into(),
                ..Default::default()
            },
            written,
        )?
        .id;
    // An edit, so one record is at revision 2.
    journal.edit(
        &third,
        EntryChange {
            title: Some(Some(TITLES[2].into())),
            body: Some("Edited third synthetic reflection.".into()),
            carrying: Some(Some(7)),
            ..Default::default()
        },
        edited,
    )?;
    journal.lock();

    // Fold the log into the main file so journal.sqlite3 alone holds everything.
    let db = out.join(DB_FILE);
    let conn = rusqlite::Connection::open(&db)?;
    let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
    let stored: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    conn.close().map_err(|(_, e)| e)?;
    if busy != 0 || stored != version {
        return Err(format!("checkpoint busy ({busy}) or wrong schema version ({stored})").into());
    }
    fs::remove_file(out.join(LOCK_FILE))?;
    for leftover in ["-wal", "-shm"] {
        let path = out.join(format!("{DB_FILE}{leftover}"));
        if path.exists() {
            return Err(format!("{} was left behind", path.display()).into());
        }
    }

    println!("Wrote a schema-v{version} journal to {}", db.display());
    println!("Passphrase: {passphrase}");
    println!("Recovery key: {}", *recovery.to_display());
    Ok(())
}
