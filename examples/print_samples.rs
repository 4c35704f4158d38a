//! Every printed document from fixture data, written to a folder to look at (render the
//! pages with `pdftoppm -r 60 -png`), and the time to typeset a 50-session hours
//! statement: `cargo run --release --example print_samples -- OUT_DIR`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use attune::journal::SessionFormat;
use attune::print::{
    Agenda, AgendaItem, Confirmation, Delivery, Document, HoursStatement, PageSetup, Paper,
    PrepSheet, SessionFacts, TrainingRecord, TrainingRow, TrainingTopic,
};
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// `n` sessions through 2026: individual most weeks, a group each month.
fn sessions(n: usize) -> Vec<SessionFacts> {
    (0..n)
        .map(|i| {
            let group = i % 4 == 3;
            SessionFacts {
                date: day(2026, 1, 5) + chrono::Days::new(i as u64 * 7),
                minutes: if group { 90 } else { 60 },
                format: if group {
                    SessionFormat::Group
                } else {
                    SessionFormat::Individual
                },
                provider: if group {
                    "Tuesday reflective group".into()
                } else {
                    "Dr. Maria Rivera".into()
                },
                credential: (i % 3 != 0).then(|| "IMH-E® Mentor–Clinical".to_string()),
                delivery: Some(if i % 2 == 0 {
                    Delivery::InPerson
                } else {
                    Delivery::Video
                }),
                confirmation: match i % 5 {
                    0 => None,
                    1 => Some(Confirmation::Waiting),
                    _ => Some(Confirmation::Confirmed),
                },
            }
        })
        .collect()
}

fn main() {
    let out = std::path::PathBuf::from(std::env::args().nth(1).expect("an output folder"));
    std::fs::create_dir_all(&out).unwrap();
    let page = PageSetup::new(Paper::Letter, day(2026, 12, 4));
    let write = |name: &str, bytes: Vec<u8>| std::fs::write(out.join(name), bytes).unwrap();

    let hours = HoursStatement::new(
        page.clone(),
        day(2026, 1, 1),
        day(2026, 12, 31),
        sessions(24),
    );
    write("hours.pdf", hours.pdf().unwrap());

    let training = TrainingRecord::new(
        page.clone(),
        2026,
        vec![
            TrainingRow::new(
                day(2026, 2, 12),
                "Reflective supervision: holding the holder",
                "Michigan AIMH",
                360,
                &[TrainingTopic::Rsc],
            ),
            TrainingRow::new(
                day(2026, 4, 3),
                "Equity and bias in home visiting",
                "Alliance for the Advancement of IMH",
                180,
                &[TrainingTopic::Dei, TrainingTopic::Rsc],
            ),
            TrainingRow::new(
                day(2026, 6, 20),
                "Infant sleep and safe sleep update",
                "County health department",
                120,
                &[TrainingTopic::Other],
            ),
            TrainingRow::new(
                day(2026, 9, 9),
                "Perinatal mood disorders",
                "State hospital",
                240,
                &[TrainingTopic::Other],
            ),
        ],
    );
    write("training.pdf", training.pdf().unwrap());

    let mut prep = PrepSheet::new(page.clone(), Some(day(2026, 12, 9)), &[]);
    prep.with_whom = Some("Dr. Maria Rivera".into());
    prep.bring = Some("The visit where the baby turned away from the bottle and I felt myself rushing.\n\nHow to hold the father's anger without taking a side.".into());
    write("prep.pdf", prep.pdf().unwrap());

    let mut agenda = Agenda::new(
        page,
        "Sam",
        Some(day(2026, 12, 10)),
        vec![
            AgendaItem {
                date: "Nov 28, 2026".into(),
                title: "The bottle and the rush".into(),
                responses: 1,
            },
            AgendaItem {
                date: "Dec 2, 2026".into(),
                title: "A father's anger".into(),
                responses: 0,
            },
        ],
    );
    agenda.planning_note = Some("Start with how the week has been. Notice the pace.".into());
    write("agenda.pdf", agenda.pdf().unwrap());

    // The time to typeset a 50-session statement (the first run also parses the fonts).
    let fifty = HoursStatement::new(
        PageSetup::new(Paper::Letter, day(2026, 12, 4)),
        day(2026, 1, 1),
        day(2026, 12, 31),
        sessions(50),
    );
    let start = Instant::now();
    let first = fifty.pdf().unwrap();
    let cold = start.elapsed();
    let runs = 10;
    let start = Instant::now();
    for _ in 0..runs {
        fifty.pdf().unwrap();
    }
    let warm = start.elapsed() / runs;
    write("hours-50.pdf", first);
    println!("50-session hours statement: first {cold:?} (fonts parsed), then {warm:?} each ({runs} runs)");
}
