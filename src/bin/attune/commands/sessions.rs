//! sessions add|list|hours|delete.

use attune::api::{sessions, HoursRequest, SessionRef, SessionsRequest, WriteMode};
use attune::journal::{
    HoursSummary, SessionDetails, SessionInput, SessionRole, SupervisionSession,
};
use attune::Error;
use chrono::{Datelike, NaiveDate};

use super::Ctx;
use crate::cli::SessionsAction;
use crate::input::parse_date;
use crate::output::{self, s, short};

pub fn sessions(ctx: &mut Ctx, action: SessionsAction) -> Result<(), Error> {
    match action {
        SessionsAction::Add {
            date,
            minutes,
            format,
            with_whom,
            giving,
            entries,
            notes,
            details,
        } => {
            let date = parse_date(&date)?;
            let mut journal = ctx.unlock()?;
            let entries_discussed = entries
                .iter()
                .map(|typed| attune::api::entries::resolve(&journal, typed))
                .collect::<Result<Vec<_>, Error>>()?;
            let session = sessions::save(
                &mut journal,
                SessionInput {
                    id: None,
                    date,
                    minutes,
                    format,
                    with_whom,
                    role: if giving {
                        SessionRole::Giving
                    } else {
                        SessionRole::Receiving
                    },
                    entries_discussed,
                    notes,
                    details: SessionDetails {
                        provider_name: details.provider,
                        provider_credential: details.credential,
                        delivery: details.delivery,
                        facilitator: details.facilitator,
                        group_size: details.group_size,
                        presented: details.presented.then_some(true),
                        peer: details.peer,
                        counts_toward_endorsement: !details.not_counting,
                    },
                },
            )?;
            println!("{}", session.id);
        }
        SessionsAction::List { year } => {
            let journal = ctx.unlock()?;
            let found = sessions::list(&journal, &SessionsRequest { year })?;
            if ctx.json {
                return output::json(&found);
            }
            print_sessions(&found, year);
        }
        SessionsAction::Hours { year, target, csv } => {
            let req = HoursRequest {
                year: year.unwrap_or_else(|| chrono::Local::now().year()),
            };
            if let Some(path) = &csv {
                attune::api::files::refuse_existing(path)?;
            }
            let mut journal = ctx.unlock()?;
            if let Some(target) = target {
                sessions::set_hours_target(&mut journal, target)?;
            }
            let summary = sessions::hours(&journal, &req)?;
            if let Some(path) = &csv {
                sessions::save_hours_csv(&journal, &req, path, WriteMode::NewOnly)?;
            }
            if ctx.json {
                return output::json(&summary);
            }
            print_hours(&summary);
            if let Some(path) = &csv {
                println!(
                    "Wrote {} session{} of {} to {} (dates, durations and names; no notes).",
                    summary.sessions,
                    s(summary.sessions as usize),
                    req.year,
                    path.display()
                );
            }
        }
        SessionsAction::Delete { id } => {
            let mut journal = ctx.unlock()?;
            let id = sessions::resolve(&journal, &id)?;
            sessions::delete(&mut journal, &SessionRef { id })?;
            println!("Deleted for good.");
        }
    }
    Ok(())
}

/// Minutes as hours, without trailing zeros: 450 is "7.5", 720 is "12", 20 is "0.33".
fn hours_of(minutes: u32) -> String {
    let text = format!("{:.2}", f64::from(minutes) / 60.0);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn hours_word(minutes: u32) -> &'static str {
    if minutes == 60 {
        "hour"
    } else {
        "hours"
    }
}

fn print_sessions(sessions: &[SupervisionSession], year: Option<i32>) {
    if sessions.is_empty() {
        match year {
            Some(y) => println!("No sessions in {y}."),
            None => println!("No sessions yet. `attune sessions add` logs one."),
        }
        return;
    }
    for s in sessions {
        println!(
            "{}  {}  {:>4} min  {:<10}  {:<9}  {}{}{}{}",
            short(&s.id.to_hex()),
            s.date,
            s.minutes,
            s.format.as_str(),
            s.role.as_str(),
            s.with_whom,
            match (&s.details.provider_name, &s.details.provider_credential) {
                (Some(p), Some(c)) => format!("  (provider: {p}, {c})"),
                (Some(p), None) => format!("  (provider: {p})"),
                (None, Some(c)) => format!("  ({c})"),
                (None, None) => String::new(),
            } + if s.details.peer {
                "  (peer)"
            } else if !s.details.counts_toward_endorsement {
                "  (not counting)"
            } else {
                ""
            },
            match s.entries_discussed.len() {
                0 => String::new(),
                1 => "  (1 entry)".to_string(),
                n => format!("  ({n} entries)"),
            },
            if s.notes.is_some() { "  (notes)" } else { "" }
        );
    }
}

fn print_hours(summary: &HoursSummary) {
    let year = summary.year;
    let received = hours_of(summary.received_minutes);
    match (summary.target_hours, summary.progress) {
        (Some(target), Some(progress)) => println!(
            "{received} of {target} hours in {year} ({}%)",
            (progress * 100.0).floor()
        ),
        _ => println!(
            "{received} {} received in {year}. `--target N` sets a yearly goal (renewal often asks 12).",
            hours_word(summary.received_minutes)
        ),
    }
    if summary.given_minutes > 0 {
        println!(
            "{} {} given as supervisor (not counted towards the target).",
            hours_of(summary.given_minutes),
            hours_word(summary.given_minutes)
        );
    }
    if summary.sessions == 0 {
        return;
    }
    println!();
    println!("{:<6} {:>9} {:>7}", "month", "received", "given");
    for m in summary
        .by_month
        .iter()
        .filter(|m| m.received_minutes > 0 || m.given_minutes > 0)
    {
        let name = NaiveDate::from_ymd_opt(year, m.month, 1)
            .map_or_else(|| m.month.to_string(), |d| d.format("%b").to_string());
        println!(
            "{:<6} {:>9} {:>7}",
            name,
            hours_of(m.received_minutes),
            hours_of(m.given_minutes)
        );
    }
}
