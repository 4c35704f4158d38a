//! The commands, by area. `run` only dispatches; each area turns its arguments into
//! api requests, calls [`attune::api`], and prints.

mod backups;
mod endorsement;
mod entries;
mod exchange;
mod import;
mod keys;
mod packs;
#[cfg(feature = "print")]
mod print;
mod sessions;
mod supervision;
mod training;
mod wellbeing;

use std::path::PathBuf;
use std::process::ExitCode;

use attune::api::{self, SecretText};
use attune::journal::Journal;
use attune::{location, Error, ErrorCode};

use crate::cli::{Cli, Command};
use crate::input::Input;

/// What every command gets: the journal folder, whether JSON was asked for, and
/// standard input.
pub struct Ctx<'a> {
    pub dir: PathBuf,
    pub json: bool,
    pub input: &'a mut Input,
}

impl Ctx<'_> {
    /// Unlock (with the shell's session, else the passphrase) and load the journal,
    /// warning about damaged records.
    pub fn unlock(&mut self) -> Result<Journal, Error> {
        let journal = api::keys::load_journal(self.unlock_vault()?)?;
        warn_damaged(journal.damaged().len());
        Ok(journal)
    }

    /// Unlock the vault without loading the journal: for commands that only write
    /// (nothing is decrypted, so no damage is reported). A session in ATTUNE_SESSION
    /// is used when it opens this journal; otherwise its message is shown and the
    /// passphrase asked for (see [`Input::passphrase_instead_of_session`]).
    pub fn unlock_vault(&mut self) -> Result<attune::vault::Vault, Error> {
        if let Some(text) = crate::input::session_text() {
            match api::keys::open_vault_with_session(&self.dir, &text) {
                Ok(vault) => return Ok(vault),
                Err(why) if why.code == ErrorCode::Locked => {
                    let passphrase = self.input.passphrase_instead_of_session(&why)?;
                    return api::keys::open_vault_with(&self.dir, &passphrase);
                }
                Err(other) => return Err(other),
            }
        }
        let passphrase = self.input.passphrase()?;
        api::keys::open_vault_with(&self.dir, &passphrase)
    }

    /// Open the journal with a passphrase already read.
    pub fn open_with(&mut self, passphrase: &SecretText) -> Result<Journal, Error> {
        let journal = api::keys::open_journal_with(&self.dir, passphrase)?;
        warn_damaged(journal.damaged().len());
        Ok(journal)
    }
}

/// Say on standard error that `n` records could not be read (nothing when none).
pub fn warn_damaged(n: usize) {
    if n > 0 {
        eprintln!(
            "attune: warning: {n} record{} could not be read and {} skipped. Run `attune verify` for details.",
            crate::output::s(n),
            if n == 1 { "was" } else { "were" }
        );
    }
}

pub fn run(cli: Cli, input: &mut Input) -> Result<ExitCode, Error> {
    // Needs no journal, so not even a journal folder.
    if let Command::Deid { allow } = &cli.command {
        return entries::deid(input, cli.json, allow);
    }
    let ran = dispatch(cli, input);
    // Ended sessions (of any journal) are swept away by whichever command runs next,
    // after its own session was checked (so it can say why that one ended).
    attune::session::sweep();
    ran
}

fn dispatch(cli: Cli, input: &mut Input) -> Result<ExitCode, Error> {
    let mut ctx = Ctx {
        dir: location::journal_dir(cli.journal.as_deref())?,
        json: cli.json,
        input,
    };
    let ctx = &mut ctx;
    match cli.command {
        Command::Deid { .. } => {}
        Command::Init => keys::init(ctx)?,
        Command::Unlock => keys::unlock(ctx)?,
        Command::Lock => keys::lock(ctx)?,
        Command::Passwd => keys::passwd(ctx)?,
        Command::Recover => keys::recover(ctx)?,
        Command::RotateKey => keys::rotate_key(ctx)?,
        Command::RecoveryKey { action } => keys::recovery_key(ctx, action)?,
        Command::Verify { backup, repair } => {
            return backups::verify(ctx, backup.as_deref(), repair)
        }
        Command::Add { fields, guided } => entries::add(ctx, fields, guided)?,
        Command::List(args) => entries::list(ctx, &args, Vec::new())?,
        Command::Search { query, list } => entries::list(ctx, &list, query)?,
        Command::Show { id } => entries::show(ctx, &id)?,
        Command::Edit { id, fields, clear } => entries::edit(ctx, &id, fields, clear)?,
        Command::Delete { id } => entries::delete(ctx, &id)?,
        Command::Purge { id } => entries::purge(ctx, &id)?,
        Command::EmptyTrash => entries::empty_trash(ctx)?,
        Command::Export { format, out } => entries::export(ctx, format, out.as_deref())?,
        Command::ImportJournal(args) => import::import_journal(ctx, &args)?,
        Command::Restore { target, to, yes } => {
            if backups::names_backup_file(&target, to.is_some() || yes) {
                backups::restore(ctx, &target, to.as_deref(), yes)?;
            } else {
                entries::restore(ctx, &target)?;
            }
        }
        Command::Backup { out, folder } => backups::backup(ctx, out.as_deref(), folder)?,
        Command::Backups { action } => backups::list(ctx, action)?,
        Command::Checkin(args) => wellbeing::checkin(ctx, args)?,
        Command::Trends { weeks } => wellbeing::trends(ctx, weeks)?,
        Command::Prompts { action } => packs::prompts(ctx, action)?,
        Command::Insights { weeks } => packs::insights(ctx, weeks)?,
        Command::Sessions { action } => sessions::sessions(ctx, action)?,
        Command::Training { action } => training::training(ctx, action)?,
        Command::Endorsement(args) => endorsement::endorsement(ctx, args)?,
        Command::Identity { action } => exchange::identity(ctx, action)?,
        Command::Contact { action } => exchange::contact(ctx, action)?,
        Command::Share {
            to,
            ids,
            flagged,
            out,
        } => exchange::share(ctx, &to, &ids, flagged, &out)?,
        Command::Import { file, folders, yes } => {
            exchange::import(ctx, file.as_deref(), folders, yes)?;
        }
        Command::Withdraw { to, id } => exchange::withdraw(ctx, &to, &id)?,
        Command::Inbox { from } => exchange::inbox(ctx, from.as_deref())?,
        Command::Feedback(args) => exchange::feedback(ctx, args)?,
        Command::Prep { action } => supervision::prep(ctx, action)?,
        Command::Takeaway {
            session,
            away,
            next,
            prep,
        } => supervision::takeaway(ctx, &session, away, next, prep.as_deref())?,
        Command::Plan { contact, note } => supervision::plan(ctx, &contact, note)?,
        Command::Confirm { action } => supervision::confirm(ctx, action)?,
        #[cfg(feature = "print")]
        Command::Print { action } => print::print(ctx, action)?,
    }
    Ok(ExitCode::SUCCESS)
}
