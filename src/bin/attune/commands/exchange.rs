//! The supervision exchange: identity, contact, share, import, withdraw, inbox, feedback.
//!
//! Whatever another person wrote (names, titles, responses) goes through
//! [`output::theirs`] before it reaches the terminal.

use std::path::Path;

use attune::api::exchange::{self as ex};
use attune::api::{
    entries, ConfirmContactRequest, Contact, ContactCardRequest, ContactRef, EditResponseRequest,
    FeedbackRequest, ImportCardRequest, InboxRequest, PacketKind, ResponseRef, ResponseRequest,
    ShareRequest, WithdrawRequest, WriteMode, WITHDRAW_NOTE,
};
use attune::api::{ErrorCode, FolderCopy, FolderPacketRef, RemoveContactRequest, SavedFile};
use attune::Error;

use super::Ctx;
use crate::cli::{ContactAction, FeedbackArgs, IdentityAction};
use crate::output::{self, count, looks, s, short, theirs};

fn status_word(c: &Contact) -> &'static str {
    if c.key_change.is_some() {
        "KEY CHANGED, confirm again"
    } else if c.confirmed {
        "confirmed"
    } else {
        "not confirmed"
    }
}

pub fn identity(ctx: &mut Ctx, action: IdentityAction) -> Result<(), Error> {
    let IdentityAction::Show = action;
    let mut journal = ctx.unlock()?;
    let me = ex::identity_show(&mut journal)?;
    if ctx.json {
        return output::json(&me);
    }
    println!(
        "Name on your card: {}",
        me.display_name.as_deref().unwrap_or("(none yet)")
    );
    println!("Signing key: {}", me.signing_key);
    println!("age recipient: {}", me.age_recipient);
    Ok(())
}

pub fn contact(ctx: &mut Ctx, action: ContactAction) -> Result<(), Error> {
    match action {
        ContactAction::Export { name, role, out } => {
            if let Some(out) = &out {
                attune::api::files::refuse_existing(out)?;
            }
            let mut journal = ctx.unlock()?;
            let req = ContactCardRequest { name, role };
            match out {
                Some(out) => {
                    ex::export_contact_card_to(&mut journal, &req, &out, WriteMode::NewOnly)?;
                    println!("Wrote your contact card to {}.", out.display());
                }
                None => print!("{}", ex::export_contact_card(&mut journal, &req)?.text),
            }
        }
        ContactAction::Import {
            file,
            relation,
            replace_key,
        } => {
            let mut journal = ctx.unlock()?;
            let text = if file == "-" {
                ctx.input.rest()?.to_string()
            } else {
                ex::read_contact_card(Path::new(&file))?
            };
            let c = ex::import_contact_card(
                &mut journal,
                &ImportCardRequest {
                    text,
                    relation,
                    replace_key,
                },
            )?;
            let name = theirs(&c.name);
            println!(
                "Added {name} as {} (id {}).",
                c.my_relation.label(),
                short(&c.id)
            );
            println!("Safety code: {}", c.code_to_compare());
            println!(
                "Compare it with {name} in person or on a call. When every digit matches, run `attune contact confirm {}`.",
                short(&c.id)
            );
        }
        ContactAction::List => {
            let mut journal = ctx.unlock()?;
            let all = ex::list_contacts(&mut journal)?;
            if ctx.json {
                return output::json(&all);
            }
            if all.is_empty() {
                println!("No contacts yet. Import a card with `attune contact import`.");
            }
            for c in &all {
                println!(
                    "{}  {}  {}  {}  safety code {}",
                    short(&c.id),
                    theirs(&c.name),
                    c.my_relation.label(),
                    status_word(c),
                    c.code_to_compare()
                );
            }
        }
        ContactAction::Confirm { id } => {
            let mut journal = ctx.unlock()?;
            let c = ex::confirm_contact(
                &mut journal,
                &ConfirmContactRequest {
                    contact_id: id,
                    compared: true,
                },
            )?;
            println!(
                "Confirmed {} (safety code {}). You can now exchange packets.",
                theirs(&c.name),
                c.safety_code
            );
        }
        ContactAction::Folder { id, folder, none } => {
            let mut journal = ctx.unlock()?;
            if folder.is_none() && !none {
                let name = theirs(&ex::contact(&mut journal, &id)?.name);
                match ex::contact_folder_path(&mut journal, &id)? {
                    Some(path) => println!("The exchange folder for {name} is {}.", path.display()),
                    None => println!("No exchange folder is chosen for {name}."),
                }
                return Ok(());
            }
            let c = ex::set_contact_folder(
                &mut journal,
                &ex::ContactFolderRequest {
                    contact_id: &id,
                    folder: folder.as_deref(),
                },
            )?;
            let name = theirs(&c.name);
            match ex::contact_folder_path(&mut journal, &id)? {
                Some(path) => println!(
                    "Packets for {name} now also go into {}, and `attune import --folders` finds packets from {name} there.",
                    path.display()
                ),
                None => println!("Attune no longer uses an exchange folder for {name}; the folder and its files are left as they are."),
            }
        }
        ContactAction::Remove {
            id,
            yes,
            keep_theirs,
        } => {
            let mut journal = ctx.unlock()?;
            if !yes {
                let removal = ex::contact_removal(&mut journal, &ContactRef { contact_id: id })?;
                if keep_theirs && !removal.summary_keeping.is_empty() {
                    println!("{}", theirs(&removal.summary_keeping));
                } else {
                    println!("{}", theirs(&removal.summary));
                    if !removal.summary_keeping.is_empty() {
                        println!("To keep what they sent you, add --keep-theirs.");
                    }
                }
                return Err(Error::invalid(
                    "Nothing was removed. Add --yes to remove them.",
                ));
            }
            let removal = ex::remove_contact(
                &mut journal,
                &RemoveContactRequest {
                    contact_id: id,
                    keep_theirs,
                },
            )?;
            if ctx.json {
                return output::json(&removal);
            }
            if removal.kept_theirs {
                println!(
                    "Removed {}; what they sent you stays, marked as from a removed contact.",
                    theirs(&removal.contact_name)
                );
            } else {
                println!("Removed {}.", theirs(&removal.contact_name));
            }
        }
    }
    Ok(())
}

pub fn share(
    ctx: &mut Ctx,
    to: &str,
    ids: &[String],
    flagged: bool,
    out: &Path,
) -> Result<(), Error> {
    attune::api::files::refuse_existing(out)?;
    let mut journal = ctx.unlock()?;
    let contact = ContactRef {
        contact_id: to.to_string(),
    };
    let mut entry_ids = ids
        .iter()
        .map(|typed| entries::resolve(&journal, typed))
        .collect::<Result<Vec<_>, _>>()?;
    if flagged {
        entry_ids.extend(ex::flagged_for_supervision(&journal).entry_ids);
    }
    let req = ShareRequest {
        contact_id: contact.contact_id.clone(),
        entry_ids,
    };
    if !req.entry_ids.is_empty() {
        ex::share_entries(&mut journal, &req)?;
    }
    let preview = ex::preview_share(
        &mut journal,
        &ShareRequest {
            entry_ids: Vec::new(),
            ..req
        },
    )?;
    let saved = ex::write_share_packet_to(&mut journal, &contact, out, WriteMode::NewOnly)?;
    println!(
        "Wrote a packet for {} to {}: {} shared{}.",
        theirs(&preview.contact_name),
        out.display(),
        count(preview.entries.len(), "entry", "entries"),
        if preview.withdrawn.is_empty() {
            String::new()
        } else {
            format!(", {} withdrawn", preview.withdrawn.len())
        }
    );
    for e in &preview.entries {
        println!(
            "  {}  {}  {}",
            short(&e.entry.entry_id),
            e.entry.encounter_date,
            e.entry.title.as_deref().unwrap_or("Untitled reflection")
        );
    }
    folder_line(&saved);
    let n = preview.identifying;
    if n > 0 {
        eprintln!(
            "attune: note: {n} passage{} in what you shared {} identifying (names, phone numbers, addresses, dates of birth, record numbers). Edit the entries and share again if needed.",
            s(n),
            looks(n)
        );
    }
    Ok(())
}

/// What became of a packet's copy in the contact's exchange folder, if they have one.
pub fn folder_line(saved: &SavedFile) {
    match &saved.folder {
        Some(FolderCopy {
            written: true,
            file_name: Some(name),
            ..
        }) => println!("Also put it in their exchange folder as {name}."),
        Some(FolderCopy {
            problem: Some(problem),
            ..
        }) => println!("{}", theirs(problem)),
        _ => {}
    }
}

pub fn import(ctx: &mut Ctx, file: Option<&Path>, folders: bool, yes: bool) -> Result<(), Error> {
    let mut journal = ctx.unlock()?;
    let Some(file) = file.filter(|_| !folders) else {
        return import_from_folders(ctx, &mut journal, yes);
    };
    let got = ex::import_packet_file(&mut journal, file)?;
    print_import(&got);
    println!("You can delete the packet file now.");
    Ok(())
}

/// New packets in contacts' exchange folders: listed, and with `yes` imported, each
/// with the same checks as any import. A refused one is said once and not offered again.
fn import_from_folders(
    ctx: &Ctx,
    journal: &mut attune::journal::Journal,
    yes: bool,
) -> Result<(), Error> {
    let news = ex::folder_news(journal)?;
    if ctx.json && !yes {
        return output::json(&news);
    }
    for p in &news.problems {
        println!("{}", theirs(&p.message));
    }
    if news.packets.is_empty() {
        println!("No new packets in your contacts' exchange folders.");
        return Ok(());
    }
    if !yes {
        for p in &news.packets {
            println!(
                "{}  from {}  ({} bytes)",
                p.file_name,
                theirs(&p.contact_name),
                p.size
            );
        }
        return Err(Error::invalid(format!(
            "{} waiting; nothing was imported. Add --yes to import them (each is checked like any packet).",
            count(news.packets.len(), "new packet", "new packets")
        )));
    }
    let mut refused = 0;
    for p in &news.packets {
        let req = FolderPacketRef {
            contact_id: p.contact_id.clone(),
            file_name: p.file_name.clone(),
        };
        print!("{} from {}: ", p.file_name, theirs(&p.contact_name));
        match ex::import_folder_packet(journal, &req) {
            Ok(got) => print_import(&got),
            Err(e) if e.code == ErrorCode::PacketRefused => {
                refused += 1;
                println!("{} Attune will not offer this file again.", e.message);
            }
            Err(e) => return Err(e),
        }
    }
    if refused > 0 {
        return Err(Error::new(
            ErrorCode::PacketRefused,
            format!(
                "{} refused; the rest were imported.",
                count(refused, "packet was", "packets were")
            ),
        ));
    }
    Ok(())
}

fn print_import(got: &attune::api::ImportOutcome) {
    if got.already_imported {
        println!("This packet was already imported; nothing changed.");
        return;
    }
    let from = theirs(&got.contact_name);
    match got.kind {
        PacketKind::Share => println!(
            "Imported entries from {from}: {} shared with you{}. See them with `attune inbox`.",
            got.entries,
            if got.withdrawn > 0 {
                format!(", {} withdrawn", got.withdrawn)
            } else {
                String::new()
            }
        ),
        PacketKind::Feedback => {
            println!(
                "Imported feedback from {from}: {}. Read it with `attune feedback`.",
                count(got.responses, "response", "responses")
            );
            if got.unknown_entries > 0 {
                println!(
                    "{} answer{} entries not in this journal; kept anyway.",
                    count(got.unknown_entries, "response", "responses"),
                    if got.unknown_entries == 1 { "s" } else { "" }
                );
            }
        }
        PacketKind::ConfirmRequest => println!(
            "Imported from {from}: {} to confirm. See them with `attune confirm answer`.",
            count(got.requests, "session", "sessions")
        ),
        PacketKind::ConfirmAnswer => println!(
            "Imported from {from}: {} answered. See them with `attune confirm list`.",
            count(got.answers, "session", "sessions")
        ),
    }
}

pub fn withdraw(ctx: &mut Ctx, to: &str, typed: &str) -> Result<(), Error> {
    let mut journal = ctx.unlock()?;
    let entry_id = entries::resolve(&journal, typed)?;
    ex::withdraw_entry(
        &mut journal,
        &WithdrawRequest {
            contact_id: to.to_string(),
            entry_id,
        },
    )?;
    println!("Withdrawn; the next `attune share --to` packet carries the request.");
    println!("{WITHDRAW_NOTE}");
    Ok(())
}

pub fn inbox(ctx: &mut Ctx, from: Option<&str>) -> Result<(), Error> {
    let mut journal = ctx.unlock()?;
    let groups = ex::inbox(
        &mut journal,
        &InboxRequest {
            contact_id: from.map(str::to_string),
        },
    )?;
    if ctx.json {
        return output::json(&groups);
    }
    for g in &groups {
        println!("From {} (their words, read-only):", theirs(&g.contact_name));
        if g.items.is_empty() {
            println!("  nothing shared right now");
        }
        for i in &g.items {
            println!(
                "  {}  {}  {}{}",
                theirs(short(&i.entry.entry_id)),
                i.entry.encounter_date,
                theirs(i.entry.title.as_deref().unwrap_or("Untitled reflection")),
                if i.on_agenda { "  [agenda]" } else { "" }
            );
        }
    }
    Ok(())
}

pub fn feedback(ctx: &mut Ctx, args: FeedbackArgs) -> Result<(), Error> {
    if let (Some(to), Some(out)) = (&args.to, &args.out) {
        if ctx.json {
            return Err(Error::invalid(
                "--json lists feedback; it does not go with --to.",
            ));
        }
        attune::api::files::refuse_existing(out)?;
        let mut journal = ctx.unlock()?;
        let said = if let Some(response_id) = &args.withdraw {
            ex::withdraw_response(
                &mut journal,
                &ResponseRef {
                    contact_id: to.clone(),
                    response_id: response_id.clone(),
                },
            )?;
            "Withdrew your response (a copy someone already made cannot be recalled)"
        } else if let Some(response_id) = &args.edit {
            ex::edit_response(
                &mut journal,
                &EditResponseRequest {
                    contact_id: to.clone(),
                    response_id: response_id.clone(),
                    heard: args.heard.unwrap_or_default(),
                    noticed: args.noticed.unwrap_or_default(),
                    wonder: args.wonder.unwrap_or_default(),
                    stays: args.stays.unwrap_or_default(),
                },
            )?;
            "Changed your response"
        } else {
            let Some(entry_id) = args.entry.clone() else {
                return Err(Error::invalid(
                    "Name their shared entry with --entry (the id from `attune inbox`), or a response with --edit or --withdraw.",
                ));
            };
            ex::write_response(
                &mut journal,
                &ResponseRequest {
                    contact_id: to.clone(),
                    entry_id,
                    heard: args.heard.unwrap_or_default(),
                    noticed: args.noticed.unwrap_or_default(),
                    wonder: args.wonder.unwrap_or_default(),
                    stays: args.stays.unwrap_or_default(),
                },
            )?;
            "Wrote your response"
        };
        let saved = ex::write_feedback_packet_to(
            &mut journal,
            &ContactRef {
                contact_id: to.clone(),
            },
            out,
            WriteMode::NewOnly,
        )?;
        println!("{said} and a feedback packet to {}.", out.display());
        folder_line(&saved);
        return Ok(());
    }
    let journal = ctx.unlock()?;
    let entry_id = match &args.entry {
        Some(typed) => Some(entries::resolve(&journal, typed)?),
        None => None,
    };
    let threads = ex::feedback_for(&journal, &FeedbackRequest { entry_id })?;
    if ctx.json {
        return output::json(&threads);
    }
    if threads.is_empty() {
        println!("No feedback yet.");
    }
    for t in &threads {
        println!(
            "{} wrote on {} about entry {}{}:",
            theirs(&t.supervisor_name),
            t.written_at.format("%Y-%m-%d"),
            theirs(short(&t.entry_id)),
            if t.entry_known {
                ""
            } else {
                " (not in this journal)"
            }
        );
        if t.withdrawn {
            println!("  Withdrawn by the sender.");
            continue;
        }
        if t.edited {
            println!("  (edited)");
        }
        for (label, text) in [
            ("What I heard", &t.heard),
            ("What I noticed you doing well", &t.noticed),
            ("What I wonder", &t.wonder),
            ("To come back to", &t.stays),
        ] {
            if !text.is_empty() {
                println!("  {label}: {}", theirs(text));
            }
        }
    }
    Ok(())
}
