//! Wellbeing check-ins: encrypted storage through lock and unlock, damage handling, the
//! trend maths on fixed dates, the suggestion thresholds, the nudge and validation.

// Test code, helpers included: a failed step should stop the test where it happened.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::*;
use attune::journal::checkin::{self, NUDGE_AFTER_DAYS};
use attune::journal::{
    Checkin, CheckinAnswer, CheckinId, ItemSet, Journal, NewCheckin, Trends, TrendsRequest,
};
use attune::store::Table;
use attune::ErrorCode;
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

/// A fixed moment: `day` of March 2026 at `hour` UTC. 2 March 2026 is a Monday.
fn march(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, day, hour, 0, 0).unwrap()
}

fn answers(pairs: &[(&str, u8)]) -> Vec<CheckinAnswer> {
    pairs
        .iter()
        .map(|(id, value)| CheckinAnswer {
            item_id: (*id).to_string(),
            value: *value,
        })
        .collect()
}

fn new_checkin(pairs: &[(&str, u8)], note: Option<&str>) -> NewCheckin {
    NewCheckin {
        answers: answers(pairs),
        note: note.map(str::to_string),
    }
}

/// A check-in built directly (for the pure trend maths), with a distinct id per `n`.
fn stored(n: u8, at: DateTime<Utc>, pairs: &[(&str, u8)]) -> Checkin {
    Checkin {
        id: CheckinId([n; 16]),
        taken_at: at,
        item_set_version: 1,
        answers: answers(pairs),
        note: None,
    }
}

fn set() -> &'static ItemSet {
    ItemSet::builtin().unwrap()
}

fn trends_of(checkins: &[Checkin], weeks: u32, now: DateTime<Utc>) -> Trends {
    checkin::trends(checkins, set(), &TrendsRequest { weeks }, now)
}

/// Every answer at the same strain `s` (0 light, 10 heavy), whichever way each runs.
fn all_at_strain(s: u8) -> Vec<(&'static str, u8)> {
    vec![
        ("energy", 10 - s),
        ("exhaustion", s),
        ("intrusive", s),
        ("effectiveness", 10 - s),
        ("support", 10 - s),
        ("sleep", 10 - s),
    ]
}

#[test]
fn check_ins_survive_lock_and_unlock_with_their_answers_and_note() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = create_journal(&dir);
    let first = journal
        .save_checkin(
            new_checkin(&[("energy", 4), ("sleep", 7)], Some("  a long week  ")),
            march(2, 9),
        )
        .unwrap();
    let second = journal
        .save_checkin(new_checkin(&[("exhaustion", 8)], None), march(5, 18))
        .unwrap();
    assert_eq!(first.checkin.note.as_deref(), Some("a long week"));
    assert_eq!(first.checkin.item_set_version, set().version);
    assert_ne!(first.checkin.id, second.checkin.id);
    let before: Vec<Checkin> = journal.checkins().to_vec();
    assert_eq!(before.len(), 2);
    assert_eq!(checkin_rows_while_open(&journal), 2);
    journal.lock();

    assert_eq!(
        stored_records_in(&dir, Table::Checkins).len(),
        2,
        "one record per check-in"
    );
    let journal = open_journal(&dir, PASSPHRASE);
    assert!(journal.damaged().is_empty());
    assert_eq!(journal.checkins(), before.as_slice());
    assert_eq!(
        journal.checkins()[0].answers,
        answers(&[("energy", 4), ("sleep", 7)])
    );
    assert_eq!(
        attune::verify::journal(&journal).unwrap().records_checked,
        2
    );
}

fn checkin_rows_while_open(journal: &Journal) -> usize {
    journal
        .vault()
        .store()
        .records(attune::store::Table::Checkins)
        .unwrap()
        .0
        .len()
}

#[test]
fn a_damaged_check_in_is_reported_and_the_rest_stay_readable() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = create_journal(&dir);
    let entry = journal.add(sample_entry(1), now()).unwrap().id;
    for day in [2, 3, 4] {
        journal
            .save_checkin(new_checkin(&[("support", day as u8)], None), march(day, 9))
            .unwrap();
    }
    journal.lock();

    let record = stored_records_in(&dir, Table::Checkins)[1].clone();
    let mut envelope = record.envelope.clone();
    let last = envelope.len() - 1;
    envelope[last] ^= 0x01;
    set_envelope(&dir, record.seq, &envelope);
    let damaged_hex = record.id_hex();

    let mut journal = open_journal(&dir, PASSPHRASE);
    let reported: Vec<Option<String>> = journal.damaged().iter().map(|d| d.id.clone()).collect();
    assert_eq!(reported, vec![Some(damaged_hex.clone())]);
    let values: Vec<u8> = journal
        .checkins()
        .iter()
        .map(|c| c.answers[0].value)
        .collect();
    assert_eq!(values, vec![2, 4], "the undamaged check-ins read back");
    assert!(journal.get(&entry).is_ok(), "entries are untouched");
    let report = attune::verify::journal(&journal).unwrap();
    assert_eq!(report.records_checked, 4);
    assert_eq!(report.damaged.len(), 1);
    assert_eq!(report.damaged[0].id.as_deref(), Some(damaged_hex.as_str()));

    // The damaged record can be removed by its id, like a damaged entry.
    let id = CheckinId::from_hex(&damaged_hex).unwrap();
    journal.delete_checkin(&id).unwrap();
    assert!(journal.damaged().is_empty());
    assert_eq!(
        code_of(journal.delete_checkin(&id)),
        ErrorCode::NotFound,
        "gone for good"
    );
    journal.lock();
    let journal = open_journal(&dir, PASSPHRASE);
    assert!(journal.damaged().is_empty());
    assert_eq!(journal.checkins().len(), 2);
}

#[test]
fn purge_also_removes_a_damaged_check_in_but_not_a_readable_one() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = create_journal(&dir);
    let kept = journal
        .save_checkin(new_checkin(&[("sleep", 5)], None), march(2, 9))
        .unwrap()
        .checkin
        .id;
    journal
        .save_checkin(new_checkin(&[("sleep", 6)], None), march(3, 9))
        .unwrap();
    journal.lock();
    let StoredRecord { seq, id, .. } = stored_records_in(&dir, Table::Checkins)[1].clone();
    set_envelope(&dir, seq, &[0]);
    let mut journal = open_journal(&dir, PASSPHRASE);
    assert_eq!(journal.damaged().len(), 1);
    let readable = attune::journal::EntryId(kept.0);
    assert_eq!(code_of(journal.purge(&readable)), ErrorCode::NotFound);
    journal
        .purge(&attune::journal::EntryId(id.try_into().unwrap()))
        .unwrap();
    assert!(journal.damaged().is_empty());
    assert_eq!(journal.checkins().len(), 1);
}

#[test]
fn rotating_the_key_carries_check_ins_over() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = create_journal(&dir);
    journal
        .save_checkin(
            new_checkin(&[("energy", 3)], Some("before rotation")),
            march(2, 9),
        )
        .unwrap();
    journal.vault_mut().rotate_key(&passphrase()).unwrap();
    journal.lock();
    let journal = open_journal(&dir, PASSPHRASE);
    assert!(journal.damaged().is_empty());
    assert_eq!(
        journal.checkins()[0].note.as_deref(),
        Some("before rotation")
    );
}

#[test]
fn strain_reads_harder_and_easier_items_the_same_way() {
    // Energy 10 is easy (strain 0); exhaustion 10 is heavy (strain 10).
    assert_eq!(
        checkin::overall_strain(&answers(&[("energy", 10), ("exhaustion", 10)]), set()),
        Some(5.0)
    );
    assert_eq!(
        checkin::overall_strain(&answers(&[("energy", 0), ("exhaustion", 10)]), set()),
        Some(10.0)
    );
    assert_eq!(
        checkin::overall_strain(&answers(&[("sleep", 10), ("intrusive", 0)]), set()),
        Some(0.0)
    );
    // A mean that is not whole is kept to one decimal: (3 + 0 + 8) / 3 = 3.67.
    assert_eq!(
        checkin::overall_strain(
            &answers(&[("exhaustion", 3), ("support", 10), ("effectiveness", 2)]),
            set()
        ),
        Some(3.7)
    );
    for s in 0..=10 {
        assert_eq!(
            checkin::overall_strain(&answers(&all_at_strain(s)), set()),
            Some(f32::from(s))
        );
    }
}

#[test]
fn trends_give_points_latest_and_average_per_item_with_skipped_items_absent() {
    let checkins = vec![
        stored(2, march(9, 9), &[("energy", 6), ("sleep", 3)]),
        stored(1, march(2, 9), &[("energy", 4), ("exhaustion", 7)]),
        stored(3, march(10, 9), &[("energy", 5)]),
    ];
    let t = trends_of(&checkins, 0, march(10, 12));
    assert_eq!(t.count, 3);
    let ids: Vec<&str> = t.items.iter().map(|i| i.item_id.as_str()).collect();
    let set_ids: Vec<&str> = set().items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, set_ids, "one trend per item, in the set's order");

    let energy = &t.items[0];
    let at: Vec<DateTime<Utc>> = energy.points.iter().map(|p| p.at).collect();
    assert_eq!(
        at,
        vec![march(2, 9), march(9, 9), march(10, 9)],
        "oldest first"
    );
    let values: Vec<u8> = energy.points.iter().map(|p| p.value).collect();
    assert_eq!(values, vec![4, 6, 5]);
    assert_eq!(energy.latest, Some(5));
    assert_eq!(energy.average, Some(5.0));
    assert_eq!(energy.label, "Energy");

    let sleep = t.items.iter().find(|i| i.item_id == "sleep").unwrap();
    assert_eq!(sleep.points.len(), 1);
    assert_eq!((sleep.latest, sleep.average), (Some(3), Some(3.0)));
    let intrusive = t.items.iter().find(|i| i.item_id == "intrusive").unwrap();
    assert!(intrusive.points.is_empty(), "never answered");
    assert_eq!((intrusive.latest, intrusive.average), (None, None));

    // Overall per check-in: (6 + 7) / 2, (4 + 7) / 2, 5.
    let overall: Vec<(DateTime<Utc>, f32)> = t.overall.iter().map(|p| (p.at, p.strain)).collect();
    assert_eq!(
        overall,
        vec![(march(2, 9), 6.5), (march(9, 9), 5.5), (march(10, 9), 5.0)]
    );
}

#[test]
fn weekly_means_group_check_ins_by_monday_weeks() {
    let checkins = vec![
        // Week of Monday 2 March: strains 2 and 6 (Sunday night still counts).
        stored(1, march(2, 0), &all_at_strain(2)),
        stored(2, march(8, 23), &all_at_strain(6)),
        // Week of 9 March: one check-in, strain 9.
        stored(3, march(9, 0), &all_at_strain(9)),
        // Nothing in the week of 16 March; week of 23 March: strains 1, 2, 2.
        stored(4, march(24, 8), &all_at_strain(1)),
        stored(5, march(25, 8), &all_at_strain(2)),
        stored(6, march(27, 8), &all_at_strain(2)),
    ];
    let t = trends_of(&checkins, 0, march(28, 12));
    let weekly: Vec<(NaiveDate, f32, u32)> = t
        .weekly
        .iter()
        .map(|w| (w.week_start, w.overall_mean, w.count))
        .collect();
    let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    assert_eq!(
        weekly,
        vec![(day(2), 4.0, 2), (day(9), 9.0, 1), (day(23), 1.7, 3)]
    );
}

#[test]
fn answers_to_items_no_longer_asked_are_kept_but_left_out_of_trends() {
    let older = stored(1, march(2, 9), &[("energy", 0), ("retired-item", 10)]);
    let only_retired = stored(2, march(3, 9), &[("retired-item", 1)]);
    let checkins = vec![older.clone(), only_retired];
    let t = trends_of(&checkins, 0, march(4, 9));
    assert_eq!(t.count, 2, "both check-ins are in the period");
    assert!(t.items.iter().all(|i| i.item_id != "retired-item"));
    // The retired answer does not pull the overall down: energy 0 alone is strain 10.
    let overall: Vec<f32> = t.overall.iter().map(|p| p.strain).collect();
    assert_eq!(
        overall,
        vec![10.0],
        "a check-in with no known answer has no overall"
    );
    assert_eq!(older.answers.len(), 2, "the retired answer is still held");
    assert!(checkin::suggestions(&answers(&[("retired-item", 10)]), set()).is_empty());
}

#[test]
fn the_weeks_window_limits_the_period_but_not_days_since_last() {
    let checkins = vec![
        stored(1, march(2, 9), &[("energy", 2)]),
        stored(2, march(20, 9), &[("energy", 8)]),
    ];
    let now = march(30, 9);
    let all = trends_of(&checkins, 0, now);
    let recent = trends_of(&checkins, 2, now);
    assert_eq!((all.count, recent.count), (2, 1));
    assert_eq!(recent.items[0].average, Some(8.0));
    assert_eq!(recent.days_since_last, Some(10));
    assert!(!recent.nudge);
    let none_recent = trends_of(&checkins, 1, now);
    assert_eq!(none_recent.count, 0);
    assert!(none_recent.overall.is_empty() && none_recent.weekly.is_empty());
    assert_eq!(none_recent.days_since_last, Some(10));
    // A window wider than the calendar covers everything rather than failing.
    assert_eq!(trends_of(&checkins, u32::MAX, now).count, 2);
}

#[test]
fn moderate_readings_bring_no_suggestions() {
    for s in 0..=5 {
        assert!(
            checkin::suggestions(&answers(&all_at_strain(s)), set()).is_empty(),
            "strain {s}"
        );
    }
    // Two items at strain 6 with the rest light: nothing either.
    let mixed = answers(&[("exhaustion", 6), ("sleep", 4), ("energy", 8)]);
    assert!(checkin::suggestions(&mixed, set()).is_empty());
}

#[test]
fn an_item_suggestion_starts_at_strain_seven_whichever_way_the_item_runs() {
    // Sleep 3 is strain 7; the other answers keep the overall low.
    let at_seven = answers(&[("sleep", 3), ("energy", 10), ("support", 10)]);
    let s = checkin::suggestions(&at_seven, set());
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].item_id.as_deref(), Some("sleep"));
    let at_six = answers(&[("sleep", 4), ("energy", 10), ("support", 10)]);
    assert!(checkin::suggestions(&at_six, set()).is_empty());
    let harder = answers(&[("intrusive", 7), ("energy", 10), ("support", 10)]);
    assert_eq!(
        checkin::suggestions(&harder, set())[0].item_id.as_deref(),
        Some("intrusive")
    );
}

#[test]
fn a_high_overall_reading_suggests_supervision_first_and_at_most_three_in_all() {
    let heavy = answers(&all_at_strain(9));
    let s = checkin::suggestions(&heavy, set());
    assert_eq!(s.len(), 3, "capped");
    assert_eq!(s[0].item_id, None, "the overall suggestion comes first");
    assert!(s[0].text.contains("supervision"), "{}", s[0].text);
    assert!(s.iter().skip(1).all(|x| x.item_id.is_some()));

    // Overall exactly 6 is high; just under is not.
    let six = answers(&[("exhaustion", 6), ("energy", 4)]);
    assert_eq!(checkin::overall_strain(&six, set()), Some(6.0));
    assert_eq!(checkin::suggestions(&six, set())[0].item_id, None);
    let under = answers(&[("exhaustion", 6), ("energy", 5)]);
    assert_eq!(checkin::overall_strain(&under, set()), Some(5.5));
    assert!(checkin::suggestions(&under, set()).is_empty());

    // The heaviest items come first: exhaustion 10 before sleep at strain 8.
    let ordered = answers(&[
        ("sleep", 2),
        ("exhaustion", 10),
        ("energy", 10),
        ("support", 10),
    ]);
    let ids: Vec<Option<String>> = checkin::suggestions(&ordered, set())
        .into_iter()
        .map(|x| x.item_id)
        .collect();
    assert_eq!(ids, vec![Some("exhaustion".into()), Some("sleep".into())]);
}

#[test]
fn saving_returns_the_reading_and_its_suggestions() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut journal, _) = create_journal(&tmp.path().join("journal"));
    let heavy = journal
        .save_checkin(new_checkin(&all_at_strain(8), None), march(2, 9))
        .unwrap();
    assert_eq!(heavy.overall, Some(8.0));
    assert_eq!(heavy.suggestions.len(), 3);
    assert_eq!(heavy.suggestions[0].item_id, None);
    let light = journal
        .save_checkin(new_checkin(&all_at_strain(3), None), march(3, 9))
        .unwrap();
    assert_eq!(light.overall, Some(3.0));
    assert!(light.suggestions.is_empty());
}

#[test]
fn the_nudge_comes_at_fourteen_days_not_thirteen() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut journal, _) = create_journal(&tmp.path().join("journal"));
    let never = journal
        .checkin_trends(&TrendsRequest::default(), march(1, 9))
        .unwrap();
    assert_eq!(
        (never.days_since_last, never.nudge, never.count),
        (None, true, 0)
    );

    let taken = march(2, 9);
    journal
        .save_checkin(new_checkin(&[("energy", 5)], None), taken)
        .unwrap();
    let at = |days: i64| {
        journal
            .checkin_trends(&TrendsRequest::default(), taken + Duration::days(days))
            .unwrap()
    };
    assert_eq!(NUDGE_AFTER_DAYS, 14);
    let thirteen = at(13);
    assert_eq!(
        (thirteen.days_since_last, thirteen.nudge),
        (Some(13), false)
    );
    // Thirteen days and 23 hours is still thirteen whole days.
    let almost = journal
        .checkin_trends(
            &TrendsRequest::default(),
            taken + Duration::days(14) - Duration::minutes(1),
        )
        .unwrap();
    assert!(!almost.nudge);
    let fourteen = at(14);
    assert_eq!((fourteen.days_since_last, fourteen.nudge), (Some(14), true));
    assert!(!at(0).nudge);
}

#[test]
fn invalid_check_ins_are_refused_and_nothing_is_saved() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = create_journal(&dir);
    let bad = [
        ("no answers", new_checkin(&[], Some("only a note"))),
        ("above ten", new_checkin(&[("energy", 11)], None)),
        ("unknown item", new_checkin(&[("mood", 5)], None)),
        ("twice", new_checkin(&[("sleep", 5), ("sleep", 6)], None)),
        (
            "long note",
            new_checkin(&[("sleep", 5)], Some(&"é".repeat(2001))),
        ),
    ];
    for (what, input) in bad {
        let err = journal.save_checkin(input, march(2, 9)).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput, "{what}");
        assert!(
            !err.message.contains("only a note"),
            "{what}: {}",
            err.message
        );
    }
    assert!(journal.checkins().is_empty());
    assert_eq!(checkin_rows_while_open(&journal), 0);

    // The limits themselves are fine: 0 and 10, a note of exactly 2000 characters.
    let ok = journal
        .save_checkin(
            new_checkin(&[("sleep", 0), ("energy", 10)], Some(&"é".repeat(2000))),
            march(2, 9),
        )
        .unwrap();
    assert_eq!(
        ok.checkin.note.as_ref().map(|n| n.chars().count()),
        Some(2000)
    );
    let blank = journal
        .save_checkin(new_checkin(&[("sleep", 5)], Some("   \n ")), march(3, 9))
        .unwrap();
    assert_eq!(blank.checkin.note, None, "a blank note is no note");
}

#[test]
fn check_ins_stay_in_time_order_and_can_be_deleted() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = create_journal(&dir);
    let late = journal
        .save_checkin(new_checkin(&[("energy", 1)], None), march(9, 9))
        .unwrap()
        .checkin
        .id;
    // A clock set back: the earlier check-in still sorts first.
    journal
        .save_checkin(new_checkin(&[("energy", 2)], None), march(2, 9))
        .unwrap();
    let values: Vec<u8> = journal
        .checkins()
        .iter()
        .map(|c| c.answers[0].value)
        .collect();
    assert_eq!(values, vec![2, 1]);
    let newest_first = journal
        .checkins_since(&TrendsRequest::default(), march(10, 9))
        .unwrap();
    assert_eq!(newest_first[0].id, late);

    journal.delete_checkin(&late).unwrap();
    assert_eq!(code_of(journal.delete_checkin(&late)), ErrorCode::NotFound);
    journal.lock();
    let journal = open_journal(&dir, PASSPHRASE);
    let values: Vec<u8> = journal
        .checkins()
        .iter()
        .map(|c| c.answers[0].value)
        .collect();
    assert_eq!(values, vec![2]);
}

#[test]
fn a_heavy_stretch_lasts_after_three_heavy_check_ins_in_a_row() {
    let heavy = all_at_strain(7);
    let light = all_at_strain(3);
    let two = [
        stored(1, march(2, 9), &heavy),
        stored(2, march(3, 9), &heavy),
    ];
    assert!(!checkin::long_heavy_stretch(&two, set()));
    let mut three = two.to_vec();
    three.push(stored(3, march(4, 9), &heavy));
    assert!(checkin::long_heavy_stretch(&three, set()));
    // The order they are given in does not matter; time does.
    three.reverse();
    assert!(checkin::long_heavy_stretch(&three, set()));
    // A lighter check-in last breaks the run.
    let mut broken = three.clone();
    broken.push(stored(4, march(5, 9), &light));
    assert!(!checkin::long_heavy_stretch(&broken, set()));
    // "Heavy" is where the overall suggestion starts: 6 is heavy, 5 is not.
    let at = |s: u8| -> Vec<Checkin> {
        (1..=3)
            .map(|n| stored(n, march(u32::from(n) + 1, 9), &all_at_strain(s)))
            .collect()
    };
    assert!(checkin::long_heavy_stretch(&at(6), set()));
    assert!(!checkin::long_heavy_stretch(&at(5), set()));
}

#[test]
fn a_heavy_stretch_lasts_after_four_heavy_weeks_even_with_a_lighter_day_in_them() {
    let heavy = all_at_strain(8);
    let light = all_at_strain(3);
    // Mondays 2, 9, 16 and 23 March: each week a heavy check-in, the last week also a
    // lighter one afterwards.
    let mut weeks = vec![
        stored(1, march(2, 9), &heavy),
        stored(2, march(9, 9), &heavy),
        stored(3, march(16, 9), &heavy),
        stored(4, march(23, 9), &heavy),
        stored(5, march(24, 9), &all_at_strain(5)),
    ];
    // The last check-in is not heavy, so the run of three is broken; four heavy weeks
    // (8, 8, 8, and 6.5) still count.
    assert!(checkin::long_heavy_stretch(&weeks, set()));
    weeks.push(stored(6, march(25, 9), &light));
    // Week of the 23rd: 8, 5 and 3 average 5.3, no longer heavy.
    assert!(!checkin::long_heavy_stretch(&weeks, set()));
    // Three heavy weeks (8, 8, and 6.5) with a lighter last check-in are not enough.
    let three_weeks = [
        stored(1, march(2, 9), &heavy),
        stored(2, march(9, 9), &heavy),
        stored(3, march(16, 9), &heavy),
        stored(4, march(16, 10), &all_at_strain(5)),
    ];
    assert!(!checkin::long_heavy_stretch(&three_weeks, set()));
}

#[test]
fn saving_and_trends_say_when_a_heavy_stretch_has_lasted() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = create_journal(&dir);
    let heavy = || new_checkin(&all_at_strain(7), None);
    assert!(
        !journal
            .save_checkin(heavy(), march(2, 9))
            .unwrap()
            .long_heavy_stretch
    );
    assert!(
        !journal
            .save_checkin(heavy(), march(3, 9))
            .unwrap()
            .long_heavy_stretch
    );
    assert!(
        journal
            .save_checkin(heavy(), march(4, 9))
            .unwrap()
            .long_heavy_stretch
    );
    // The trends judge every check-in, whatever the period shown.
    let now = march(30, 9);
    assert!(
        journal
            .checkin_trends(&TrendsRequest { weeks: 1 }, now)
            .unwrap()
            .long_heavy_stretch
    );
    assert!(
        !journal
            .save_checkin(new_checkin(&all_at_strain(2), None), march(5, 9))
            .unwrap()
            .long_heavy_stretch
    );
    assert!(
        !journal
            .checkin_trends(&TrendsRequest { weeks: 0 }, now)
            .unwrap()
            .long_heavy_stretch
    );
}
