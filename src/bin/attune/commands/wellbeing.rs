//! checkin, trends.

use attune::api::wellbeing;
use attune::journal::{CheckinAnswer, Direction, ItemSet, NewCheckin, Trends, TrendsRequest};
use attune::Error;

use super::Ctx;
use crate::cli::CheckinArgs;
use crate::input::parse_json;
use crate::output::{self, short};

pub fn checkin(ctx: &mut Ctx, args: CheckinArgs) -> Result<(), Error> {
    let set = ItemSet::builtin()?;
    if args.questions {
        print_questions(set);
        return Ok(());
    }
    if args.answers.is_some() && !ctx.json {
        return Err(Error::invalid(
            "Answers as one JSON object go with --json, for example `attune checkin --json '{\"energy\": 6}'`.",
        ));
    }
    // Answers given as flags or inline JSON are checked before the passphrase is asked;
    // JSON from standard input comes after the passphrase line.
    let inline = match args.answers.as_deref() {
        Some("-") => None,
        Some(text) => Some(from_json(text)?),
        None if ctx.json => {
            if args.flags().iter().any(|(_, v)| v.is_some()) || args.note.is_some() {
                return Err(Error::invalid(
                    "Give the answers as flags or as JSON, not both.",
                ));
            }
            None
        }
        None => Some(from_flags(&args)?),
    };
    let mut journal = ctx.unlock()?;
    let new = match inline {
        Some(new) => new,
        None => from_json(&ctx.input.rest()?)?,
    };
    let saved = wellbeing::save(&mut journal, new)?;
    println!(
        "Saved your check-in ({}).",
        short(&saved.checkin.id.to_hex())
    );
    if let Some(overall) = saved.overall {
        println!("Overall: {overall:.1} of 10 (0 feels light, 10 feels heavy).");
    }
    for s in &saved.suggestions {
        println!("  - {}", s.text);
    }
    if saved.long_heavy_stretch {
        println!("{}", set.long_stretch);
    }
    println!("{}", set.reminder);
    Ok(())
}

pub fn trends(ctx: &mut Ctx, weeks: u32) -> Result<(), Error> {
    let journal = ctx.unlock()?;
    let trends = wellbeing::trends(&journal, &TrendsRequest { weeks })?;
    if ctx.json {
        return output::json(&trends);
    }
    print_trends(&trends, weeks)
}

fn from_json(text: &str) -> Result<NewCheckin, Error> {
    wellbeing::checkin_from_json(parse_json(text, "check-in")?)
}

fn from_flags(args: &CheckinArgs) -> Result<NewCheckin, Error> {
    let answers: Vec<CheckinAnswer> = args
        .flags()
        .into_iter()
        .filter_map(|(id, value)| {
            value.map(|value| CheckinAnswer {
                item_id: id.to_string(),
                value,
            })
        })
        .collect();
    if answers.is_empty() {
        return Err(Error::invalid(
            "Give at least one answer, for example `attune checkin --energy 6 --sleep 4`. `attune checkin --questions` shows them all.",
        ));
    }
    Ok(NewCheckin {
        answers,
        note: args.note.clone(),
    })
}

fn print_questions(set: &ItemSet) {
    println!("{}", set.about);
    for item in &set.items {
        println!();
        println!("--{}  {}", item.id, item.question);
        println!("    {}", item.help);
        println!("    0 = {}, 10 = {}", item.low_label, item.high_label);
    }
    println!();
    println!("Skip any question you like. --note TEXT adds a short note, kept encrypted.");
}

fn days_ago(days: u32) -> String {
    match days {
        0 => "today".to_string(),
        1 => "yesterday".to_string(),
        n => format!("{n} days ago"),
    }
}

fn print_trends(trends: &Trends, weeks: u32) -> Result<(), Error> {
    let set = ItemSet::builtin()?;
    let Some(days) = trends.days_since_last else {
        println!("No check-ins yet. `attune checkin --questions` shows the questions; answering takes about two minutes.");
        return Ok(());
    };
    let period = if weeks == 0 {
        String::new()
    } else {
        format!(
            " in the last {weeks} week{}",
            if weeks == 1 { "" } else { "s" }
        )
    };
    println!(
        "{} check-in{}{period}. The latest was {}.",
        trends.count,
        if trends.count == 1 { "" } else { "s" },
        days_ago(days)
    );
    if trends.count > 0 {
        println!();
        println!(
            "{:<24} {:>6} {:>8} {:>8}",
            "question", "latest", "average", "answers"
        );
        for item in &trends.items {
            let way = match item.direction {
                Direction::HigherIsEasier => "higher is easier",
                Direction::HigherIsHarder => "higher is harder",
            };
            println!(
                "{:<24} {:>6} {:>8} {:>8}   {way}",
                item.label,
                item.latest.map_or("-".to_string(), |v| v.to_string()),
                item.average.map_or("-".to_string(), |v| format!("{v:.1}")),
                item.points.len()
            );
        }
        if !trends.weekly.is_empty() {
            println!();
            println!("Overall by week (0 feels light, 10 feels heavy):");
            println!("{:<12} {:>5} {:>10}", "week of", "mean", "check-ins");
            for week in &trends.weekly {
                println!(
                    "{:<12} {:>5.1} {:>10}",
                    week.week_start.to_string(),
                    week.overall_mean,
                    week.count
                );
            }
        }
    }
    if trends.nudge {
        println!();
        println!("{}", set.nudge);
    }
    println!();
    println!("{}", set.reminder);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{CheckinArgs, Cli};
    use clap::CommandFactory;

    #[test]
    fn every_check_in_item_has_a_flag_and_every_answer_flag_an_item() {
        let set = ItemSet::builtin().unwrap();
        let args = CheckinArgs {
            energy: None,
            exhaustion: None,
            intrusive: None,
            effectiveness: None,
            support: None,
            sleep: None,
            note: None,
            answers: None,
            questions: false,
        };
        let flagged: Vec<&str> = args.flags().iter().map(|(id, _)| *id).collect();
        let items: Vec<&str> = set.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(flagged, items);
        let cli = Cli::command();
        let sub = cli.find_subcommand("checkin").unwrap();
        for id in items {
            assert!(
                sub.get_arguments().any(|a| a.get_long() == Some(id)),
                "no --{id} flag"
            );
        }
    }
}
