//! Canaries: unique markers written into every field a person types (entries and
//! check-in notes, supervision sessions, custom packs, contacts, shared entries and
//! responses) must never appear on disk, nor in packets, in any common text encoding,
//! whether the journal is open or closed.

// Test code, helpers included: a failed step should stop the test where it happened.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;

use crate::support::packets::{feedback_document, share_document, Party};
use crate::support::*;
use attune::crypto::RecoveryKey;
use attune::journal::{
    AnswerValue, CheckinAnswer, EntryChange, EntryKind, FindRequest, Journal, NewCheckin, NewEntry,
    PackRef, PromptAnswer, SessionFormat, SessionInput, SessionRole, Setting,
};
use attune::prompts::{AnswerType, PackRequest, PromptPack};
use attune::share::document::{PacketContent, SharedAnswer, SharedEntry};
use attune::share::{open_packet, seal_packet};

/// One set of markers, one per user field. Each is unique to its field and its set.
struct Markers {
    title: String,
    body: String,
    family_code: String,
    tags: Vec<String>,
    pack_id: String,
    prompt_id: String,
    answer_text: String,
    answer_choice: String,
    prompt_text: String,
    plan_step: String,
    not_name: String,
}

impl Markers {
    /// `set` keeps the markers of different entries and edits apart.
    fn new(set: &str) -> Self {
        Self {
            title: format!("CanaryTitle{set} Überschrift Kanärien 見出し"),
            body: format!(
                "CanaryBody{set} first line\nзаписка канарейки {set}\nΚαναρίνι σώμα {set} 🐤"
            ),
            family_code: format!("Fäm{set}Ωq"),
            tags: vec![format!("CanaryTag{set}"), format!("étiquette{set}ñ")],
            pack_id: format!("canary-pack-{set}-パック"),
            prompt_id: format!("canary.prompt.{set}"),
            answer_text: format!("CanaryAnswer{set} антwort ответ"),
            answer_choice: format!("CanaryChoice{set} élection"),
            prompt_text: format!("CanaryPrompt{set} вопрос?"),
            plan_step: format!("CanaryPlan{set} étape"),
            not_name: format!("CanaryNotName{set}"),
        }
    }

    fn all(&self) -> Vec<(String, String)> {
        let mut out = vec![
            ("title".to_string(), self.title.clone()),
            ("family code".to_string(), self.family_code.clone()),
            ("pack id".to_string(), self.pack_id.clone()),
            ("prompt id".to_string(), self.prompt_id.clone()),
            ("answer text".to_string(), self.answer_text.clone()),
            ("answer choice".to_string(), self.answer_choice.clone()),
            ("prompt text".to_string(), self.prompt_text.clone()),
            ("plan step".to_string(), self.plan_step.clone()),
            ("not a name".to_string(), self.not_name.clone()),
        ];
        // The body line by line as well as whole, so a field split into pieces is caught.
        out.push(("body".to_string(), self.body.clone()));
        for (i, line) in self.body.lines().enumerate() {
            out.push((format!("body line {i}"), line.to_string()));
        }
        for (i, tag) in self.tags.iter().enumerate() {
            out.push((format!("tag {i}"), tag.clone()));
        }
        out
    }

    fn answers(&self) -> Vec<PromptAnswer> {
        vec![
            PromptAnswer {
                prompt_id: self.prompt_id.clone(),
                prompt: self.prompt_text.clone(),
                value: AnswerValue::Text(self.answer_text.clone()),
            },
            PromptAnswer {
                prompt_id: format!("{}.plan", self.prompt_id),
                prompt: String::new(),
                value: AnswerValue::Plan {
                    step: self.plan_step.clone(),
                    by: chrono::NaiveDate::from_ymd_opt(2025, 6, 8).unwrap(),
                },
            },
            PromptAnswer {
                prompt_id: format!("{}.choice", self.prompt_id),
                prompt: String::new(),
                value: AnswerValue::Choice(self.answer_choice.clone()),
            },
            PromptAnswer {
                prompt_id: format!("{}.scale", self.prompt_id),
                prompt: String::new(),
                value: AnswerValue::Scale(7),
            },
        ]
    }

    fn new_entry(&self) -> NewEntry {
        NewEntry {
            encounter_date: chrono::NaiveDate::from_ymd_opt(2025, 6, 1),
            kind: Some(EntryKind::Encounter),
            setting: Some(Setting::HomeVisit),
            family_code: Some(self.family_code.clone()),
            title: Some(self.title.clone()),
            prompt_pack: Some(PackRef {
                id: self.pack_id.clone(),
                version: 3,
            }),
            answers: self.answers(),
            body: self.body.clone(),
            tags: self.tags.clone(),
            carrying: Some(6),
            bring_to_supervision: true,
            not_names: vec![self.not_name.clone()],
        }
    }

    fn change(&self) -> EntryChange {
        EntryChange {
            family_code: Some(Some(self.family_code.clone())),
            title: Some(Some(self.title.clone())),
            prompt_pack: Some(Some(PackRef {
                id: self.pack_id.clone(),
                version: 4,
            })),
            answers: Some(self.answers()),
            body: Some(self.body.clone()),
            tags: Some(self.tags.clone()),
            not_names: Some(vec![self.not_name.clone()]),
            ..Default::default()
        }
    }
}

/// The encodings a marker is looked for in.
fn encodings(marker: &str) -> [(&'static str, Vec<u8>); 3] {
    let utf16 = || marker.encode_utf16();
    [
        ("UTF-8", marker.as_bytes().to_vec()),
        ("UTF-16LE", utf16().flat_map(u16::to_le_bytes).collect()),
        ("UTF-16BE", utf16().flat_map(u16::to_be_bytes).collect()),
    ]
}

/// Every (file, marker name, encoding) where a marker occurs under `dir`.
fn find_markers(dir: &Path, markers: &[(String, String)]) -> Vec<String> {
    let files = snapshot(dir);
    let mut found = Vec::new();
    for (name, marker) in markers {
        for (encoding, needle) in encodings(marker) {
            for (file, bytes) in &files {
                if contains(bytes, &needle) {
                    found.push(format!("{name} marker {marker:?} in {file} as {encoding}"));
                }
            }
        }
    }
    found
}

fn assert_no_markers(dir: &Path, markers: &[(String, String)], when: &str) {
    let found = find_markers(dir, markers);
    assert!(
        found.is_empty(),
        "{when}: plaintext on disk:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_marker_scan_finds_a_marker_in_each_encoding() {
    let tmp = tempfile::tempdir().unwrap();
    let markers = Markers::new("Scan").all();
    let (_, marker) = &markers[0];
    assert_eq!(find_markers(tmp.path(), &markers), Vec::<String>::new());

    for (i, (encoding, needle)) in encodings(marker).into_iter().enumerate() {
        let dir = tmp.path().join(format!("case{i}"));
        fs::create_dir_all(dir.join("nested")).unwrap();
        // Buried among other bytes, in a nested folder.
        let mut bytes = vec![0xA5u8; 1001];
        bytes.extend_from_slice(&needle);
        bytes.extend_from_slice(&[0x5Au8; 999]);
        fs::write(dir.join("nested").join("leak.bin"), &bytes).unwrap();
        fs::write(dir.join("clean.bin"), [0u8; 64]).unwrap();
        let found = find_markers(&dir, &markers);
        assert_eq!(found.len(), 1, "{encoding}: {found:?}");
        assert!(found[0].contains("leak.bin"), "{found:?}");
        assert!(found[0].contains(encoding), "{found:?}");
    }
}

#[test]
fn no_typed_text_reaches_any_file_while_open_or_after_closing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let first = Markers::new("A1");
    let second = Markers::new("B2");
    let edited = Markers::new("C3");

    let (mut journal, recovery): (Journal, RecoveryKey) = create_journal(&dir);
    let a = journal.add(first.new_entry(), now()).unwrap().id;
    let b = journal.add(second.new_entry(), now()).unwrap().id;
    journal.edit(&a, edited.change(), now()).unwrap();
    journal.trash(&b, now()).unwrap();
    journal.restore(&b, now()).unwrap();
    // The de-identification allow-list lives in the settings record.
    let allow_word = "CanaryAllowWordZ9".to_string();
    let support_label = "CanarySupportNameQ4".to_string();
    let support_reach = "CanarySupportReachK7".to_string();
    journal
        .save_settings(&attune::journal::Settings {
            deid_allow: vec![allow_word.clone()],
            // So does the person's own list of supports, with their numbers.
            my_supports: vec![attune::journal::Support {
                label: support_label.clone(),
                reach: support_reach.clone(),
            }],
            ..Default::default()
        })
        .unwrap();
    // The markers are really held by the journal (else the scan proves nothing).
    assert_eq!(journal.get(&a).unwrap().title.as_ref(), Some(&edited.title));
    let hits = journal
        .find(&FindRequest {
            text: format!("CanaryAnswer{}", "C3"),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits.total, 1);

    let mut markers: Vec<(String, String)> = Vec::new();
    for (set, m) in [("first", &first), ("second", &second), ("edited", &edited)] {
        markers.extend(m.all().into_iter().map(|(n, v)| (format!("{set} {n}"), v)));
    }
    markers.push(("passphrase".into(), PASSPHRASE.into()));
    markers.push(("allow-list word".into(), allow_word.clone()));
    markers.push(("support name".into(), support_label.clone()));
    markers.push(("support reach".into(), support_reach.clone()));
    markers.push(("recovery key".into(), recovery.to_display().to_string()));
    markers.push((
        "recovery key, ungrouped".into(),
        recovery.to_display().replace('-', ""),
    ));

    let wal = dir.join(format!("{}-wal", attune::store::DB_FILE));
    assert!(wal.is_file(), "the write-ahead log exists while open");
    assert!(
        fs::metadata(&wal).unwrap().len() > 0,
        "the log holds the writes"
    );
    assert_no_markers(&dir, &markers, "while open");
    journal.lock();
    assert_no_markers(&dir, &markers, "after closing");

    // Reopened, every field reads back as written.
    let journal = open_journal(&dir, PASSPHRASE);
    let entry = journal.get(&a).unwrap();
    assert_eq!(entry.title.as_ref(), Some(&edited.title));
    assert_eq!(entry.body, edited.body);
    assert_eq!(entry.family_code.as_ref(), Some(&edited.family_code));
    assert_eq!(entry.tags, edited.tags);
    assert_eq!(entry.answers, edited.answers());
    assert_eq!(entry.prompt_pack.as_ref().unwrap().id, edited.pack_id);
    let entry = journal.get(&b).unwrap();
    assert_eq!(entry.title.as_ref(), Some(&second.title));
    assert!(entry.deleted_at.is_none());
    assert_eq!(journal.settings().unwrap().deid_allow, [allow_word]);
    assert_no_markers(&dir, &markers, "reopened");
}

#[test]
fn no_check_in_note_reaches_any_file_while_open_or_after_closing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let note = "CanaryCheckinNote Müdigkeit усталость 疲れ 🐤".to_string();
    let deleted_note = "CanaryDeletedCheckinNote Ωmega".to_string();
    let (mut journal, _) = create_journal(&dir);
    let answer = |item_id: &str, value| CheckinAnswer {
        item_id: item_id.into(),
        value,
    };
    journal
        .save_checkin(
            NewCheckin {
                answers: vec![answer("exhaustion", 9), answer("sleep", 2)],
                note: Some(note.clone()),
            },
            now(),
        )
        .unwrap();
    let gone = journal
        .save_checkin(
            NewCheckin {
                answers: vec![answer("energy", 4)],
                note: Some(deleted_note.clone()),
            },
            now(),
        )
        .unwrap()
        .checkin
        .id;
    journal.delete_checkin(&gone).unwrap();
    // The note is really held (else the scan proves nothing).
    assert_eq!(journal.checkins()[0].note.as_ref(), Some(&note));

    let mut markers = vec![
        ("check-in note".to_string(), note.clone()),
        ("deleted check-in note".to_string(), deleted_note),
    ];
    // Word by word too; short words are left out, as random bytes could match them.
    for (i, word) in note
        .split(' ')
        .filter(|w| w.chars().count() >= 5)
        .enumerate()
    {
        markers.push((format!("check-in note word {i}"), word.to_string()));
    }
    assert_no_markers(&dir, &markers, "while open");
    journal.lock();
    assert_no_markers(&dir, &markers, "after closing");
    let journal = open_journal(&dir, PASSPHRASE);
    assert_eq!(journal.checkins()[0].note.as_ref(), Some(&note));
    assert_no_markers(&dir, &markers, "reopened");
}

#[test]
fn no_supervision_session_text_reaches_any_file_while_open_or_after_closing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = create_journal(&dir);
    let notes = "CanarySessionNotes Übertragung перенос 転移 🐤".to_string();
    let edited_notes = "CanaryEditedSessionNotes réparation".to_string();
    let with_whom = "CanaryWithWhom Ærøskøbing".to_string();
    let deleted_notes = "CanaryDeletedSessionNotes Ωmega".to_string();
    let session = |with_whom: &str, notes: &str| SessionInput {
        id: None,
        date: chrono::NaiveDate::from_ymd_opt(2026, 4, 2).unwrap(),
        minutes: 60,
        format: SessionFormat::Individual,
        with_whom: with_whom.into(),
        role: SessionRole::Receiving,
        entries_discussed: Vec::new(),
        notes: Some(notes.into()),
        details: Default::default(),
    };
    let kept = journal
        .save_session(session(&with_whom, &notes), now())
        .unwrap();
    journal
        .save_session(
            SessionInput {
                id: Some(kept.id),
                ..session(&with_whom, &edited_notes)
            },
            now(),
        )
        .unwrap();
    let gone = journal
        .save_session(session("CanaryGoneWithWhom", &deleted_notes), now())
        .unwrap()
        .id;
    journal.delete_session(&gone).unwrap();
    // The text is really held (else the scan proves nothing).
    let held = journal.session(&kept.id).unwrap();
    assert_eq!(held.notes.as_ref(), Some(&edited_notes));
    assert_eq!(held.with_whom, with_whom);

    let mut markers = vec![
        ("session notes".to_string(), notes.clone()),
        ("edited session notes".to_string(), edited_notes.clone()),
        ("session with whom".to_string(), with_whom.clone()),
        ("deleted session notes".to_string(), deleted_notes),
        (
            "deleted with whom".to_string(),
            "CanaryGoneWithWhom".to_string(),
        ),
    ];
    // Word by word too; short words are left out, as random bytes could match them.
    for (i, word) in notes
        .split(' ')
        .filter(|w| w.chars().count() >= 5)
        .enumerate()
    {
        markers.push((format!("session notes word {i}"), word.to_string()));
    }
    assert_no_markers(&dir, &markers, "while open");
    journal.lock();
    assert_no_markers(&dir, &markers, "after closing");
    let journal = open_journal(&dir, PASSPHRASE);
    assert_eq!(
        journal.session(&kept.id).unwrap().notes.as_ref(),
        Some(&edited_notes)
    );
    assert_no_markers(&dir, &markers, "reopened");
}

/// A custom pack whose every text field carries a marker of `set`.
fn marked_pack(journal: &mut Journal, set: &str) -> (PromptPack, Vec<(String, String)>) {
    let mut pack = journal
        .duplicate_pack(&PackRequest {
            id: "preparing-for-supervision".into(),
            version: None,
        })
        .unwrap();
    let mut markers = Vec::new();
    let mut mark = |name: &str, field: &mut String| {
        *field = format!("Canary{name}{set} Überlegung");
        markers.push((format!("pack {name} {set}"), field.clone()));
    };
    mark("Title", &mut pack.title);
    mark("Purpose", &mut pack.purpose);
    mark("WhenToUse", &mut pack.when_to_use);
    mark("PromptText", &mut pack.prompts[0].text);
    mark("PromptHelp", &mut pack.prompts[0].help);
    mark("ClosingText", &mut pack.closing.text);
    let mut example = String::new();
    mark("Example", &mut example);
    pack.prompts[1].examples = vec![example];
    let (mut first, mut second) = (String::new(), String::new());
    mark("OptionA", &mut first);
    mark("OptionB", &mut second);
    pack.prompts[4].answer = AnswerType::Choice {
        options: vec![first, second],
    };
    (journal.save_custom_pack(pack).unwrap(), markers)
}

#[test]
fn custom_pack_text_never_reaches_any_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = create_journal(&dir);
    let (kept, mut markers) = marked_pack(&mut journal, "K1");
    let (gone, gone_markers) = marked_pack(&mut journal, "G2");
    markers.extend(gone_markers);
    // An edit writes a new revision; a delete removes the record.
    let mut edited = kept.clone();
    edited.prompts[2].text = "CanaryEditedE3 texte modifié".into();
    markers.push(("edited prompt".into(), edited.prompts[2].text.clone()));
    assert_eq!(
        journal.save_custom_pack(edited).unwrap().version,
        kept.version + 1
    );
    journal.delete_custom_pack(&gone.id).unwrap();
    // The packs are really held (else the scan proves nothing).
    let held = journal.custom_packs().unwrap();
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].title, kept.title);

    assert_no_markers(&dir, &markers, "while open");
    journal.lock();
    assert_no_markers(&dir, &markers, "after closing");
    let journal = open_journal(&dir, PASSPHRASE);
    assert_eq!(
        journal.custom_packs().unwrap()[0].prompts[2].text,
        "CanaryEditedE3 texte modifié"
    );
}

#[test]
fn exchange_records_and_packets_hold_no_readable_text_on_either_side() {
    let tmp = tempfile::tempdir().unwrap();
    let (da, db) = (tmp.path().join("supervisee"), tmp.path().join("supervisor"));
    let packets = tmp.path().join("packets");
    fs::create_dir_all(&packets).unwrap();
    let (mut a, _) = create_journal(&da);
    let (mut b, _) = create_journal(&db);
    let shared = Markers::new("X7");
    let name_a = "CanaryNameAlex Ålexandra".to_string();
    let name_b = "CanaryNameSam Şamuel".to_string();
    let (heard, wonder, stays) = (
        "CanaryHeard слышала 聞いた".to_string(),
        "CanaryWonder Frage вопрос".to_string(),
        "CanaryStays bleibt остаётся".to_string(),
    );

    let (sam, alex) = pair_named(&mut a, &name_a, &mut b, &name_b);

    let e = a.add(shared.new_entry(), now()).unwrap().id;
    Exchange::new(&mut a).share(&sam, &[e]).unwrap();
    let share = Exchange::new(&mut a).write_share_packet(&sam).unwrap();
    fs::write(packets.join("share.attune"), &share).unwrap();
    Exchange::new(&mut b).import_packet(&share).unwrap();
    Exchange::new(&mut b)
        .set_agenda(&alex, &e.to_hex(), true)
        .unwrap();
    Exchange::new(&mut b)
        .write_response(
            &alex,
            &e.to_hex(),
            attune::share::exchange::ResponseParts {
                heard: &heard,
                wonder: &wonder,
                stays: &stays,
                ..Default::default()
            },
        )
        .unwrap();
    let feedback = Exchange::new(&mut b).write_feedback_packet(&alex).unwrap();
    fs::write(packets.join("feedback.attune"), &feedback).unwrap();
    Exchange::new(&mut a).import_packet(&feedback).unwrap();
    // The markers are really held on both sides (else the scan proves nothing).
    assert_eq!(
        Exchange::new(&mut b).inbox(None).unwrap()[0].items[0]
            .entry
            .body,
        shared.body
    );
    assert_eq!(
        Exchange::new(&mut a).feedback_for(Some(&e)).unwrap()[0].heard,
        heard
    );
    assert_eq!(
        Exchange::new(&mut a).feedback_for(Some(&e)).unwrap()[0].supervisor_name,
        name_b
    );

    let mut markers = shared.all();
    for (n, v) in [
        ("supervisee name", &name_a),
        ("supervisor name", &name_b),
        ("heard", &heard),
        ("wonder", &wonder),
        ("stays", &stays),
    ] {
        markers.push((n.to_string(), v.clone()));
    }
    for dir in [&da, &db, &packets] {
        assert_no_markers(dir, &markers, "while open");
    }
    a.lock();
    b.lock();
    for dir in [&da, &db] {
        assert_no_markers(dir, &markers, "after closing");
    }
}

#[test]
fn no_shared_text_is_readable_in_a_packet_file() {
    let tmp = tempfile::tempdir().unwrap();
    let supervisee = Party::new("Supervisee");
    let supervisor = Party::new("Supervisor");
    let m = Markers::new("P1");
    let entry = SharedEntry {
        entry_id: format!("{:032x}", 1),
        revision: 1,
        encounter_date: chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(),
        kind: EntryKind::Encounter,
        setting: Some(Setting::HomeVisit),
        family_code: Some(m.family_code.clone()),
        title: Some(m.title.clone()),
        pack_title: Some(m.pack_id.clone()),
        answers: m
            .answers()
            .into_iter()
            .map(|a| SharedAnswer {
                prompt: a.prompt,
                value: a.value,
            })
            .collect(),
        body: m.body.clone(),
        tags: m.tags.clone(),
        carrying: Some(6),
    };
    let share = share_document(&supervisee, &supervisor, vec![entry]);
    let share_packet = seal_packet(
        &share,
        &supervisee.signing,
        &[supervisor.age.recipient(), supervisee.age.recipient()],
    )
    .unwrap();
    let mut feedback = feedback_document(&supervisor, &supervisee, "CanaryHeard Gehörtes услышал");
    let PacketContent::Feedback { responses, .. } = &mut feedback.content else {
        unreachable!("a feedback document")
    };
    responses[0].wonder = "CanaryWonder Frage вопрос 🐤".into();
    responses[0].stays = "CanaryStays bleibt остаётся".into();
    let feedback_packet = seal_packet(
        &feedback,
        &supervisor.signing,
        &[supervisee.age.recipient(), supervisor.age.recipient()],
    )
    .unwrap();

    let mut markers = m.all();
    markers.extend([
        (
            "feedback heard".to_string(),
            "CanaryHeard Gehörtes услышал".to_string(),
        ),
        (
            "feedback wonder".to_string(),
            "CanaryWonder Frage вопрос 🐤".to_string(),
        ),
        (
            "feedback stays".to_string(),
            "CanaryStays bleibt остаётся".to_string(),
        ),
    ]);
    let packets = tmp.path().join("packets");
    fs::create_dir_all(&packets).unwrap();
    fs::write(packets.join("share.attune"), &share_packet).unwrap();
    fs::write(packets.join("feedback.attune"), &feedback_packet).unwrap();
    assert_no_markers(&packets, &markers, "in packet files");

    // The packets really carry the text (else the scan proves nothing): opened and
    // written out as plain JSON, every marker is found.
    let opened_share = open_packet(&share_packet, &supervisor.age, &[supervisee.public()]).unwrap();
    let opened_feedback =
        open_packet(&feedback_packet, &supervisee.age, &[supervisor.public()]).unwrap();
    let plain = tmp.path().join("plain");
    fs::create_dir_all(&plain).unwrap();
    fs::write(
        plain.join("share.json"),
        serde_json::to_string_pretty(&opened_share.document).unwrap(),
    )
    .unwrap();
    fs::write(
        plain.join("feedback.json"),
        serde_json::to_string_pretty(&opened_feedback.document).unwrap(),
    )
    .unwrap();
    let found = find_markers(&plain, &markers);
    // Prompt ids and "not a name here" marks are not shared; JSON escapes the body's line
    // breaks (its lines count).
    for (name, _) in markers
        .iter()
        .filter(|(n, _)| n != "prompt id" && n != "not a name" && n != "body")
    {
        assert!(
            found
                .iter()
                .any(|f| f.starts_with(&format!("{name} marker"))),
            "{name} is not in the opened packets: {found:?}"
        );
    }
    assert!(
        !found.iter().any(|f| f.starts_with("not a name marker")),
        "a reflection's \"not a name here\" marks stay in the journal"
    );
}

#[test]
fn no_typed_text_is_readable_in_a_backup_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let typed = Markers::new("K9");
    let (mut journal, _) = create_journal(&dir);
    let id = journal.add(typed.new_entry(), now()).unwrap().id;
    assert_eq!(journal.get(&id).unwrap().title.as_ref(), Some(&typed.title));
    let backups = tmp.path().join("backups");
    fs::create_dir_all(&backups).unwrap();
    attune::store::backup::back_up_into(journal.vault().store(), &backups, now()).unwrap();
    // The scan itself finds a marker written in clear (so this check can fail).
    let control = tmp.path().join("control");
    fs::create_dir_all(&control).unwrap();
    fs::write(control.join("plain.txt"), typed.title.as_bytes()).unwrap();
    assert!(!find_markers(&control, &typed.all()).is_empty());
    assert_no_markers(&backups, &typed.all(), "in a backup");
}

#[test]
fn imported_text_never_reaches_the_journals_files_in_plaintext() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    // The exports sit outside the journal folder: only the journal's files are scanned.
    let sources = tmp.path().join("sources");
    fs::create_dir_all(sources.join("notes/2024")).unwrap();
    let jrnl = Markers::new("J1");
    let note = Markers::new("M2");
    fs::write(
        sources.join("journal.txt"),
        format!(
            "[2024-01-15 09:30] {}\n{}\n@{}\n",
            jrnl.title, jrnl.body, jrnl.tags[0]
        ),
    )
    .unwrap();
    fs::write(
        sources.join("notes/2024/2024-02-01.md"),
        format!(
            "---\ntitle: \"{}\"\ntags: [\"{}\", \"{}\"]\n---\n{}\n",
            note.title, note.tags[0], note.tags[1], note.body
        ),
    )
    .unwrap();

    let (mut journal, _) = create_journal(&dir);
    let options = attune::api::ImportOptions::default();
    for source in [sources.join("journal.txt"), sources.join("notes")] {
        let done = attune::api::import::import(&mut journal, &source, &options).unwrap();
        assert_eq!(done.imported, 1);
    }
    // Held by the journal, so the scan proves something.
    let hits = journal
        .find(&FindRequest {
            text: "CanaryBodyM2".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits.total, 1);
    let mut markers: Vec<(String, String)> = Vec::new();
    markers.extend(
        jrnl.all()
            .into_iter()
            .filter(|(n, _)| n == "title" || n.starts_with("body") || n == "tag 0"),
    );
    markers.extend(
        note.all()
            .into_iter()
            .filter(|(n, _)| n == "title" || n.starts_with("body") || n.starts_with("tag")),
    );
    assert_no_markers(&dir, &markers, "after an import, while open");
    journal.lock();
    assert_no_markers(&dir, &markers, "after an import, closed");
}

#[test]
fn no_training_text_or_certificate_bytes_reach_any_file() {
    use attune::api::{self, TrainingRef};
    use attune::journal::{Delivery, SessionDetails, TrainingInput};
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = create_journal(&dir);
    let title = "CanaryTrainingTitle Säugling 乳児".to_string();
    let provider = "CanaryTrainingProvider Ærø".to_string();
    let notes = "CanaryTrainingNotes заметки".to_string();
    let provider_name = "CanarySessionProvider Łódź".to_string();
    let credential = "CanaryCredential-ÉÇ".to_string();
    let facilitator = "CanaryFacilitator Ñandú".to_string();
    let t = api::training::save(
        &mut journal,
        TrainingInput {
            id: None,
            title: title.clone(),
            provider: provider.clone(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 4, 2).unwrap(),
            hours: 2.0,
            topics: vec!["rsc".into()],
            notes: Some(notes.clone()),
        },
    )
    .unwrap();
    journal
        .save_session(
            SessionInput {
                id: None,
                date: chrono::NaiveDate::from_ymd_opt(2026, 4, 2).unwrap(),
                minutes: 60,
                format: SessionFormat::Group,
                with_whom: "group".into(),
                role: SessionRole::Receiving,
                entries_discussed: Vec::new(),
                notes: None,
                details: SessionDetails {
                    provider_name: Some(provider_name.clone()),
                    provider_credential: Some(credential.clone()),
                    delivery: Some(Delivery::Video),
                    facilitator: Some(facilitator.clone()),
                    group_size: Some(4),
                    presented: Some(true),
                    ..SessionDetails::default()
                },
            },
            now(),
        )
        .unwrap();
    // A certificate with a byte pattern found nowhere else: text and raw bytes.
    let text_marker = "CanaryCertificateText Zertifikat 証明書".to_string();
    let raw: Vec<u8> = (0u8..=255).rev().chain(0u8..=255).collect();
    let mut cert = b"%PDF-1.7\n".to_vec();
    cert.extend_from_slice(text_marker.as_bytes());
    cert.extend_from_slice(&raw);
    let source = tmp.path().join("CanaryCertName.pdf");
    fs::write(&source, &cert).unwrap();
    api::training::attach_certificate(&mut journal, &TrainingRef { id: t.id }, &source).unwrap();
    fs::remove_file(&source).unwrap();
    // Held, else the scan proves nothing.
    let (_, held) = journal.certificate(&t.id).unwrap();
    assert_eq!(&held[..], &cert[..]);

    let markers = vec![
        ("training title".to_string(), title),
        ("training provider".to_string(), provider),
        ("training notes".to_string(), notes),
        ("session provider".to_string(), provider_name),
        ("session credential".to_string(), credential),
        ("session facilitator".to_string(), facilitator),
        ("certificate text".to_string(), text_marker),
        ("certificate name".to_string(), "CanaryCertName".to_string()),
    ];
    let raw_hex = attune::ids::to_hex(&raw);
    let check = |when: &str| {
        assert_no_markers(&dir, &markers, when);
        for needle in [
            &raw[..],
            raw_hex.as_bytes(),
            raw_hex.to_uppercase().as_bytes(),
        ] {
            assert_eq!(
                files_containing(&dir, needle),
                Vec::<String>::new(),
                "{when}"
            );
        }
    };
    check("while open");
    journal.lock();
    check("after closing");
    let journal = open_journal(&dir, PASSPHRASE);
    assert_eq!(&journal.certificate(&t.id).unwrap().1[..], &cert[..]);
    check("reopened");
}
