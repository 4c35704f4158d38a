//! add, list, search, show, edit, delete, restore ID, purge, empty-trash, export, deid.

use std::path::Path;
use std::process::ExitCode;

use attune::api::{self, entries, EntryRef, ExportFormat, ExportRequest, UpdateRequest, WriteMode};
use attune::journal::{
    Entry, EntryChange, EntryId, EntryKind, EntrySummary, Filter, FindRequest, NewEntry, Page,
    Setting, TRASH_DAYS,
};
use attune::prompts::{self, Registry};
use attune::Error;
use chrono::{NaiveDate, Utc};
use serde::Serialize;
use zeroize::Zeroizing;

use super::Ctx;
use crate::cli::{ClearFields, EntryFields, GuidedArgs, ListArgs};
use crate::input::{parse_date, parse_json, Input};
use crate::output::{self, count, looks, s, short};

pub fn add(ctx: &mut Ctx, fields: EntryFields, guided: GuidedArgs) -> Result<(), Error> {
    if ctx.json && guided.pack.is_some() {
        return Err(Error::invalid(
            "--pack goes with flags, not with a whole entry as JSON (put the pack in the JSON instead).",
        ));
    }
    if guided.answers.as_deref() == Some("-")
        && (ctx.json || fields.body_file.as_deref() == Some(Path::new("-")))
    {
        return Err(Error::invalid(
            "Standard input can carry the text or the answers, not both; put one in a file.",
        ));
    }
    // Sealed and inserted without loading the journal: as fast at 100,000 entries as
    // at 100.
    let mut vault = ctx.unlock_vault()?;
    let text = body_text(ctx, &fields)?;
    let mut new: NewEntry = if ctx.json {
        parse_json(&text.unwrap_or_default(), "entry")?
    } else {
        new_entry(fields, text)?
    };
    if let Some(pack) = &guided.pack {
        let answers = match &guided.answers {
            Some(source) => Some(parse_json::<serde_json::Value>(
                &ctx.input.text_from(source, "answers")?,
                "answers",
            )?),
            None => None,
        };
        entries::answer_pack(&vault, &mut new, pack, answers.as_ref())?;
    }
    let entry = entries::create_in_vault(&mut vault, new)?;
    println!("{}", entry.id);
    Ok(())
}

pub fn edit(
    ctx: &mut Ctx,
    typed: &str,
    fields: EntryFields,
    clear: ClearFields,
) -> Result<(), Error> {
    let mut journal = ctx.unlock()?;
    let id = entries::resolve(&journal, typed)?;
    let text = body_text(ctx, &fields)?;
    let change: EntryChange = if ctx.json {
        parse_json(&text.unwrap_or_default(), "change")?
    } else {
        entry_change(fields, clear, text)?
    };
    let entry = entries::update(&mut journal, UpdateRequest { id, change })?;
    println!("{}", entry.id);
    Ok(())
}

/// `list` (no words) and `search` (words to find).
pub fn list(ctx: &mut Ctx, args: &ListArgs, words: Vec<String>) -> Result<(), Error> {
    let search = !words.is_empty();
    let req = find_request(words.join(" "), args)?;
    // Neither loads the journal: a list reads the index and its page, a search matches
    // while decrypting and keeps only the hits.
    let vault = ctx.unlock_vault()?;
    let (page, damaged) = entries::find_without_loading(vault, &req)?;
    super::warn_damaged(damaged);
    print_page(&page, ctx.json, search)
}

pub fn show(ctx: &mut Ctx, typed: &str) -> Result<(), Error> {
    let journal = ctx.unlock()?;
    let id = entries::resolve(&journal, typed)?;
    let entry = entries::get(&journal, &EntryRef { id })?;
    if ctx.json {
        return output::json(&entry);
    }
    print_entry(&entry, &journal.pack_registry()?);
    Ok(())
}

pub fn delete(ctx: &mut Ctx, typed: &str) -> Result<(), Error> {
    let mut journal = ctx.unlock()?;
    let id = entries::resolve(&journal, typed)?;
    entries::trash(&mut journal, &EntryRef { id })?;
    println!(
        "Moved to the trash. `attune restore {}` brings it back within {TRASH_DAYS} days.",
        short(&id.to_hex())
    );
    Ok(())
}

pub fn restore(ctx: &mut Ctx, typed: &str) -> Result<(), Error> {
    let mut journal = ctx.unlock()?;
    let id = entries::resolve(&journal, typed)?;
    entries::restore(&mut journal, &EntryRef { id })?;
    println!("Restored.");
    Ok(())
}

pub fn purge(ctx: &mut Ctx, typed: &str) -> Result<(), Error> {
    let mut journal = ctx.unlock()?;
    let id = entries::resolve(&journal, typed)?;
    entries::purge(&mut journal, &EntryRef { id })?;
    println!("Deleted for good.");
    Ok(())
}

pub fn empty_trash(ctx: &mut Ctx) -> Result<(), Error> {
    let mut journal = ctx.unlock()?;
    let n = entries::empty_trash(&mut journal)?;
    println!("Deleted {} for good.", count(n, "entry", "entries"));
    Ok(())
}

/// The export the app makes, without its interactive review: a script has no one to
/// review with, so the count of identifying passages follows the file instead (and
/// `attune deid` shows them).
pub fn export(ctx: &mut Ctx, format: ExportFormat, out: Option<&Path>) -> Result<(), Error> {
    let out = out.ok_or_else(|| {
        Error::invalid("Name the file to write with --out FILE. The export is not encrypted.")
    })?;
    api::files::refuse_existing(out)?;
    let journal = ctx.unlock()?;
    eprintln!(
        "attune: warning: the export is NOT encrypted. Anyone who can read {} can read your reflections. Delete it when you are done.",
        out.display()
    );
    let req = ExportRequest {
        format,
        reviewed: true,
    };
    let done = api::export::write(&journal, &req, out, WriteMode::NewOnly)?;
    println!(
        "Wrote {} to {} (the trash is left out).",
        count(done.entries, "entry", "entries"),
        out.display()
    );
    let n = api::export::review(&journal)?.findings.len();
    if n > 0 {
        eprintln!(
            "attune: note: {n} passage{} {} identifying (names, phone numbers, addresses, dates of birth, record numbers). Review the file before sharing it.",
            s(n),
            looks(n)
        );
    }
    Ok(())
}

/// The stable JSON shape of `attune deid --json` (documented in the README).
#[derive(Serialize)]
struct DeidOutput<'a> {
    findings: Vec<DeidSpan<'a>>,
    count: usize,
}

#[derive(Serialize)]
struct DeidSpan<'a> {
    kind: attune::deid::FindingKind,
    start: usize,
    end: usize,
    text: &'a str,
}

/// Exits 0 when nothing was found and 1 when something was, for scripts.
pub fn deid(input: &mut Input, json: bool, allow: &[String]) -> Result<ExitCode, Error> {
    let text = input.rest()?;
    let report = api::deid::text(&text, allow);
    if json {
        output::json(&DeidOutput {
            findings: report
                .findings
                .iter()
                .map(|f| DeidSpan {
                    kind: f.kind,
                    start: f.start,
                    end: f.end,
                    text: &f.text,
                })
                .collect(),
            count: report.total,
        })?;
    } else {
        for f in &report.findings {
            println!("{}-{}  {}  {:?}", f.start, f.end, f.kind.as_str(), f.text);
        }
        if report.total > 0 {
            let kinds: Vec<String> = report
                .counts
                .iter()
                .map(|c| format!("{} {}", c.count, c.label.to_lowercase()))
                .collect();
            eprintln!(
                "attune: {} passage{} {} identifying ({}). This is a helper, not a guarantee: read the text too.",
                report.total,
                s(report.total),
                looks(report.total),
                kinds.join(", ")
            );
        }
    }
    Ok(if report.total == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The entry text: from --body-file (a file, or - for standard input), or with --json
/// the rest of standard input.
fn body_text(ctx: &mut Ctx, fields: &EntryFields) -> Result<Option<Zeroizing<String>>, Error> {
    match fields.body_file.as_deref() {
        None if ctx.json => Ok(Some(ctx.input.rest()?)),
        None => Ok(None),
        Some(path) => ctx.input.file_text(path, "body").map(Some),
    }
}

/// An edit flag: a new value, a request to clear it, or no change.
fn set_or_clear<T>(value: Option<T>, cleared: bool) -> Option<Option<T>> {
    match (value, cleared) {
        (Some(v), _) => Some(Some(v)),
        (None, true) => Some(None),
        (None, false) => None,
    }
}

fn new_entry(fields: EntryFields, text: Option<Zeroizing<String>>) -> Result<NewEntry, Error> {
    Ok(NewEntry {
        encounter_date: fields.date.as_deref().map(parse_date).transpose()?,
        kind: fields.kind.as_deref().map(EntryKind::parse).transpose()?,
        setting: fields.setting.as_deref().map(Setting::parse).transpose()?,
        family_code: fields.family,
        title: fields.title,
        body: text.map(|t| t.to_string()).unwrap_or_default(),
        tags: fields.tags,
        carrying: fields.rating,
        bring_to_supervision: fields.flag,
        ..NewEntry::default()
    })
}

fn entry_change(
    fields: EntryFields,
    clear: ClearFields,
    text: Option<Zeroizing<String>>,
) -> Result<EntryChange, Error> {
    Ok(EntryChange {
        encounter_date: fields.date.as_deref().map(parse_date).transpose()?,
        kind: fields.kind.as_deref().map(EntryKind::parse).transpose()?,
        setting: fields
            .setting
            .as_deref()
            .map(Setting::parse)
            .transpose()?
            .map(Some),
        family_code: set_or_clear(fields.family, clear.clear_family),
        title: set_or_clear(fields.title, clear.clear_title),
        body: text.map(|t| t.to_string()),
        tags: if clear.clear_tags {
            Some(Vec::new())
        } else if fields.tags.is_empty() {
            None
        } else {
            Some(fields.tags)
        },
        carrying: set_or_clear(fields.rating, clear.clear_rating),
        bring_to_supervision: if fields.flag {
            Some(true)
        } else if clear.no_flag {
            Some(false)
        } else {
            None
        },
        ..EntryChange::default()
    })
}

fn find_request(text: String, args: &ListArgs) -> Result<FindRequest, Error> {
    Ok(FindRequest {
        text,
        filter: Filter {
            from: args.from.as_deref().map(parse_date).transpose()?,
            to: args.to.as_deref().map(parse_date).transpose()?,
            tag: args.tag.clone(),
            kind: args.kind.as_deref().map(EntryKind::parse).transpose()?,
            family_code: args.family.clone(),
            flagged: args.flagged,
            trash: args.trash,
        },
        sort: args.sort,
        offset: args.offset,
        limit: args.limit.max(1),
    })
}

/// The stable JSON shape of one listed entry (documented in the README).
#[derive(Serialize)]
struct ListedEntry<'a> {
    id: &'a EntryId,
    title: &'a Option<String>,
    kind: EntryKind,
    encounter_date: NaiveDate,
    created_at: chrono::DateTime<Utc>,
    updated_at: chrono::DateTime<Utc>,
    setting: Option<Setting>,
    family_code: &'a Option<String>,
    tags: &'a [String],
    carrying: Option<u8>,
    bring_to_supervision: bool,
    in_trash: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<&'a str>,
}

#[derive(Serialize)]
struct ListedPage<'a> {
    total: usize,
    offset: usize,
    entries: Vec<ListedEntry<'a>>,
}

fn listed(s: &EntrySummary, with_snippet: bool) -> ListedEntry<'_> {
    ListedEntry {
        id: &s.id,
        title: &s.title,
        kind: s.kind,
        encounter_date: s.encounter_date,
        created_at: s.created_at,
        updated_at: s.updated_at,
        setting: s.setting,
        family_code: &s.family_code,
        tags: &s.tags,
        carrying: s.carrying,
        bring_to_supervision: s.bring_to_supervision,
        in_trash: s.deleted_at.is_some(),
        snippet: with_snippet.then_some(s.snippet.text.as_str()),
    }
}

fn print_page(page: &Page, json: bool, search: bool) -> Result<(), Error> {
    if json {
        return output::json(&ListedPage {
            total: page.total,
            offset: page.offset,
            entries: page.items.iter().map(|s| listed(s, search)).collect(),
        });
    }
    if page.items.is_empty() {
        if page.total == 0 {
            println!(
                "{}",
                if search {
                    "Nothing matches."
                } else {
                    "No entries yet. Write one with `attune add`."
                }
            );
        } else {
            println!("No more entries (there are {}).", page.total);
        }
        return Ok(());
    }
    for s in &page.items {
        let mut line = format!(
            "{}  {}  {:<9}",
            short(&s.id.to_hex()),
            s.encounter_date,
            s.kind.label()
        );
        if let Some(f) = &s.family_code {
            line.push_str(&format!("  [{f}]"));
        }
        if s.bring_to_supervision {
            line.push_str("  ⚑");
        }
        line.push_str("  ");
        line.push_str(s.title.as_deref().unwrap_or("(untitled)"));
        for t in &s.tags {
            line.push_str(&format!("  #{t}"));
        }
        println!("{line}");
        if search && !s.snippet.text.is_empty() {
            println!("    {}", s.snippet.text);
        }
    }
    let shown_to = page.offset + page.items.len();
    if shown_to < page.total {
        println!(
            "({}-{} of {}; --offset {} for more)",
            page.offset + 1,
            shown_to,
            page.total,
            shown_to
        );
    }
    Ok(())
}

fn print_entry(e: &Entry, registry: &Registry) {
    println!("{}", e.title.as_deref().unwrap_or("(untitled)"));
    println!("id:        {}", e.id);
    println!("date:      {}", e.encounter_date);
    println!("kind:      {}", e.kind.label());
    if let Some(s) = e.setting {
        println!("setting:   {}", s.label());
    }
    if let Some(f) = &e.family_code {
        println!("family:    {f}");
    }
    if !e.tags.is_empty() {
        println!("tags:      {}", e.tags.join(", "));
    }
    if let Some(c) = e.carrying {
        println!("carrying:  {c}/10");
    }
    if e.bring_to_supervision {
        println!("flag:      bring to supervision");
    }
    println!(
        "written:   {} (edited {}, revision {})",
        e.created_at.format("%Y-%m-%d %H:%M"),
        e.updated_at.format("%Y-%m-%d %H:%M"),
        e.revision
    );
    if let Some(d) = e.deleted_at {
        println!("in trash:  since {}", d.format("%Y-%m-%d"));
    }
    if let Some(i) = &e.imported {
        println!(
            "imported:  from {} on {}",
            i.source.label(),
            i.imported_at.format("%Y-%m-%d")
        );
    }
    if let Some(pack) = &e.prompt_pack {
        match registry.find(&pack.id, pack.version) {
            Some(p) => println!(
                "prompts:   {} ({}, version {})",
                p.title, pack.id, pack.version
            ),
            None => println!("prompts:   {} (version {})", pack.id, pack.version),
        }
    }
    println!();
    for (i, a) in prompts::render_answers(e, registry).iter().enumerate() {
        let marker = if a.lens {
            "Lens:".to_string()
        } else {
            format!("{}.", i + 1)
        };
        println!("{marker} {}", a.prompt);
        let value = Zeroizing::new(a.value.to_display());
        for line in value.lines() {
            println!("   {line}");
        }
        println!();
    }
    println!("{}", e.body);
}
