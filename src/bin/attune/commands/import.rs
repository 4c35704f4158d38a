//! import-journal: a journal from another app, previewed and imported in one go.

use attune::api::{self, ImportOptions, ImportPreview};
use attune::Error;
use serde::Serialize;

use super::Ctx;
use crate::cli::ImportJournalArgs;
use crate::output::{self, count, s, theirs};

/// The stable JSON shape of `import-journal --json` (documented in the README).
#[derive(Serialize)]
struct Imported<'a> {
    dry_run: bool,
    imported: usize,
    preview: &'a ImportPreview,
}

pub fn import_journal(ctx: &mut Ctx, args: &ImportJournalArgs) -> Result<(), Error> {
    let options = ImportOptions {
        format: args.format,
        as_private: args.private,
        flag_starred: args.flag_starred,
    };
    let mut journal = ctx.unlock()?;
    let (preview, imported) = if args.dry_run {
        (api::import::preview(&journal, &args.path, &options)?, 0)
    } else {
        let done = api::import::import(&mut journal, &args.path, &options)?;
        (done.preview, done.imported)
    };
    if ctx.json {
        return output::json(&Imported {
            dry_run: args.dry_run,
            imported,
            preview: &preview,
        });
    }
    print_preview(&preview, &options);
    println!();
    if args.dry_run {
        println!("Dry run: nothing was imported.");
    } else if imported == 0 {
        println!("Nothing new to import.");
    } else {
        println!(
            "Imported {} as {} reflection{}. `attune list` shows them; `attune show ID` marks each as imported.",
            count(imported, "entry", "entries"),
            if options.as_private { "private" } else { "encounter" },
            s(imported)
        );
    }
    Ok(())
}

fn print_preview(p: &ImportPreview, options: &ImportOptions) {
    let range = match (p.first_date, p.last_date) {
        (Some(a), Some(b)) if a == b => format!(", dated {a}"),
        (Some(a), Some(b)) => format!(", {a} to {b}"),
        _ => String::new(),
    };
    println!(
        "From {}: {} to bring in{range}.",
        p.format_label,
        count(p.entries, "entry", "entries")
    );
    if p.already_in_journal > 0 {
        println!(
            "Already in your journal, left out: {}.",
            count(p.already_in_journal, "entry", "entries")
        );
    }
    if !p.tags.is_empty() {
        let shown: Vec<String> = p
            .tags
            .iter()
            .take(20)
            .map(|t| format!("{} ({})", theirs(&t.tag), t.count))
            .collect();
        let more = p.tags.len().saturating_sub(20);
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        println!("Tags: {}{more}.", shown.join(", "));
    }
    if p.starred > 0 {
        let how = if options.flag_starred {
            "flagged \"bring to supervision\", as you asked"
        } else {
            "not flagged; --flag-starred flags them \"bring to supervision\""
        };
        println!("Starred or pinned: {} ({how}).", p.starred);
    }
    if p.future_dated > 0 {
        println!(
            "Dated after today: {} (kept as dated).",
            count(p.future_dated, "entry", "entries")
        );
    }
    if !p.dropped.is_empty() {
        println!("Left behind:");
        for d in &p.dropped {
            println!("  - {}", d.text);
        }
    }
    for note in &p.notes {
        println!("Note: {note}");
    }
    if p.deid.total > 0 {
        let kinds: Vec<String> = p
            .deid
            .counts
            .iter()
            .map(|c| format!("{} {}", c.count, plural(&c.label.to_lowercase(), c.count)))
            .collect();
        println!(
            "Looks identifying: {} passage{} ({}). Most in:",
            p.deid.total,
            s(p.deid.total),
            kinds.join(", ")
        );
        for r in &p.deid.most {
            println!(
                "  - {}  {} ({})",
                r.date,
                theirs(r.title.as_deref().unwrap_or("(untitled)")),
                r.findings
            );
        }
        println!(
            "The check is a helper, not a guarantee: `attune deid` shows the passages in a text."
        );
    } else if p.entries > 0 {
        println!("Looks identifying: nothing found (the check can miss things).");
    }
}

/// "name" → "names", "e-mail address" → "e-mail addresses", "date of birth" → "dates of
/// birth", for counts other than one.
fn plural(label: &str, n: usize) -> String {
    if n == 1 {
        label.to_string()
    } else if let Some(rest) = label.strip_prefix("date of") {
        format!("dates of{rest}")
    } else if label.ends_with("ss") {
        format!("{label}es")
    } else {
        format!("{label}s")
    }
}
