//! prompts list|show, insights.

use attune::api::packs;
use attune::prompts::{self, AnswerType, InsightsRequest, PackRequest, PromptPack};
use attune::Error;
use chrono::NaiveDate;

use super::Ctx;
use crate::cli::PromptsAction;
use crate::output;

pub fn prompts(ctx: &mut Ctx, action: PromptsAction) -> Result<(), Error> {
    match action {
        PromptsAction::List { custom } => {
            let packs = if custom {
                packs::list(&ctx.unlock()?)?
            } else {
                packs::list_built_in()?
            };
            if ctx.json {
                return output::json(&packs);
            }
            for p in &packs {
                println!(
                    "{:<28} {:>2} min  {}{}",
                    p.id,
                    p.minutes,
                    p.title,
                    if p.custom { "  (yours)" } else { "" }
                );
            }
            if !custom {
                println!("(`attune prompts list --custom` adds your own packs.)");
            }
        }
        PromptsAction::Show { id, version } => {
            let req = PackRequest { id, version };
            // Built-in packs need no passphrase; only a custom pack opens the journal.
            let pack = match packs::get_built_in(&req)? {
                Some(pack) => pack,
                None => packs::get(&ctx.unlock()?, &req)?,
            };
            if ctx.json {
                return output::json(&pack);
            }
            print_pack(&pack);
        }
    }
    Ok(())
}

pub fn insights(ctx: &mut Ctx, weeks: u32) -> Result<(), Error> {
    let journal = ctx.unlock()?;
    let found = packs::insights(&journal, &InsightsRequest { weeks })?;
    if ctx.json {
        return output::json(&found);
    }
    print_insights(&found);
    Ok(())
}

fn print_pack(pack: &PromptPack) {
    println!("{} ({}, version {})", pack.title, pack.id, pack.version);
    let theme = pack
        .theme
        .map(|t| format!(" · {}", t.label()))
        .unwrap_or_default();
    println!("About {} minutes{theme}", pack.minutes);
    println!();
    println!("{}", pack.purpose);
    println!("When to use it: {}", pack.when_to_use);
    println!();
    let print_prompt = |marker: &str, p: &prompts::Prompt| {
        println!("{marker} {}", p.text);
        println!("   {}", p.help);
        match &p.answer {
            AnswerType::Scale {
                low_label,
                high_label,
            } => println!("   Answer 0 ({low_label}) to 10 ({high_label})."),
            AnswerType::Choice { options } => println!("   Choose: {}.", options.join(" / ")),
            AnswerType::Plan => println!("   Answer with a small step and a date."),
            AnswerType::LongText | AnswerType::ShortText => {}
        }
        for example in &p.examples {
            println!("   e.g. {example}");
        }
        println!(
            "   [{}: {} · {}]",
            p.id,
            p.element.label(),
            p.task.label().to_lowercase()
        );
        println!();
    };
    if pack.is_heavy() {
        println!("You can stop at any question and go straight to the closing step.");
        println!();
    }
    if let Some(opening) = &pack.opening {
        print_prompt("To begin:", opening);
    }
    for (i, p) in pack.prompts.iter().enumerate() {
        print_prompt(&format!("{}.", i + 1), p);
    }
    print_prompt("To close:", &pack.closing);
}

fn print_insights(found: &prompts::Insights) {
    println!(
        "The last {} weeks ({} to {}): {} entr{}.",
        found.weeks,
        found.from,
        found.to,
        found.entries,
        if found.entries == 1 { "y" } else { "ies" }
    );
    println!("{}", found.about);
    let since = |last: Option<NaiveDate>, days: Option<u32>| match (last, days) {
        (Some(d), Some(0)) => format!("{d} (today)"),
        (Some(d), Some(n)) => format!("{d} ({n} days ago)"),
        _ => "not yet".to_string(),
    };
    println!();
    println!("Elements of reflective work (answers in the window; last time it came up):");
    for e in &found.elements {
        println!(
            "  {:<32} {:>3}   {}",
            e.label,
            e.answers,
            since(e.last, e.days_since)
        );
    }
    println!();
    println!("Themes (entries in the window; last time):");
    for t in &found.themes {
        println!(
            "  {:<38} {:>3}   {}",
            t.label,
            t.entries,
            since(t.last, t.days_since)
        );
    }
    println!();
    if found.carrying.is_empty() {
        println!("How heavy things have felt: no ratings in this window.");
    } else {
        println!("How heavy things have felt (0 to 10, mean per week):");
        for w in &found.carrying {
            println!(
                "  {}  {:>4.1}  ({} rating{})",
                w.week,
                w.mean,
                w.count,
                if w.count == 1 { "" } else { "s" }
            );
        }
    }
    if !found.observations.is_empty() {
        println!();
        for o in &found.observations {
            println!("- {}", o.text);
        }
    }
}
