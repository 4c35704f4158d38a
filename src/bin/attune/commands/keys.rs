//! init, passwd, recover, rotate-key, recovery-key.

use attune::api::keys::{self, CreateResponse};
use attune::api::{ChangePassphraseRequest, CreateRequest, RecoverRequest};
use attune::session::SESSION_ENV;
use attune::vault::{KdfChoice, TEST_FAST_KDF_ENV};
use attune::Error;
use std::io::IsTerminal;
use zeroize::Zeroizing;

use super::Ctx;
use crate::cli::RecoveryKeyAction;
use crate::input::{stdin_is_terminal, NEW_PASSPHRASE_FILE_ENV, PASSPHRASE_FILE_ENV};

pub fn init(ctx: &mut Ctx) -> Result<(), Error> {
    keys::ensure_no_journal(&ctx.dir)?;
    let kdf = KdfChoice::from_env();
    if kdf == KdfChoice::TestFast {
        eprintln!(
            "WARNING: {TEST_FAST_KDF_ENV}=1 is set. This journal uses a deliberately WEAK key derivation meant only for tests and benchmarks. Do not keep real reflections in it."
        );
    }
    let passphrase = ctx.input.new_passphrase(PASSPHRASE_FILE_ENV)?;
    if stdin_is_terminal() && kdf == KdfChoice::Calibrated {
        eprintln!("Creating your journal; measuring this computer takes a few seconds…");
    }
    let (journal, shown) = keys::create_journal(&ctx.dir, &CreateRequest { passphrase }, kdf)?;
    journal.lock();
    println!("Created a journal in {}.", ctx.dir.display());
    show_recovery_key(&shown);
    Ok(())
}

pub fn passwd(ctx: &mut Ctx) -> Result<(), Error> {
    let current = ctx.input.passphrase()?;
    let mut journal = ctx.open_with(&current)?;
    let new_passphrase = ctx.input.new_passphrase(NEW_PASSPHRASE_FILE_ENV)?;
    keys::change_passphrase(
        &mut journal,
        &ChangePassphraseRequest {
            current,
            new_passphrase,
        },
    )?;
    journal.lock();
    println!("Passphrase changed. Your recovery key still works.");
    println!("{OLDER_COPIES}");
    sessions_ended_by_key_change(ctx);
    Ok(())
}

/// A new passphrase often follows a worry that the old one was seen: end the
/// journal's command-line sessions too, and say so.
fn sessions_ended_by_key_change(ctx: &Ctx) {
    match keys::end_sessions(&ctx.dir, None) {
        Ok(0) => {}
        Ok(n) => println!(
            "{n} unlocked command-line session{} ended; run `attune unlock` again if you need one.",
            crate::output::s(n)
        ),
        Err(e) => eprintln!(
            "attune: warning: unlocked command-line sessions could not be ended ({}). Run `attune lock`.",
            e.message
        ),
    }
}

pub fn recover(ctx: &mut Ctx) -> Result<(), Error> {
    let recovery_key = ctx.input.recovery_key()?;
    let new_passphrase = ctx.input.new_passphrase(NEW_PASSPHRASE_FILE_ENV)?;
    let (journal, fresh) = keys::recover_journal(
        &ctx.dir,
        &RecoverRequest {
            recovery_key,
            new_passphrase,
        },
        KdfChoice::from_env(),
    )?;
    journal.lock();
    println!("Passphrase set. Your old recovery key no longer works; here is the new one.");
    show_recovery_key(&fresh);
    sessions_ended_by_key_change(ctx);
    Ok(())
}

pub fn rotate_key(ctx: &mut Ctx) -> Result<(), Error> {
    let passphrase = ctx.input.passphrase()?;
    let mut journal = ctx.open_with(&passphrase)?;
    let fresh = keys::rotate_key(&mut journal, &passphrase)?;
    println!(
        "Every record is now encrypted under a new key. Your passphrase is unchanged; your old recovery key no longer works."
    );
    show_recovery_key(&fresh);
    println!("{OLDER_COPIES}");
    Ok(())
}

pub fn recovery_key(ctx: &mut Ctx, action: RecoveryKeyAction) -> Result<(), Error> {
    let RecoveryKeyAction::Replace = action;
    // Always the passphrase, never the shell's session: a new recovery key can take
    // the journal over.
    let passphrase = ctx.input.passphrase()?;
    let mut journal = ctx.open_with(&passphrase)?;
    let fresh = keys::replace_recovery_key(&mut journal)?;
    println!("Your old recovery key no longer works; here is the new one.");
    show_recovery_key(&fresh);
    Ok(())
}

/// `attune unlock`: the passphrase once, then `export ATTUNE_SESSION=…` on standard
/// output for `eval "$(attune unlock)"`; what it means goes to standard error.
pub fn unlock(ctx: &mut Ctx) -> Result<(), Error> {
    // The session key is for the shell to keep, not for the screen (its scrollback,
    // a recording, someone looking on): asked for at a terminal, say how instead.
    if !ctx.json && std::io::stdout().is_terminal() {
        return Err(Error::invalid(
            "`attune unlock` gives your shell a session to keep; it does not show it on the screen. Run: eval \"$(attune unlock)\"",
        ));
    }
    let passphrase = ctx.input.passphrase()?;
    let started = keys::start_session(&ctx.dir, &passphrase)?;
    let until = started
        .expires_at
        .with_timezone(&chrono::Local)
        .format("%H:%M");
    if ctx.json {
        // Written out by hand, so the session text is never copied into a JSON value
        // that would not be wiped: it is letters, digits and dots, nothing to escape.
        let out = Zeroizing::new(format!(
            "{{\"session\":\"{}\",\"expires_at\":\"{}\",\"minutes\":{}}}",
            started.text.as_str(),
            started.expires_at.to_rfc3339(),
            started.minutes
        ));
        println!("{}", out.as_str());
    } else {
        // The text is letters, digits and dots: nothing for a shell to expand.
        println!("export {SESSION_ENV}={}", started.text.as_str());
        println!("# fish: attune unlock | source");
    }
    let m = started.minutes;
    eprintln!(
        "Unlocked for {m} minute{} (the journal's auto-lock time), until {until}, or until the computer sleeps. `attune lock` ends it sooner.",
        crate::output::s(m as usize)
    );
    Ok(())
}

/// `attune lock`: end the journal's sessions.
pub fn lock(ctx: &mut Ctx) -> Result<(), Error> {
    let text = crate::input::session_text();
    let n = keys::end_sessions(&ctx.dir, text.as_deref().map(String::as_str))?;
    match n {
        0 => println!("Locked. There was no unlocked session to end."),
        n => println!(
            "Locked. {n} unlocked session{} ended; commands will ask for the passphrase again.",
            crate::output::s(n)
        ),
    }
    if text.is_some() {
        println!("This shell still holds {SESSION_ENV}, which opens nothing now; `unset {SESSION_ENV}` tidies it away.");
    }
    Ok(())
}

/// Copies taken before a key change are copies: they keep the secrets they had.
const OLDER_COPIES: &str = "Backups made before now, and any journal kept aside by a restore (kept-before-restore/ in the journal folder), still open with the old passphrase and recovery key. Delete them, or take a new backup and delete the old ones.";

fn show_recovery_key(shown: &CreateResponse) {
    println!("Recovery key: {}", shown.recovery_key.text());
    println!(
        "Write it down and keep it somewhere safe, away from this computer. It is shown only this once. \
         With it you can open your journal if you forget your passphrase."
    );
}
