//! The supervision loop: prep, takeaway, plan, confirm.
//!
//! Whatever another person wrote (names, reasons for declining) goes through
//! [`output::theirs`] before it reaches the terminal.

use attune::api::supervision as sup;
use attune::api::{
    entries, sessions, AnswerConfirmationRequest, AskConfirmationRequest, ConfirmState, ContactRef,
    Decision, PrepInput, PrepView, SessionConfirmation, TakeawayInput, WriteMode,
};
use attune::Error;

use super::Ctx;
use crate::cli::{ConfirmAction, PrepAction};
use crate::input::parse_date;
use crate::output::{self, count, short, theirs};

pub fn prep(ctx: &mut Ctx, action: PrepAction) -> Result<(), Error> {
    match action {
        PrepAction::New {
            date,
            bring,
            reactions,
            hope,
            entries: typed,
        } => {
            let session_date = date.as_deref().map(parse_date).transpose()?;
            let mut journal = ctx.unlock()?;
            let reflections = if typed.is_empty() {
                None
            } else {
                Some(
                    typed
                        .iter()
                        .map(|t| entries::resolve(&journal, t))
                        .collect::<Result<Vec<_>, _>>()?,
                )
            };
            let view = sup::save_prep(
                &mut journal,
                PrepInput {
                    id: None,
                    session_date,
                    bring: bring.unwrap_or_default(),
                    reactions: reactions.unwrap_or_default(),
                    hope: hope.unwrap_or_default(),
                    reflections,
                },
            )?;
            if ctx.json {
                return output::json(&view);
            }
            println!("{}", view.sheet.id);
            println!(
                "Gathered {}.",
                count(view.reflections.len(), "reflection", "reflections")
            );
            print_reflections(&view);
        }
        PrepAction::Show { id } => {
            let journal = ctx.unlock()?;
            let id = sup::resolve_prep(&journal, &id)?;
            let view = sup::get_prep(&journal, &attune::api::PrepRef { id })?;
            if ctx.json {
                return output::json(&view);
            }
            print_prep(&view);
        }
        PrepAction::List => {
            let journal = ctx.unlock()?;
            let all = sup::list_preps(&journal)?;
            if ctx.json {
                return output::json(&all);
            }
            if all.is_empty() {
                println!("No prep sheets yet. `attune prep new` starts one.");
            }
            for v in &all {
                println!(
                    "{}  {}  {}{}",
                    short(&v.sheet.id.to_hex()),
                    v.sheet
                        .session_date
                        .map_or_else(|| "(no date) ".to_string(), |d| d.to_string()),
                    count(v.reflections.len(), "reflection", "reflections"),
                    match &v.session {
                        Some(s) => format!("  takeaway for the session of {}", s.date),
                        None if v.sheet.takeaway.is_some() => "  takeaway".to_string(),
                        None => String::new(),
                    }
                );
            }
        }
        PrepAction::Delete { id } => {
            let mut journal = ctx.unlock()?;
            let id = sup::resolve_prep(&journal, &id)?;
            sup::delete_prep(&mut journal, &attune::api::PrepRef { id })?;
            println!("Deleted for good.");
        }
    }
    Ok(())
}

fn print_reflections(view: &PrepView) {
    for r in &view.reflections {
        println!(
            "  {}  {}  {}{}{}",
            short(&r.entry_id.to_hex()),
            r.encounter_date
                .map_or_else(|| "          ".to_string(), |d| d.to_string()),
            if r.in_journal {
                r.title.as_deref().unwrap_or("Untitled reflection")
            } else {
                "(no longer in the journal)"
            },
            if r.flagged { "  [flagged]" } else { "" },
            match r.responses {
                0 => String::new(),
                n => format!("  ({})", count(n, "response", "responses")),
            }
        );
    }
}

fn print_prep(view: &PrepView) {
    let s = &view.sheet;
    println!(
        "Prep sheet {}{}",
        short(&s.id.to_hex()),
        s.session_date
            .map_or_else(String::new, |d| format!(" for {d}"))
    );
    for (label, text) in [
        ("What I want to bring", &s.bring),
        ("Reactions or judgements I noticed", &s.reactions),
        ("What I hope to take away", &s.hope),
    ] {
        if !text.is_empty() {
            println!("{label}: {text}");
        }
    }
    if !view.reflections.is_empty() {
        println!("Reflections:");
        print_reflections(view);
    }
    if let Some(t) = &s.takeaway {
        match &view.session {
            Some(session) => println!(
                "Takeaway from the session of {} ({} min, {}):",
                session.date, session.minutes, session.with_whom
            ),
            None => println!("Takeaway (its session is no longer in the journal):"),
        }
        if !t.taking_away.is_empty() {
            println!("  What I am taking away: {}", t.taking_away);
        }
        if !t.next_step.is_empty() {
            println!("  Next step: {}", t.next_step);
        }
    }
}

pub fn takeaway(
    ctx: &mut Ctx,
    session: &str,
    away: Option<String>,
    next: Option<String>,
    prep: Option<&str>,
) -> Result<(), Error> {
    let mut journal = ctx.unlock()?;
    let session_id = sessions::resolve(&journal, session)?;
    let prep_id = prep.map(|p| sup::resolve_prep(&journal, p)).transpose()?;
    let view = sup::save_takeaway(
        &mut journal,
        TakeawayInput {
            session_id,
            prep_id,
            taking_away: away.unwrap_or_default(),
            next_step: next.unwrap_or_default(),
        },
    )?;
    if ctx.json {
        return output::json(&view);
    }
    println!(
        "Kept your takeaway on prep sheet {}, linked to the session of {}.",
        short(&view.sheet.id.to_hex()),
        view.session
            .as_ref()
            .map_or_else(String::new, |s| s.date.to_string())
    );
    Ok(())
}

pub fn plan(ctx: &mut Ctx, contact: &str, note: Option<String>) -> Result<(), Error> {
    let mut journal = ctx.unlock()?;
    let plan = match note {
        Some(note) => sup::set_planning_note(
            &mut journal,
            &attune::api::PlanningNoteRequest {
                contact_id: contact.to_string(),
                note,
            },
        )?,
        None => sup::session_plan(
            &mut journal,
            &ContactRef {
                contact_id: contact.to_string(),
            },
        )?,
    };
    if ctx.json {
        return output::json(&plan);
    }
    println!("Planning for {}:", theirs(&plan.contact_name));
    if plan.note.is_empty() {
        println!("  (no note yet; `--note TEXT` keeps one, only in this journal)");
    } else {
        println!("  {}", plan.note);
    }
    println!("On the agenda:");
    if plan.agenda.is_empty() {
        println!("  nothing marked yet");
    }
    for i in &plan.agenda {
        println!(
            "  {}  {}  {}",
            theirs(short(&i.entry.entry_id)),
            i.entry.encounter_date,
            theirs(i.entry.title.as_deref().unwrap_or("Untitled reflection"))
        );
    }
    Ok(())
}

fn state_word(state: ConfirmState) -> &'static str {
    match state {
        ConfirmState::Waiting => "waiting",
        ConfirmState::Confirmed => "confirmed",
        ConfirmState::Declined => "declined",
    }
}

fn print_confirmation(c: &SessionConfirmation) {
    println!(
        "{}  {}  {:>4} min  {:<10}  {}  by {}{}",
        short(&c.session_id),
        c.facts.date,
        c.facts.minutes,
        c.facts.format.as_str(),
        state_word(c.state),
        theirs(&c.contact_name),
        if c.sent_at.is_none() && c.state == ConfirmState::Waiting {
            "  (packet not written yet)"
        } else {
            ""
        }
    );
    if let Some(reason) = &c.reason {
        println!("    Reason: {}", theirs(reason));
    }
    if c.session_missing {
        println!("    The session is no longer in your journal.");
    } else if c.session_changed {
        println!(
            "    The session was changed after you asked: the answer is about the facts above, not the session as it reads now. Ask again to have it confirmed."
        );
    }
}

pub fn confirm(ctx: &mut Ctx, action: ConfirmAction) -> Result<(), Error> {
    match action {
        ConfirmAction::Request { session, to, out } => {
            attune::api::files::refuse_existing(&out)?;
            let mut journal = ctx.unlock()?;
            let session_id = sessions::resolve(&journal, &session)?;
            let asked = sup::ask_confirmation(
                &mut journal,
                &AskConfirmationRequest {
                    contact_id: to.clone(),
                    session_id,
                },
            )?;
            let saved = sup::write_confirm_request_packet_to(
                &mut journal,
                &ContactRef { contact_id: to },
                &out,
                WriteMode::NewOnly,
            )?;
            println!(
                "Wrote a confirmation request for {} to {}: the session of {}, {} minutes, {} (no notes).",
                theirs(&asked.contact_name),
                out.display(),
                asked.facts.date,
                asked.facts.minutes,
                asked.facts.format.as_str()
            );
            super::exchange::folder_line(&saved);
        }
        ConfirmAction::List => {
            let journal = ctx.unlock()?;
            let all = sup::session_confirmations(&journal)?;
            if ctx.json {
                return output::json(&all);
            }
            if all.is_empty() {
                println!("No confirmations asked for yet. `attune confirm request` asks for one.");
            }
            for c in &all {
                print_confirmation(c);
            }
        }
        ConfirmAction::Answer {
            request,
            confirm,
            decline,
            reason,
            out,
        } => {
            let Some(request) = request else {
                let journal = ctx.unlock()?;
                let all = sup::confirmation_requests(&journal)?;
                if ctx.json {
                    return output::json(&all);
                }
                if all.is_empty() {
                    println!("No requests to confirm.");
                }
                for r in &all {
                    println!(
                        "{}  {}  {}  {:>4} min  {:<10}  {}",
                        short(&r.request_id),
                        theirs(&r.contact_name),
                        r.facts.date,
                        r.facts.minutes,
                        r.facts.format.as_str(),
                        state_word(r.state)
                    );
                }
                return Ok(());
            };
            let decision = match (confirm, decline) {
                (true, false) => Decision::Confirmed,
                (false, true) => Decision::Declined,
                _ => return Err(Error::invalid("Say --confirm, or --decline with --reason.")),
            };
            let Some(out) = out else {
                return Err(Error::invalid("Name the answer packet file with --out."));
            };
            attune::api::files::refuse_existing(&out)?;
            let mut journal = ctx.unlock()?;
            let answered = sup::answer_confirmation(
                &mut journal,
                &AnswerConfirmationRequest {
                    request_id: request,
                    decision,
                    reason: reason.unwrap_or_default(),
                },
            )?;
            let saved = sup::write_confirm_answer_packet_to(
                &mut journal,
                &ContactRef {
                    contact_id: answered.contact_id.clone(),
                },
                &out,
                WriteMode::NewOnly,
            )?;
            println!(
                "{} the session of {} for {}, signed; wrote the answer packet to {}.",
                match decision {
                    Decision::Confirmed => "Confirmed",
                    Decision::Declined => "Declined",
                },
                answered.facts.date,
                theirs(&answered.contact_name),
                out.display()
            );
            super::exchange::folder_line(&saved);
        }
    }
    Ok(())
}
