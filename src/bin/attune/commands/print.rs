//! print reflections|hours|training|prep|agenda: PDFs through the api's print area.

use std::path::Path;

use attune::api::print::{
    self, PrintAgendaRequest, PrintHoursRequest, PrintPrepRequest, PrintReflectionsRequest,
};
use attune::api::{self, WriteMode};
use attune::Error;

use super::Ctx;
use crate::cli::{PrintAction, PrintOut};
use crate::input::parse_date;
use crate::output::{count, looks, s};

/// The file to write: named, and not there yet (checked before the passphrase).
fn out_of(out: &PrintOut) -> Result<&Path, Error> {
    let path = out
        .out
        .as_deref()
        .ok_or_else(|| Error::invalid("Name the PDF to write with --out FILE.pdf."))?;
    api::files::refuse_existing(path)?;
    Ok(path)
}

pub fn print(ctx: &mut Ctx, action: PrintAction) -> Result<(), Error> {
    match action {
        PrintAction::Reflections { ids, from, to, out } => {
            let path = out_of(&out)?;
            let from = from.as_deref().map(parse_date).transpose()?;
            let to = to.as_deref().map(parse_date).transpose()?;
            let journal = ctx.unlock()?;
            let entry_ids = ids
                .iter()
                .map(|typed| api::entries::resolve(&journal, typed))
                .collect::<Result<Vec<_>, Error>>()?;
            // As for export: a script has no one to review with, so the count of
            // identifying passages follows the file (and `attune deid` shows them).
            let req = PrintReflectionsRequest {
                entry_ids,
                from,
                to,
                reviewed: true,
                paper: out.paper,
            };
            let n = print::chosen_reflections(&journal, &req)?.len();
            eprintln!(
                "attune: warning: the PDF is NOT encrypted. Anyone who can read {} can read these reflections. Delete it when you are done.",
                path.display()
            );
            print::save_reflections(&journal, &req, path, WriteMode::NewOnly)?;
            println!(
                "Wrote {} to {}.",
                count(n, "reflection", "reflections"),
                path.display()
            );
            note_findings(print::reflections_review(&journal, &req)?.findings.len());
        }
        PrintAction::Hours { from, to, out } => {
            let path = out_of(&out)?;
            let req = PrintHoursRequest {
                from: parse_date(&from)?,
                to: parse_date(&to)?,
                paper: out.paper,
            };
            let journal = ctx.unlock()?;
            let statement =
                print::hours_statement(&journal, &req, chrono::Local::now().date_naive())?;
            print::save_hours(&journal, &req, path, WriteMode::NewOnly)?;
            println!(
                "Wrote the hours statement to {}: {} received, {} hours (dates, hours, formats and providers; no notes).",
                path.display(),
                count(statement.total.sessions as usize, "session", "sessions"),
                statement.total.hours
            );
        }
        PrintAction::Training { year, out } => {
            let path = out_of(&out)?;
            let journal = ctx.unlock()?;
            let record = print::training_record(&journal, year, out.paper)?;
            print::save_training(&journal, year, out.paper, path, WriteMode::NewOnly)?;
            println!(
                "Wrote the training record of {year} to {}: {}, {} hours.",
                path.display(),
                count(record.rows.len(), "training", "trainings"),
                record.total.hours
            );
        }
        PrintAction::Prep { date, out } => {
            let path = out_of(&out)?;
            let req = PrintPrepRequest {
                session_date: date.as_deref().map(parse_date).transpose()?,
                reviewed: true,
                paper: out.paper,
            };
            let journal = ctx.unlock()?;
            let sheet = print::prep_sheet(&journal, &req, chrono::Local::now().date_naive())?;
            print::save_prep(&journal, &req, path, WriteMode::NewOnly)?;
            println!(
                "Wrote the prep sheet to {}, naming {} flagged to bring.",
                path.display(),
                count(sheet.reflections.len(), "reflection", "reflections")
            );
            note_findings(print::prep_review(&journal)?.findings.len());
        }
        PrintAction::Agenda { with, date, out } => {
            let path = out_of(&out)?;
            let req = PrintAgendaRequest {
                contact_id: with,
                session_date: date.as_deref().map(parse_date).transpose()?,
                paper: out.paper,
            };
            let mut journal = ctx.unlock()?;
            print::save_agenda(&mut journal, &req, path, WriteMode::NewOnly)?;
            println!("Wrote the agenda to {}.", path.display());
        }
    }
    Ok(())
}

fn note_findings(n: usize) {
    if n > 0 {
        eprintln!(
            "attune: note: {n} passage{} {} identifying (names, phone numbers, addresses, dates of birth, record numbers). Review the paper before you bring it anywhere.",
            s(n),
            looks(n)
        );
    }
}
