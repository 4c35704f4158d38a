//! The supervision loop in one journal (and two, for responses): a prep sheet gathers
//! the flagged reflections and those with responses, a takeaway lands on it linked to
//! the session, the supervisor keeps a planning note beside the agenda; all encrypted.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use crate::support::*;
use attune::api::supervision as sup;
use attune::api::{ContactRef, PlanningNoteRequest, PrepRef, SessionRef};
use attune::journal::{
    EntryId, Journal, NewEntry, PrepInput, SessionFormat, SessionId, SessionInput, SessionRole,
    TakeawayInput,
};
use attune::share::exchange::ResponseParts;
use attune::ErrorCode;
use chrono::NaiveDate;

const BRING: &str = "The visit where the mother would not hold the baby";
const AWAY: &str = "Slow down before naming what I see";
const PLAN: &str = "Ask how the waiting room felt for her";

fn journal(dir: &Path) -> Journal {
    create_journal(dir).0
}

fn entry(j: &mut Journal, title: &str, flagged: bool) -> EntryId {
    j.add(
        NewEntry {
            title: Some(title.into()),
            body: format!("{title}: what I noticed."),
            bring_to_supervision: flagged,
            ..Default::default()
        },
        now(),
    )
    .unwrap()
    .id
}

fn session_on(j: &mut Journal, day: u32) -> SessionId {
    j.save_session(
        SessionInput {
            id: None,
            date: NaiveDate::from_ymd_opt(2026, 3, day).unwrap(),
            minutes: 60,
            format: SessionFormat::Individual,
            with_whom: "my supervisor".into(),
            role: SessionRole::Receiving,
            entries_discussed: Vec::new(),
            details: Default::default(),
            notes: None,
        },
        now(),
    )
    .unwrap()
    .id
}

fn prep(day: Option<u32>) -> PrepInput {
    PrepInput {
        session_date: day.map(|d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap()),
        bring: BRING.into(),
        reactions: "I felt judgemental of her".into(),
        hope: "A way to stay curious".into(),
        ..Default::default()
    }
}

#[test]
fn a_new_prep_sheet_gathers_flagged_reflections_and_ones_with_responses() {
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut alex, mut sam) = (journal(da.path()), journal(db.path()));
    let (sam_in_alex, alex_in_sam) = pair(&mut alex, &mut sam);
    let flagged = entry(&mut alex, "Flagged visit", true);
    let answered = entry(&mut alex, "Shared visit", false);
    let quiet = entry(&mut alex, "Quiet visit", false);
    let trashed = entry(&mut alex, "Trashed visit", true);
    alex.trash(&trashed, now()).unwrap();

    Exchange::new(&mut alex)
        .share(&sam_in_alex, &[answered])
        .unwrap();
    let share = Exchange::new(&mut alex)
        .write_share_packet(&sam_in_alex)
        .unwrap();
    Exchange::new(&mut sam).import_packet(&share).unwrap();
    Exchange::new(&mut sam)
        .write_response(
            &alex_in_sam,
            &answered.to_hex(),
            ResponseParts {
                heard: "I heard how hard it was.",
                ..Default::default()
            },
        )
        .unwrap();
    let feedback = Exchange::new(&mut sam)
        .write_feedback_packet(&alex_in_sam)
        .unwrap();
    Exchange::new(&mut alex).import_packet(&feedback).unwrap();

    let gathered: Vec<EntryId> = sup::gather(&alex)
        .unwrap()
        .into_iter()
        .map(|r| r.entry_id)
        .collect();
    assert_eq!(gathered, [flagged, answered]);
    assert!(!gathered.contains(&quiet) && !gathered.contains(&trashed));

    let view = sup::save_prep(&mut alex, prep(Some(5))).unwrap();
    assert_eq!(view.sheet.bring, BRING);
    let shown: Vec<(EntryId, bool, usize)> = view
        .reflections
        .iter()
        .map(|r| (r.entry_id, r.flagged, r.responses))
        .collect();
    assert_eq!(shown, [(flagged, true, 0), (answered, false, 1)]);
    assert_eq!(view.reflections[0].title.as_deref(), Some("Flagged visit"));

    // Chosen by hand instead, and kept when the sheet is edited without a list.
    let chosen = sup::save_prep(
        &mut alex,
        PrepInput {
            reflections: Some(vec![quiet]),
            ..prep(None)
        },
    )
    .unwrap();
    assert_eq!(chosen.sheet.reflections, [quiet]);
    let edited = sup::save_prep(
        &mut alex,
        PrepInput {
            id: Some(chosen.sheet.id),
            hope: "Something else".into(),
            ..prep(None)
        },
    )
    .unwrap();
    assert_eq!(edited.sheet.reflections, [quiet]);
    assert_eq!(edited.sheet.revision, 2);
    assert_eq!(edited.sheet.created_at, chosen.sheet.created_at);
    assert_eq!(sup::list_preps(&alex).unwrap().len(), 2);
}

#[test]
fn a_takeaway_lands_on_the_prep_sheet_of_that_day_linked_to_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = journal(dir.path());
    let e = entry(&mut j, "Flagged visit", true);
    let other_day = sup::save_prep(&mut j, prep(Some(20))).unwrap();
    let sheet = sup::save_prep(&mut j, prep(Some(5))).unwrap();
    assert_eq!(sheet.sheet.reflections, [e]);
    let s = session_on(&mut j, 5);

    let done = sup::save_takeaway(
        &mut j,
        TakeawayInput {
            session_id: s,
            prep_id: None,
            taking_away: AWAY.into(),
            next_step: "Call the family on Thursday".into(),
        },
    )
    .unwrap();
    assert_eq!(done.sheet.id, sheet.sheet.id, "the sheet for that day");
    let t = done.sheet.takeaway.as_ref().unwrap();
    assert_eq!((t.session_id, t.taking_away.as_str()), (s, AWAY));
    let linked = done.session.as_ref().unwrap();
    assert_eq!((linked.id, linked.minutes), (s, 60));

    // Found from the session; written again, it stays on the same sheet.
    let found = sup::takeaway_of(&j, &SessionRef { id: s })
        .unwrap()
        .unwrap();
    assert_eq!(found.sheet.id, sheet.sheet.id);
    let again = sup::save_takeaway(
        &mut j,
        TakeawayInput {
            session_id: s,
            prep_id: None,
            taking_away: "Slower still".into(),
            next_step: String::new(),
        },
    )
    .unwrap();
    assert_eq!(again.sheet.id, sheet.sheet.id);
    assert_eq!(sup::list_preps(&j).unwrap().len(), 2);
    // Onto another session's sheet: refused.
    let later = session_on(&mut j, 20);
    let err = sup::save_takeaway(
        &mut j,
        TakeawayInput {
            session_id: later,
            prep_id: Some(sheet.sheet.id),
            taking_away: "x".into(),
            next_step: String::new(),
        },
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);

    // A session with no sheet gets one holding only the takeaway.
    let lone = session_on(&mut j, 28);
    let made = sup::save_takeaway(
        &mut j,
        TakeawayInput {
            session_id: lone,
            prep_id: None,
            taking_away: String::new(),
            next_step: "Read about co-regulation".into(),
        },
    )
    .unwrap();
    assert_ne!(made.sheet.id, other_day.sheet.id);
    assert!(made.sheet.bring.is_empty());
    assert_eq!(
        made.sheet.session_date,
        NaiveDate::from_ymd_opt(2026, 3, 28)
    );
    sup::delete_prep(&mut j, &PrepRef { id: made.sheet.id }).unwrap();
    assert!(sup::takeaway_of(&j, &SessionRef { id: lone })
        .unwrap()
        .is_none());
}

#[test]
fn bad_prep_and_takeaway_input_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = journal(dir.path());
    let s = session_on(&mut j, 5);
    let before = journal_files(dir.path());
    let long = "x".repeat(4001);
    for bad in [
        PrepInput::default(),
        PrepInput {
            bring: long.clone(),
            ..Default::default()
        },
        PrepInput {
            reflections: Some(vec![EntryId([7; 16])]),
            ..prep(None)
        },
    ] {
        let err = sup::save_prep(&mut j, bad).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput, "{}", err.message);
    }
    for bad in [
        TakeawayInput {
            session_id: s,
            prep_id: None,
            taking_away: " ".into(),
            next_step: String::new(),
        },
        TakeawayInput {
            session_id: s,
            prep_id: None,
            taking_away: "y".repeat(2001),
            next_step: String::new(),
        },
        TakeawayInput {
            session_id: SessionId([9; 16]),
            prep_id: None,
            taking_away: AWAY.into(),
            next_step: String::new(),
        },
    ] {
        assert!(sup::save_takeaway(&mut j, bad).is_err());
    }
    assert_same_files(&before, &journal_files(dir.path()), "refused input");
}

#[test]
fn prep_sheets_takeaways_and_planning_notes_are_encrypted_and_verified() {
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut alex, mut sam) = (journal(da.path()), journal(db.path()));
    let (_, alex_in_sam) = pair(&mut alex, &mut sam);
    sup::save_prep(&mut alex, prep(Some(5))).unwrap();
    let s = session_on(&mut alex, 5);
    sup::save_takeaway(
        &mut alex,
        TakeawayInput {
            session_id: s,
            prep_id: None,
            taking_away: AWAY.into(),
            next_step: String::new(),
        },
    )
    .unwrap();
    let contact = ContactRef {
        contact_id: alex_in_sam.to_hex(),
    };
    let plan = sup::set_planning_note(
        &mut sam,
        &PlanningNoteRequest {
            contact_id: contact.contact_id.clone(),
            note: PLAN.into(),
        },
    )
    .unwrap();
    assert_eq!(
        (plan.note.as_str(), plan.contact_name.as_str()),
        (PLAN, "Alex")
    );
    assert!(plan.agenda.is_empty());

    for (dir, text) in [(da.path(), BRING), (da.path(), AWAY), (db.path(), PLAN)] {
        for needle in [text.as_bytes().to_vec(), utf16(text)] {
            assert!(files_containing(dir, &needle).is_empty(), "{text}");
        }
    }
    drop(alex);
    drop(sam);
    let alex = open_journal(da.path(), PASSPHRASE);
    let mut sam = open_journal(db.path(), PASSPHRASE);
    let report = attune::verify::journal(&alex).unwrap();
    assert!(report.is_sound(), "{report:?}");
    assert_eq!(sup::list_preps(&alex).unwrap()[0].sheet.bring, BRING);
    assert_eq!(sup::session_plan(&mut sam, &contact).unwrap().note, PLAN);
    // Cleared with empty text; a supervisor gets no planning note.
    let cleared = sup::set_planning_note(
        &mut sam,
        &PlanningNoteRequest {
            contact_id: contact.contact_id.clone(),
            note: "  ".into(),
        },
    )
    .unwrap();
    assert!(cleared.note.is_empty() && cleared.note_updated_at.is_none());
    assert!(attune::verify::journal(&sam).unwrap().is_sound());
}

#[test]
fn a_planning_note_is_only_for_supervisees() {
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut alex, mut sam) = (journal(da.path()), journal(db.path()));
    let (sam_in_alex, _) = pair(&mut alex, &mut sam);
    let before = journal_files(da.path());
    let err = sup::set_planning_note(
        &mut alex,
        &PlanningNoteRequest {
            contact_id: sam_in_alex.to_hex(),
            note: PLAN.into(),
        },
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert_same_files(&before, &journal_files(da.path()), "refused note");
}

fn utf16(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}
