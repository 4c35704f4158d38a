//! endorsement: the figures for a target, the choice of association and category, and
//! the application CSVs.

use attune::api::{
    endorsement, ApplicationCsv, EndorsementCsvRequest, EndorsementRequest, WriteMode,
};
use attune::journal::endorsement::EndorsementReport;
use attune::Error;

use super::Ctx;
use crate::cli::EndorsementArgs;
use crate::output;

fn hours(minutes: u32) -> String {
    trim(f64::from(minutes) / 60.0)
}

fn trim(h: f64) -> String {
    let text = format!("{h:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

pub fn endorsement(ctx: &mut Ctx, args: EndorsementArgs) -> Result<(), Error> {
    if args.list {
        let data = endorsement::data();
        if ctx.json {
            return output::json(&data);
        }
        println!("Categories:");
        for c in &data.rules.categories {
            println!("  {:<9} {}", c.short, c.name);
        }
        println!();
        println!("Associations (gathered {}):", data.associations.gathered);
        for a in &data.associations.associations {
            println!(
                "  {:<14} {}{}",
                a.id,
                a.name,
                if a.region.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", a.region)
                }
            );
        }
        println!();
        println!("{}", data.associations.note);
        return Ok(());
    }
    for path in [&args.sessions_csv, &args.training_csv]
        .into_iter()
        .flatten()
    {
        attune::api::files::refuse_existing(path)?;
    }
    let req = EndorsementRequest {
        category: args.category.clone(),
        renewal_year: args.renewal,
    };
    let mut journal = ctx.unlock()?;
    let setting = args.set_association.is_some()
        || args.set_category.is_some()
        || args.set_due.is_some()
        || args.set_rsc_hours.is_some()
        || args.set_training_hours.is_some();
    if setting {
        let mut choice = journal.settings()?.endorsement.unwrap_or_default();
        if let Some(a) = args.set_association {
            choice.association = Some(a.trim().to_ascii_lowercase());
        }
        if let Some(c) = args.set_category {
            let found = attune::journal::endorsement::category(&c)
                .ok_or_else(|| Error::invalid("That Endorsement category is not on the list; `attune endorsement --list` shows them."))?;
            choice.category = Some(found.id.clone());
        }
        if let Some(d) = args.set_due {
            choice.renewal_due = Some(d.trim().to_string());
        }
        if let Some(h) = args.set_rsc_hours {
            choice.rsc_hours = Some(h);
        }
        if let Some(h) = args.set_training_hours {
            choice.training_hours = Some(h);
        }
        endorsement::choose(&mut journal, choice)?;
    }
    let report = endorsement::report(&journal, &req)?;
    for (what, path) in [
        (ApplicationCsv::Sessions, &args.sessions_csv),
        (ApplicationCsv::Training, &args.training_csv),
    ] {
        if let Some(path) = path {
            let csv = EndorsementCsvRequest {
                what,
                target: req.clone(),
            };
            endorsement::save_csv(&journal, &csv, path, WriteMode::NewOnly)?;
        }
    }
    if ctx.json {
        return output::json(&report);
    }
    print_report(&report);
    for path in [&args.sessions_csv, &args.training_csv]
        .into_iter()
        .flatten()
    {
        println!("Wrote {}.", path.display());
    }
    Ok(())
}

fn print_report(r: &EndorsementReport) {
    match r.year {
        Some(year) => println!(
            "{}: renewal {year}, {} to {}{}",
            r.category_name,
            r.from,
            r.to,
            r.due.map(|d| format!(" (due {d})")).unwrap_or_default()
        ),
        None => println!("{}: earning, {} to {}", r.category_name, r.from, r.to),
    }
    if let Some(a) = &r.association_name {
        println!("Association: {a}");
    }
    println!();
    let rsc = &r.rsc;
    match rsc.required_hours {
        Some(req) => println!(
            "RS/C received: {} of {req} hours",
            hours(rsc.counted_minutes)
        ),
        None => println!(
            "RS/C received: {} hours (none required)",
            hours(rsc.counted_minutes)
        ),
    }
    println!(
        "  individual {}, group {}",
        hours(rsc.individual_minutes),
        hours(rsc.group_minutes)
    );
    if let Some(main) = rsc.providers.first() {
        println!(
            "  main provider {}: {}; others: {}",
            main.name,
            hours(rsc.main_provider_minutes),
            hours(rsc.other_providers_minutes)
        );
    }
    if rsc.peer_minutes > 0 {
        println!(
            "  left out: {} hours of peer consultation",
            hours(rsc.peer_minutes)
        );
    }
    let t = &r.training;
    match t.required_hours {
        Some(req) => println!("Training: {} of {req} hours", trim(t.hours)),
        None => println!("Training: {} hours", trim(t.hours)),
    }
    for topic in t
        .topics
        .iter()
        .filter(|x| x.hours > 0.0 || x.minimum.is_some())
    {
        match topic.minimum {
            Some(min) => println!("  {}: {} of {min}", topic.label, trim(topic.hours)),
            None => println!("  {}: {}", topic.label, trim(topic.hours)),
        }
    }
    println!();
    if r.missing.is_empty() {
        println!("Nothing missing by these figures.");
    } else {
        println!("Still missing:");
        for m in &r.missing {
            println!("  - {m}");
        }
    }
    for n in &r.notes {
        println!("Note: {n}");
    }
    println!();
    println!("{}", r.caveat);
}
