//! Prompt packs through the desktop app's command functions, on real temp journals:
//! listing, custom packs (duplicate, edit, delete, kept encrypted), entries that keep
//! their prompt texts, and insights.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use attune::api::{
    self, AnswerValue, App, CreateRequest, EntryChange, EntryRef, ErrorCode, InsightsRequest,
    NewEntry, PackOrigin, PackRef, PackRequest, PromptAnswer, SecretText, UnlockRequest,
    UpdateRequest,
};
use attune::vault::KdfChoice;
use tempfile::TempDir;

const PASS: &str = "prompt pack test passphrase";

fn created() -> (TempDir, App) {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("journal");
    let mut session = App::new(dir.clone());
    let req = CreateRequest {
        passphrase: SecretText::new(PASS),
    };
    let (journal, _) = api::keys::create_journal(&dir, &req, KdfChoice::TestFast).unwrap();
    session.install(journal).unwrap();
    (tmp, session)
}

fn relock(session: &mut App) {
    session.lock().unwrap();
    let req = UnlockRequest {
        passphrase: SecretText::new(PASS),
    };
    let journal = api::keys::open_journal(session.dir(), &req).unwrap();
    session.install(journal).unwrap();
}

fn latest(id: &str) -> PackRequest {
    PackRequest {
        id: id.into(),
        version: None,
    }
}

fn answer(id: &str, text: &str) -> PromptAnswer {
    PromptAnswer {
        prompt_id: id.into(),
        prompt: String::new(),
        value: AnswerValue::Text(text.into()),
    }
}

#[test]
fn the_built_in_packs_are_listed_and_shown_in_full() {
    let (_tmp, session) = created();
    let packs = session.read(api::packs::list).unwrap();
    assert_eq!(
        packs.len(),
        21,
        "one line per built-in pack, latest version"
    );
    assert!(packs.iter().all(|p| !p.custom && p.version >= 1));
    let after = packs.iter().find(|p| p.id == "after-encounter").unwrap();
    let full = session
        .read(|j| api::packs::get(j, &latest("after-encounter")))
        .unwrap();
    assert_eq!(after.prompt_count as usize, full.prompts.len());
    assert_eq!(after.title, full.title);
    let old = session
        .read(|j| {
            api::packs::get(
                j,
                &PackRequest {
                    id: "after-encounter".into(),
                    version: Some(1),
                },
            )
        })
        .unwrap();
    assert_eq!(old.version, 1);
    assert_ne!(old, full, "v1 is still served beside v2");
    let heavy: Vec<&str> = packs
        .iter()
        .filter(|p| p.heavy)
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(
        heavy,
        [
            "vicarious-trauma",
            "after-report",
            "critical-incident",
            "after-safety-risk"
        ]
    );
    let missing = session
        .read(|j| {
            api::packs::get(
                j,
                &PackRequest {
                    id: "after-encounter".into(),
                    version: Some(99),
                },
            )
        })
        .unwrap_err();
    assert_eq!(missing.code, ErrorCode::NotFound);
    assert_eq!(api::packs::lenses().unwrap().len(), 7);
}

#[test]
fn locked_sessions_refuse_pack_commands() {
    let (_tmp, mut session) = created();
    session.lock().unwrap();
    assert_eq!(
        session.read(api::packs::list).unwrap_err().code,
        ErrorCode::Locked
    );
    assert_eq!(
        session
            .write(|j| api::packs::duplicate(j, &latest("quick-reflection")))
            .unwrap_err()
            .code,
        ErrorCode::Locked
    );
    assert_eq!(
        session
            .read(|j| api::packs::insights(j, &InsightsRequest { weeks: 4 }))
            .unwrap_err()
            .code,
        ErrorCode::Locked
    );
}

#[test]
fn a_duplicated_pack_is_a_custom_copy_that_survives_relocking() {
    let (_tmp, mut session) = created();
    let copy = session
        .write(|j| api::packs::duplicate(j, &latest("vicarious-trauma")))
        .unwrap();
    let source = session
        .read(|j| api::packs::get(j, &latest("vicarious-trauma")))
        .unwrap();
    assert!(
        copy.id.starts_with("my-") && copy.id.len() == 11,
        "{}",
        copy.id
    );
    assert_eq!(copy.title, format!("{} (my copy)", source.title));
    assert_eq!(copy.version, 1);
    assert_eq!(copy.prompts, source.prompts);
    assert!(copy.opening.is_some(), "the grounding step comes along");
    assert_eq!(copy.opening, source.opening);
    assert!(copy.is_heavy());
    assert_eq!(
        copy.origin,
        PackOrigin::Custom {
            based_on: Some(PackRef {
                id: source.id.clone(),
                version: source.version
            })
        }
    );
    let again = session
        .write(|j| api::packs::duplicate(j, &latest("vicarious-trauma")))
        .unwrap();
    assert_ne!(again.id, copy.id, "each copy gets its own id");

    relock(&mut session);
    let listed = session.read(api::packs::list).unwrap();
    assert_eq!(listed.len(), 23);
    assert_eq!(listed.iter().filter(|p| p.custom).count(), 2);
    assert!(listed
        .iter()
        .filter(|p| p.custom)
        .all(|p| p.heavy && !p.containment_edited));
    assert_eq!(
        session
            .read(|j| api::packs::get(j, &latest(&copy.id)))
            .unwrap(),
        copy
    );
}

#[test]
fn saving_a_custom_pack_bumps_its_version_only_when_its_prompts_change() {
    let (_tmp, mut session) = created();
    let mut pack = session
        .write(|j| api::packs::duplicate(j, &latest("quick-reflection")))
        .unwrap();
    pack.title = "My short one".into();
    let saved = session
        .write(|j| api::packs::save(j, pack.clone()))
        .unwrap();
    assert_eq!(saved.version, 1, "a new title is not a new version");

    pack = saved;
    pack.prompts[0].text = "What happened, in one line?".into();
    pack.prompts.truncate(3);
    let saved = session
        .write(|j| api::packs::save(j, pack.clone()))
        .unwrap();
    assert_eq!(saved.version, 2);
    assert_eq!(
        session
            .read(|j| api::packs::get(j, &latest(&pack.id)))
            .unwrap()
            .prompts
            .len(),
        3
    );

    let mut broken = saved.clone();
    broken.prompts[0].help = String::new();
    assert_eq!(
        session
            .write(|j| api::packs::save(j, broken))
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput
    );
    assert_eq!(
        session
            .read(|j| api::packs::get(j, &latest(&pack.id)))
            .unwrap(),
        saved
    );
}

#[test]
fn a_heavy_copy_keeps_its_containment_and_the_list_says_when_its_words_changed() {
    let (_tmp, mut session) = created();
    let mut copy = session
        .write(|j| api::packs::duplicate(j, &latest("critical-incident")))
        .unwrap();
    let listed = |session: &App| {
        session
            .read(api::packs::list)
            .unwrap()
            .into_iter()
            .find(|p| p.custom)
            .unwrap()
    };
    assert!(!listed(&session).containment_edited);

    // A new opening is a new version, as new prompts are.
    copy.opening.as_mut().unwrap().text = "Where am I, right now?".into();
    copy = session
        .write(|j| api::packs::save(j, copy.clone()))
        .unwrap();
    assert_eq!(copy.version, 2);
    assert!(!listed(&session).containment_edited);

    copy.closing.help = "Go for a walk.".into();
    copy = session
        .write(|j| api::packs::save(j, copy.clone()))
        .unwrap();
    assert_eq!(copy.version, 3);
    let summary = listed(&session);
    assert!(summary.heavy && summary.containment_edited);

    let mut dropped = copy.clone();
    dropped.closing.id = "wrap-up".into();
    let err = session.write(|j| api::packs::save(j, dropped)).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.contains("containment"), "{}", err.message);
}

#[test]
fn built_in_packs_cannot_be_saved_over_or_deleted() {
    let (_tmp, mut session) = created();
    let mut built_in = session
        .read(|j| api::packs::get(j, &latest("after-encounter")))
        .unwrap();
    built_in.title = "Changed".into();
    let err = session
        .write(|j| api::packs::save(j, built_in.clone()))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.contains("Duplicate"), "{}", err.message);
    built_in.origin = PackOrigin::Custom { based_on: None };
    assert!(session.write(|j| api::packs::save(j, built_in)).is_err());
    assert_eq!(
        session
            .write(|j| api::packs::delete(j, &latest("after-encounter")))
            .unwrap_err()
            .code,
        ErrorCode::NotFound
    );
    assert_eq!(
        session
            .read(|j| api::packs::get(j, &latest("after-encounter")))
            .unwrap()
            .title,
        "After an encounter"
    );
}

#[test]
fn a_new_pack_from_elsewhere_is_saved_as_custom() {
    let (_tmp, mut session) = created();
    let mut shared = session
        .read(|j| api::packs::get(j, &latest("preparing-for-supervision")))
        .unwrap();
    shared.id = "from-my-supervisor".into();
    shared.prompts.truncate(2);
    let arrived_as = shared.version;
    assert_eq!(arrived_as, 2, "the latest built-in version was copied");
    let saved = session.write(|j| api::packs::save(j, shared)).unwrap();
    assert!(saved.is_custom());
    assert_eq!(
        saved.version, arrived_as,
        "a new pack keeps the version it came with"
    );
    assert!(session
        .read(api::packs::list)
        .unwrap()
        .iter()
        .any(|p| p.id == "from-my-supervisor" && p.custom));
}

#[test]
fn entries_keep_their_prompt_texts_through_pack_edits_and_deletion() {
    let (_tmp, mut session) = created();
    let pack = session
        .write(|j| api::packs::duplicate(j, &latest("after-encounter")))
        .unwrap();
    let v1_text = pack.prompts[0].text.clone();
    let entry = session
        .write(|j| {
            api::entries::create(
                j,
                NewEntry {
                    prompt_pack: Some(pack.pack_ref()),
                    answers: vec![
                        answer("what-happened", "We sat on the floor together."),
                        answer("lens:infant-rights", "Room to crawl."),
                    ],
                    ..Default::default()
                },
            )
        })
        .unwrap();
    assert_eq!(entry.answers[0].prompt, v1_text, "stored with the entry");

    let mut edited = pack.clone();
    edited.prompts[0].text = "A different first question".into();
    assert_eq!(
        session
            .write(|j| api::packs::save(j, edited))
            .unwrap()
            .version,
        2
    );
    let id = EntryRef { id: entry.id };
    let shown = session.read(|j| api::entries::answers(j, &id)).unwrap();
    assert_eq!(shown[0].prompt, v1_text, "v1's text, not v2's");
    assert!(shown[1].lens);

    session
        .write(|j| api::packs::delete(j, &latest(&pack.id)))
        .unwrap();
    relock(&mut session);
    let shown = session.read(|j| api::entries::answers(j, &id)).unwrap();
    assert_eq!(
        shown[0].prompt, v1_text,
        "the pack is gone; the entry still reads"
    );
    // The old entry can still be edited although its pack is gone.
    session
        .write(|j| {
            api::entries::update(
                j,
                UpdateRequest {
                    id: entry.id,
                    change: EntryChange {
                        answers: Some(vec![answer("what-happened", "Edited later.")]),
                        ..Default::default()
                    },
                },
            )
        })
        .unwrap();
    assert_eq!(
        session.read(|j| api::entries::answers(j, &id)).unwrap()[0].prompt,
        v1_text
    );
}

#[test]
fn answers_that_do_not_fit_the_pack_are_refused_and_nothing_is_saved() {
    let (_tmp, mut session) = created();
    let quick = Some(PackRef {
        id: "quick-reflection".into(),
        version: 1,
    });
    let bad = [
        (
            quick.clone(),
            vec![answer("no-such-prompt", "x")],
            ErrorCode::InvalidInput,
        ),
        (
            quick.clone(),
            vec![PromptAnswer {
                prompt_id: "what".into(),
                prompt: String::new(),
                value: AnswerValue::Scale(3),
            }],
            ErrorCode::InvalidInput,
        ),
        (
            Some(PackRef {
                id: "no-such-pack".into(),
                version: 1,
            }),
            vec![answer("what", "x")],
            ErrorCode::NotFound,
        ),
    ];
    for (prompt_pack, answers, code) in bad {
        let err = session
            .write(|j| {
                api::entries::create(
                    j,
                    NewEntry {
                        prompt_pack,
                        answers,
                        ..Default::default()
                    },
                )
            })
            .unwrap_err();
        assert_eq!(err.code, code);
    }
    let page = session
        .read(|j| api::entries::find(j, &api::FindRequest::default()))
        .unwrap();
    assert_eq!(page.total, 0);

    let fine = session
        .write(|j| {
            api::entries::create(
                j,
                NewEntry {
                    prompt_pack: quick,
                    answers: vec![answer("what", "A short visit.")],
                    ..Default::default()
                },
            )
        })
        .unwrap();
    let err = session
        .write(|j| {
            api::entries::update(
                j,
                UpdateRequest {
                    id: fine.id,
                    change: EntryChange {
                        answers: Some(vec![answer("what", "x"), answer("nope", "y")]),
                        ..Default::default()
                    },
                },
            )
        })
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
}

#[test]
fn insights_come_from_the_journal_s_own_entries() {
    let (_tmp, mut session) = created();
    let today = chrono::Local::now().date_naive();
    for (days_ago, carrying, prompt) in [(1, 8, "baby-experience"), (2, 6, "what-happened")] {
        session
            .write(|j| {
                api::entries::create(
                    j,
                    NewEntry {
                        encounter_date: Some(today - chrono::Duration::days(days_ago)),
                        prompt_pack: Some(PackRef {
                            id: "after-encounter".into(),
                            version: 1,
                        }),
                        answers: vec![answer(prompt, "something")],
                        carrying: Some(carrying),
                        ..Default::default()
                    },
                )
            })
            .unwrap();
    }
    let found = session
        .read(|j| api::packs::insights(j, &InsightsRequest { weeks: 2 }))
        .unwrap();
    assert_eq!(found.entries, 2);
    let counted: u32 = found.elements.iter().map(|e| e.answers).sum();
    assert_eq!(counted, 2);
    let rated: u32 = found.carrying.iter().map(|w| w.count).sum();
    assert_eq!(rated, 2);
    assert_eq!(
        session
            .read(|j| api::packs::insights(j, &InsightsRequest { weeks: 60 }))
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput
    );
}

#[test]
fn verify_checks_custom_pack_records_too() {
    let (_tmp, mut session) = created();
    session
        .write(|j| api::packs::duplicate(j, &latest("quick-reflection")))
        .unwrap();
    let dir = session.dir().to_path_buf();
    session.lock().unwrap();
    let journal = api::keys::open_journal(
        &dir,
        &UnlockRequest {
            passphrase: SecretText::new(PASS),
        },
    )
    .unwrap();
    let report = attune::verify::journal(&journal).unwrap();
    assert!(report.is_sound());
    assert_eq!(
        report.records_checked, 1,
        "the one pack record, no entries yet"
    );
}

#[test]
fn a_damaged_custom_pack_is_reported_skipped_and_can_be_purged() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = support::create_journal(&dir);
    let request = latest("quick-reflection");
    let kept = journal.duplicate_pack(&request).unwrap();
    journal.duplicate_pack(&request).unwrap();
    journal
        .add(support::sample_entry(1), support::now())
        .unwrap();
    journal.lock();

    // The second pack record (table 4) gets one flipped bit.
    let record = support::stored_records_in(&dir, attune::store::Table::Packs)
        .pop()
        .unwrap();
    let mut envelope = record.envelope.clone();
    let at = envelope.len() / 2;
    envelope[at] ^= 0x40;
    support::set_envelope(&dir, record.seq, &envelope);
    let id_hex = record.id_hex();

    let mut journal = support::open_journal(&dir, support::PASSPHRASE);
    let damaged: Vec<String> = journal
        .damaged()
        .iter()
        .filter_map(|d| d.id.clone())
        .collect();
    assert_eq!(damaged, std::slice::from_ref(&id_hex), "reported at unlock");
    let customs = journal.custom_packs().unwrap();
    assert_eq!(customs.len(), 1, "the readable pack is still there");
    assert_eq!(customs[0].id, kept.id);
    assert_eq!(journal.len(), 1, "entries are untouched");
    let report = attune::verify::journal(&journal).unwrap();
    assert_eq!(report.damaged.len(), 1);
    assert_eq!(report.damaged[0].id.as_deref(), Some(id_hex.as_str()));

    let id = journal.resolve_id(&id_hex).unwrap();
    journal.purge(&id).unwrap();
    assert!(journal.damaged().is_empty());
    assert!(attune::verify::journal(&journal).unwrap().is_sound());
    assert_eq!(journal.custom_packs().unwrap().len(), 1);
}
