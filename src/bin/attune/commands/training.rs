//! training add|list|delete|attach|certificate.

use attune::api::{training, TrainingRef};
use attune::journal::training::check_certificate;
use attune::journal::{Training, TrainingInput};
use attune::Error;

use super::Ctx;
use crate::cli::TrainingAction;
use crate::input::parse_date;
use crate::output::{self, short};

pub fn training(ctx: &mut Ctx, action: TrainingAction) -> Result<(), Error> {
    match action {
        TrainingAction::Add {
            title,
            provider,
            date,
            hours,
            topics,
            notes,
            certificate,
        } => {
            let date = parse_date(&date)?;
            // A certificate that will not attach is refused before anything is written.
            let cert = match &certificate {
                Some(path) => {
                    let bytes = zeroize::Zeroizing::new(training::read_certificate_file(path)?);
                    check_certificate(&bytes)?;
                    Some(path)
                }
                None => None,
            };
            let mut journal = ctx.unlock()?;
            let saved = training::save(
                &mut journal,
                TrainingInput {
                    id: None,
                    title,
                    provider,
                    date,
                    hours,
                    topics,
                    notes,
                },
            )?;
            if let Some(path) = cert {
                training::attach_certificate(&mut journal, &TrainingRef { id: saved.id }, path)?;
            }
            println!("{}", saved.id);
        }
        TrainingAction::List => {
            let journal = ctx.unlock()?;
            let found = training::list(&journal)?;
            if ctx.json {
                return output::json(&found);
            }
            print_trainings(&found);
        }
        TrainingAction::Delete { id } => {
            let mut journal = ctx.unlock()?;
            let id = training::resolve(&journal, &id)?;
            training::delete(&mut journal, &TrainingRef { id })?;
            println!("Deleted for good, with its certificate.");
        }
        TrainingAction::Attach { id, file } => {
            let mut journal = ctx.unlock()?;
            let id = training::resolve(&journal, &id)?;
            let saved = training::attach_certificate(&mut journal, &TrainingRef { id }, &file)?;
            if let Some(c) = &saved.certificate {
                println!(
                    "Attached {} ({} KB), kept encrypted in the journal. The file you chose is left as it was.",
                    c.file_name,
                    c.bytes.div_ceil(1024)
                );
            }
        }
        TrainingAction::Certificate { id, out } => {
            attune::api::files::refuse_existing(&out)?;
            let journal = ctx.unlock()?;
            let id = training::resolve(&journal, &id)?;
            training::save_certificate(&journal, &TrainingRef { id }, &out)?;
            println!("Saved the certificate to {}.", out.display());
        }
    }
    Ok(())
}

fn print_trainings(trainings: &[Training]) {
    if trainings.is_empty() {
        println!("No trainings yet. `attune training add` logs one.");
        return;
    }
    for t in trainings {
        let hours = format!("{:.2}", t.hours);
        let hours = hours.trim_end_matches('0').trim_end_matches('.');
        println!(
            "{}  {}  {:>6} h  {}  ({}){}{}",
            short(&t.id.to_hex()),
            t.date,
            hours,
            t.title,
            t.provider,
            if t.topics.is_empty() {
                String::new()
            } else {
                format!("  [{}]", t.topics.join(", "))
            },
            if t.certificate.is_some() {
                "  (certificate)"
            } else {
                ""
            }
        );
    }
}
