//! verify, backup, backups list, restore FILE.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use attune::api::{self, backups, WriteMode};
use attune::store::Store;
use attune::verify::VerifyReport;
use attune::Error;
use chrono::Utc;

use super::Ctx;
use crate::cli::BackupsAction;
use crate::output::{self, s};

/// The rule `restore` goes by: with --to or --yes, or when the argument is not an id
/// (4 to 32 hex digits), it names a backup file; otherwise an entry in the trash.
/// Backup files are never named with hex digits alone, so the two cannot be confused.
pub fn names_backup_file(target: &str, file_flags: bool) -> bool {
    let looks_like_id =
        (4..=32).contains(&target.len()) && target.chars().all(|c| c.is_ascii_hexdigit());
    file_flags || !looks_like_id
}

pub fn verify(ctx: &mut Ctx, backup: Option<&Path>, repair: bool) -> Result<ExitCode, Error> {
    let report = match backup {
        None if repair => {
            let mut journal = ctx.unlock()?;
            backups::repair_index(&mut journal)?;
            if !ctx.json {
                println!("Rebuilt the list index from the entries.");
            }
            backups::verify_journal(&journal)?
        }
        None => backups::verify_journal(&ctx.unlock()?)?,
        Some(file) => {
            let passphrase = ctx.input.passphrase()?;
            backups::verify_backup(file, &passphrase)?
        }
    };
    report_verify(&report, ctx.json)
}

fn report_verify(report: &VerifyReport, json: bool) -> Result<ExitCode, Error> {
    if json {
        output::json(report)?;
    } else if report.is_sound() {
        println!(
            "All {} records are readable and the file is sound.",
            report.records_checked
        );
    } else {
        println!(
            "{} of {} records could not be read:",
            report.damaged.len(),
            report.records_checked
        );
        for d in &report.damaged {
            println!(
                "  {}",
                d.id.as_deref()
                    .unwrap_or("(a record whose id is unreadable)")
            );
        }
        for p in &report.file_problems {
            println!("  file: {p}");
        }
        println!("The rest of the journal is readable. `attune purge ID` removes a damaged record; a backup copy can bring it back.");
    }
    Ok(if report.is_sound() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    })
}

pub fn backup(ctx: &mut Ctx, out: Option<&Path>, folder: Option<PathBuf>) -> Result<(), Error> {
    if let Some(out) = out {
        // A copy of the file as it is: no passphrase needed, nothing decrypted.
        api::files::refuse_existing(out)?;
        backups::save_copy(&Store::open(&ctx.dir)?, out, WriteMode::NewOnly)?;
        println!(
            "Backed up to {} (encrypted; it opens with your passphrase or recovery key).",
            out.display()
        );
        return Ok(());
    }
    let mut journal = ctx.unlock()?;
    if let Some(folder) = &folder {
        backups::set_folder(&mut journal, folder)?;
    }
    let done = backups::back_up_now(&mut journal, Utc::now())?;
    println!("Backed up to {}.", done.file.display());
    if done.removed > 0 {
        println!(
            "Removed {} older backup{} the rotation no longer keeps.",
            done.removed,
            s(done.removed)
        );
    }
    Ok(())
}

pub fn list(ctx: &mut Ctx, action: BackupsAction) -> Result<(), Error> {
    let BackupsAction::List { folder } = action;
    let folder = match folder {
        Some(f) => f,
        None => backups::folder(&ctx.unlock()?)?.ok_or_else(|| {
            Error::invalid(
                "No backup folder is set yet. Name one with `attune backup --folder DIR`.",
            )
        })?,
    };
    let found = backups::list(&folder)?;
    if ctx.json {
        return output::json(&found);
    }
    if found.is_empty() {
        println!("No backups in {} yet.", folder.display());
    }
    for b in &found {
        println!(
            "{}  {}  {:.1} MB",
            b.taken_at.format("%Y-%m-%d %H:%M:%S"),
            b.file_name,
            b.bytes as f64 / 1e6
        );
    }
    Ok(())
}

pub fn restore(ctx: &mut Ctx, file: &str, to: Option<&Path>, yes: bool) -> Result<(), Error> {
    let file = Path::new(file);
    if let Some(to) = to {
        backups::restore_into(to, file)?;
        println!(
            "Restored into {}. It opens with the passphrase (or recovery key) it had when backed up: attune --journal {} list",
            to.display(),
            to.display()
        );
        return Ok(());
    }
    if !yes {
        return Err(Error::invalid(
            "Restoring in place replaces this journal. Add --yes to go ahead (the current journal is kept aside first), or use --to DIR to restore into a new folder.",
        ));
    }
    let restored = backups::restore_in_place(&ctx.dir, file)?;
    if restored.kept_as.is_empty() {
        println!("Restored. It opens with the passphrase (or recovery key) it had when backed up.");
        return Ok(());
    }
    println!(
        "Restored. The journal you had is kept, still encrypted, at {}.",
        ctx.dir
            .join(attune::store::backup::KEPT_BEFORE_RESTORE)
            .join(&restored.kept_as)
            .display()
    );
    Ok(())
}
