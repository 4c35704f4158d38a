//! `attune`: the command-line front end of the journal.
//!
//! A thin layer over the core: it parses arguments, reads secrets without ever taking
//! them as arguments, prints results, and maps error codes to documented exit codes.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use attune::crypto::{strip_one_newline, Passphrase, RecoveryKey};
use attune::journal::{
    self, CheckinAnswer, Direction, Entry, EntryChange, EntryId, EntryKind, EntrySummary, Filter,
    FindRequest, HoursSummary, ItemSet, Journal, NewCheckin, NewEntry, Page, SessionFormat,
    SessionInput, SessionRole, Setting, Settings, Sort, SupervisionSession, Trends, TrendsRequest,
};
use attune::location;
use attune::prompts::{self, AnswerType, PackRequest, PromptPack, Registry};
use attune::vault::{KdfChoice, Vault, TEST_FAST_KDF_ENV};
use attune::{Error, ErrorCode};
use chrono::{Datelike, NaiveDate, Utc};
use clap::{Args, Parser, Subcommand, ValueEnum};
use serde::Serialize;
use zeroize::Zeroizing;

const PASSPHRASE_FILE_ENV: &str = "ATTUNE_PASSPHRASE_FILE";
const NEW_PASSPHRASE_FILE_ENV: &str = "ATTUNE_NEW_PASSPHRASE_FILE";
const RECOVERY_KEY_FILE_ENV: &str = "ATTUNE_RECOVERY_KEY_FILE";

/// Attune: a private, encrypted journal for reflective supervision.
///
/// Passphrases are never taken as arguments: they come from the file named by
/// ATTUNE_PASSPHRASE_FILE, else the first line of standard input when it is not a
/// terminal, else a prompt that does not echo.
#[derive(Debug, Parser)]
#[command(name = "attune", version, about, long_about)]
struct Cli {
    /// The journal folder [default: $ATTUNE_JOURNAL, else $XDG_DATA_HOME/attune]
    #[arg(long, global = true, value_name = "DIR")]
    journal: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create a new journal and show its recovery key (once).
    Init,
    /// Write a new entry; prints its id.
    Add {
        #[command(flatten)]
        fields: EntryFields,
        #[command(flatten)]
        guided: GuidedArgs,
    },
    /// List entries, newest encounter first.
    List(ListArgs),
    /// Show one entry in full.
    Show {
        /// Entry id (or its first few characters)
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Find entries containing every word ("quoted phrases" kept together).
    Search {
        /// What to look for
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        #[command(flatten)]
        list: ListArgs,
    },
    /// Change an entry: the flags given replace those fields.
    Edit {
        id: String,
        #[command(flatten)]
        fields: EntryFields,
        #[command(flatten)]
        clear: ClearFields,
    },
    /// Move an entry to the trash (restorable for 30 days).
    Delete { id: String },
    /// Delete an entry for good (also removes a damaged record by its id).
    Purge { id: String },
    /// Delete everything in the trash for good.
    EmptyTrash,
    /// Write every entry, unencrypted, to a file you name.
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// The file to write; it must not exist yet
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Change the passphrase.
    Passwd,
    /// Open the journal with the recovery key and choose a new passphrase.
    Recover,
    /// Re-encrypt everything under a new key (if an old copy may have leaked).
    RotateKey,
    /// Manage the recovery key.
    RecoveryKey {
        #[command(subcommand)]
        action: RecoveryKeyAction,
    },
    /// Check every record and the file; lists damaged record ids.
    Verify {
        #[arg(long)]
        json: bool,
        /// Check this backup file instead (with the passphrase it was made with)
        #[arg(long, value_name = "FILE")]
        backup: Option<PathBuf>,
    },
    /// Back up the journal, still encrypted: to --out FILE, or into your backup folder
    /// (--folder DIR sets it), keeping recent daily, weekly and monthly copies.
    Backup {
        /// Write one backup file here (for moving to another computer)
        #[arg(long, value_name = "FILE", conflicts_with = "folder")]
        out: Option<PathBuf>,
        /// Use (and remember) this backup folder
        #[arg(long, value_name = "DIR")]
        folder: Option<PathBuf>,
    },
    /// Backups in your backup folder.
    Backups {
        #[command(subcommand)]
        action: BackupsAction,
    },
    /// Take an entry back out of the trash (ID), or restore a backup FILE: into a new
    /// folder (--to DIR), or in place of this journal (--yes), after keeping the
    /// current journal aside.
    Restore {
        /// An entry id, or the path of a backup file
        #[arg(value_name = "ID|FILE")]
        target: String,
        /// A new folder for the restored journal (it must not hold one)
        #[arg(long, value_name = "DIR")]
        to: Option<PathBuf>,
        /// Replace this journal (the current one is kept aside first)
        #[arg(long, conflicts_with = "to")]
        yes: bool,
    },
    /// Flag what looks identifying in text read from standard input (no journal needed).
    ///
    /// Prints one line per passage: START-END (Unicode code points, end exclusive), its
    /// kind and the text. Exits 0 when nothing looks identifying and 1 when something
    /// does, so a script can lint a note before sharing it.
    Deid {
        /// Stable JSON output (see the README)
        #[arg(long)]
        json: bool,
        /// A word never to flag (repeat for more), matched case-insensitively
        #[arg(long = "allow", value_name = "WORD")]
        allow: Vec<String>,
    },
    /// A two-minute wellbeing check-in: answer any of the questions, 0 to 10.
    ///
    /// A reflection aid, not a validated measure or a diagnosis. `--questions` shows the
    /// questions and what each end of the scale means.
    Checkin(CheckinArgs),
    /// How your check-ins have moved over time, per question and overall.
    Trends {
        /// Only the last N weeks [default: every check-in]
        #[arg(long, value_name = "N", default_value_t = 0, hide_default_value = true)]
        weeks: u32,
        /// Stable JSON output (see the README)
        #[arg(long)]
        json: bool,
    },
    /// Guided-reflection prompt packs.
    Prompts {
        #[command(subcommand)]
        action: PromptsAction,
    },
    /// Which elements and themes your reflections touched lately, and how much you are
    /// carrying, week by week.
    Insights {
        /// How many weeks back to look (1 to 52)
        #[arg(long, default_value_t = prompts::DEFAULT_WEEKS)]
        weeks: u32,
        #[arg(long)]
        json: bool,
    },
    /// Supervision sessions and your yearly RS/C hours.
    Sessions {
        #[command(subcommand)]
        action: SessionsAction,
    },
    /// This journal's keys for the supervision exchange.
    Identity {
        #[command(subcommand)]
        action: IdentityAction,
    },
    /// Contact cards: yours to give, and the people you exchange with.
    Contact {
        #[command(subcommand)]
        action: ContactAction,
    },
    /// Share entries with your supervisor: writes an encrypted packet to a new file.
    ///
    /// The packet holds every entry shared with them so far (as the entries read now)
    /// plus the ones you withdrew. With no ids, it is written again as it stands.
    Share {
        /// The supervisor's contact id (first few characters) or name
        #[arg(long, value_name = "CONTACT")]
        to: String,
        /// Entry ids to add (first few characters)
        ids: Vec<String>,
        /// Also add every entry marked "bring to supervision"
        #[arg(long)]
        flagged: bool,
        /// The packet file to write; it must not exist yet
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Import a packet from a supervisee (shared entries) or a supervisor (feedback).
    Import {
        /// The packet file
        file: PathBuf,
    },
    /// Take an entry back from what is shared with a supervisor (sent with the next share).
    Withdraw {
        #[arg(long, value_name = "CONTACT")]
        to: String,
        /// Entry id (first few characters)
        id: String,
    },
    /// Entries your supervisees shared with you.
    Inbox {
        /// Only this supervisee
        #[arg(long, value_name = "CONTACT")]
        from: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Read feedback from your supervisors; with --to, write a response to a supervisee
    /// and the feedback packet.
    Feedback(FeedbackArgs),
}

#[derive(Debug, Subcommand)]
enum SessionsAction {
    /// Log a supervision session; prints its id.
    Add {
        /// The day it took place, YYYY-MM-DD
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
        /// How long it lasted, 1 to 600
        #[arg(long, value_name = "N")]
        minutes: u32,
        #[arg(long, value_enum)]
        format: FormatArg,
        /// With whom: a name or a role, such as "my supervisor" or "Tuesday group"
        #[arg(long = "with", value_name = "NAME")]
        with_whom: String,
        /// You gave the supervision (these hours are totalled apart, not counted
        /// towards your target)
        #[arg(long)]
        giving: bool,
        /// An entry you talked about (repeat for more; an id or its first 4+ characters)
        #[arg(long = "entry", value_name = "ID")]
        entries: Vec<String>,
        /// Notes, kept encrypted; never part of the hours export
        #[arg(long, value_name = "TEXT")]
        notes: Option<String>,
    },
    /// List sessions, newest first.
    List {
        /// Only this year's [default: every session]
        #[arg(long, value_name = "YEAR")]
        year: Option<i32>,
        #[arg(long)]
        json: bool,
    },
    /// The hours of one year, and progress towards your yearly target.
    Hours {
        /// The year [default: this year]
        #[arg(long, value_name = "YEAR")]
        year: Option<i32>,
        /// Set your yearly target of hours received, 1 to 200 (kept in the settings)
        #[arg(long, value_name = "N")]
        target: Option<u32>,
        /// Also write the year's log as CSV (dates, durations, names; never notes) to a
        /// new file
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Delete a session for good (also a damaged one, by its id).
    Delete {
        /// Session id (or its first few characters)
        id: String,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    Individual,
    Group,
}

#[derive(Debug, Subcommand)]
enum IdentityAction {
    /// Show your public keys (made the first time they are needed).
    Show {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum CardRoleArg {
    Supervisor,
    Supervisee,
    Both,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum RelationArg {
    MySupervisor,
    MySupervisee,
    Both,
}

#[derive(Debug, Subcommand)]
enum ContactAction {
    /// Print your contact card (or write it to a new file) to give to the other person.
    Export {
        /// The name they will see (a first name or initials are enough)
        #[arg(long)]
        name: String,
        /// The role you play with them
        #[arg(long, value_enum)]
        role: CardRoleArg,
        /// Write the card to this new file instead of printing it
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Add someone from their card; prints the safety code to compare with them.
    Import {
        /// The card file, or - for standard input (after the passphrase line)
        file: String,
        /// Who they are to you
        #[arg(long = "as", value_enum)]
        relation: RelationArg,
        /// They set Attune up again: replace their pinned keys (confirm again after)
        #[arg(long)]
        replace_key: bool,
    },
    /// List your contacts with their safety codes and whether they are confirmed.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Confirm a contact after comparing the safety code with them, digit by digit.
    Confirm {
        /// Contact id (first few characters)
        id: String,
    },
}

#[derive(Debug, Args)]
struct FeedbackArgs {
    /// Write a response to this supervisee (contact id or name)
    #[arg(long, value_name = "CONTACT", requires_all = ["out", "entry"])]
    to: Option<String>,
    /// The entry: theirs with --to (id from `attune inbox`), else one of yours
    #[arg(long, value_name = "ID")]
    entry: Option<String>,
    /// What I heard
    #[arg(long, requires = "to")]
    heard: Option<String>,
    /// What I wonder
    #[arg(long, requires = "to")]
    wonder: Option<String>,
    /// What stays with me
    #[arg(long, requires = "to")]
    stays: Option<String>,
    /// The feedback packet file to write; it must not exist yet
    #[arg(long, value_name = "FILE", requires = "to")]
    out: Option<PathBuf>,
    #[arg(long, conflicts_with = "to")]
    json: bool,
}

/// The check-in answers as flags, one per item of `content/checkin.json` (a test keeps
/// the two in step).
#[derive(Debug, Args)]
struct CheckinArgs {
    /// Energy for your work: 0 running on empty, 10 plenty to give
    #[arg(long, value_name = "0-10")]
    energy: Option<u8>,
    /// Emotionally drained: 0 not drained, 10 completely drained
    #[arg(long, value_name = "0-10")]
    exhaustion: Option<u8>,
    /// Families' stories coming back unbidden: 0 hardly at all, 10 very often
    #[arg(long, value_name = "0-10")]
    intrusive: Option<u8>,
    /// Feeling your work makes a difference: 0 not at all, 10 very much
    #[arg(long, value_name = "0-10")]
    effectiveness: Option<u8>,
    /// Feeling supported: 0 alone with it, 10 well held
    #[arg(long, value_name = "0-10")]
    support: Option<u8>,
    /// Sleep: 0 very poorly, 10 very well
    #[arg(long, value_name = "0-10")]
    sleep: Option<u8>,
    /// A short note, kept encrypted with the check-in
    #[arg(long, value_name = "TEXT")]
    note: Option<String>,
    /// The answers as a JSON object, e.g. '{"energy": 6, "sleep": 4, "note": "…"}';
    /// without a value (or with -), read from standard input after the passphrase
    #[arg(
        long,
        value_name = "JSON",
        num_args = 0..=1,
        default_missing_value = "-",
        conflicts_with_all = ["energy", "exhaustion", "intrusive", "effectiveness", "support", "sleep", "note"]
    )]
    json: Option<String>,
    /// Show the questions and what the check-in is (and is not), then stop
    #[arg(long, conflicts_with = "json")]
    questions: bool,
}

impl CheckinArgs {
    /// The answers given as flags, by item id.
    fn flags(&self) -> [(&'static str, Option<u8>); 6] {
        [
            ("energy", self.energy),
            ("exhaustion", self.exhaustion),
            ("intrusive", self.intrusive),
            ("effectiveness", self.effectiveness),
            ("support", self.support),
            ("sleep", self.sleep),
        ]
    }
}

#[derive(Debug, Subcommand)]
enum PromptsAction {
    /// List the built-in packs (with --custom, your own packs too; needs the passphrase).
    List {
        #[arg(long)]
        custom: bool,
        #[arg(long)]
        json: bool,
    },
    /// Show one pack's prompts (a custom pack needs the passphrase).
    Show {
        /// Pack id, e.g. after-encounter
        id: String,
        /// An older version [default: the latest]
        #[arg(long, value_name = "N")]
        version: Option<u32>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
struct GuidedArgs {
    /// Write with this prompt pack (see `attune prompts list`)
    #[arg(long, value_name = "ID", conflicts_with = "json")]
    pack: Option<String>,
    /// Answers as a JSON object {"prompt-id": "text" | 0-10 | {"step": "…", "by": "YYYY-MM-DD"}}:
    /// given inline, in a FILE, or on standard input with -
    #[arg(long, value_name = "JSON|FILE|-", requires = "pack")]
    answers: Option<String>,
}

#[derive(Debug, Subcommand)]
enum BackupsAction {
    /// List them, newest first
    List {
        /// Another folder than the one in your settings (needs no passphrase)
        #[arg(long, value_name = "DIR")]
        folder: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
enum RecoveryKeyAction {
    /// Issue a new recovery key; the old one stops working.
    Replace,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExportFormat {
    Json,
    Md,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum SortArg {
    Newest,
    Oldest,
    Updated,
}

#[derive(Debug, Args)]
struct EntryFields {
    /// A short title
    #[arg(long)]
    title: Option<String>,
    /// Encounter date, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// encounter or private
    #[arg(long)]
    kind: Option<String>,
    /// A short family code you choose (never a name)
    #[arg(long, value_name = "CODE")]
    family: Option<String>,
    /// home_visit, clinic, hospital, early_care, community, telehealth, office, other
    #[arg(long)]
    setting: Option<String>,
    /// A tag (repeat for more); on edit, replaces the tags
    #[arg(long = "tag", value_name = "TAG")]
    tags: Vec<String>,
    /// Mark "bring to supervision"
    #[arg(long)]
    flag: bool,
    /// How much am I carrying this, 0 to 10
    #[arg(long, value_name = "0-10")]
    rating: Option<u8>,
    /// Read the text from FILE, or from standard input with -
    #[arg(long, value_name = "FILE")]
    body_file: Option<PathBuf>,
    /// Read the whole entry as JSON (from --body-file, else standard input)
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct ClearFields {
    /// Remove the "bring to supervision" mark
    #[arg(long, conflicts_with = "flag")]
    no_flag: bool,
    /// Remove the title
    #[arg(long, conflicts_with = "title")]
    clear_title: bool,
    /// Remove the family code
    #[arg(long, conflicts_with = "family")]
    clear_family: bool,
    /// Remove every tag
    #[arg(long, conflicts_with = "tags")]
    clear_tags: bool,
    /// Remove the rating
    #[arg(long, conflicts_with = "rating")]
    clear_rating: bool,
}

#[derive(Debug, Args)]
struct ListArgs {
    /// How many entries to show
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// Skip this many first
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// Encounters on or after this date
    #[arg(long, value_name = "YYYY-MM-DD")]
    from: Option<String>,
    /// Encounters on or before this date
    #[arg(long, value_name = "YYYY-MM-DD")]
    to: Option<String>,
    #[arg(long)]
    tag: Option<String>,
    /// encounter or private
    #[arg(long)]
    kind: Option<String>,
    #[arg(long, value_name = "CODE")]
    family: Option<String>,
    /// Only entries marked "bring to supervision"
    #[arg(long)]
    flagged: bool,
    /// Show the trash instead
    #[arg(long)]
    trash: bool,
    #[arg(long, value_enum, default_value = "newest")]
    sort: SortArg,
    /// Stable JSON output (see the README)
    #[arg(long)]
    json: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut input = Input::default();
    match run(cli, &mut input) {
        Ok(code) => code,
        Err(err) => {
            let _ = writeln!(std::io::stderr(), "attune: {}", err.message);
            ExitCode::from(exit_code(err.code))
        }
    }
}

/// The documented exit codes.
fn exit_code(code: ErrorCode) -> u8 {
    match code {
        ErrorCode::InvalidInput
        | ErrorCode::NotFound
        | ErrorCode::JournalExists
        | ErrorCode::NoJournal
        | ErrorCode::WeakPassphrase
        | ErrorCode::RecoveryKeyMistyped
        | ErrorCode::Unwritable
        | ErrorCode::PacketRefused => 2,
        ErrorCode::DamagedRecords | ErrorCode::DamagedJournal => 3,
        ErrorCode::WrongSecret => 4,
        ErrorCode::JournalBusy
        | ErrorCode::NewerVersion
        | ErrorCode::DiskFull
        | ErrorCode::WriteFailed
        | ErrorCode::Locked
        | ErrorCode::Internal => 1,
    }
}

/// Standard input, read at most once: the first line may be the passphrase, the rest
/// the entry text or JSON.
#[derive(Default)]
struct Input {
    text: Option<Zeroizing<String>>,
    pos: usize,
}

impl Input {
    fn load(&mut self) -> Result<&str, Error> {
        if self.text.is_none() {
            let mut text = Zeroizing::new(String::new());
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|_| Error::invalid("Standard input is not readable text (UTF-8)."))?;
            self.text = Some(text);
        }
        Ok(self.text.as_deref().map(String::as_str).unwrap_or(""))
    }

    /// The next line of standard input (without its newline), if any.
    fn next_line(&mut self) -> Result<Option<Zeroizing<String>>, Error> {
        let pos = self.pos;
        let text = self.load()?;
        if pos >= text.len() {
            return Ok(None);
        }
        let rest = &text[pos..];
        let (line, used) = match rest.find('\n') {
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()),
        };
        let line = Zeroizing::new(line.strip_suffix('\r').unwrap_or(line).to_string());
        self.pos += used;
        Ok(Some(line))
    }

    /// Everything not yet read, with exactly one trailing newline removed.
    fn rest(&mut self) -> Result<Zeroizing<String>, Error> {
        let pos = self.pos;
        let text = self.load()?;
        let mut rest = Zeroizing::new(text.get(pos..).unwrap_or("").to_string());
        self.pos = text.len();
        strip_one_newline(&mut rest);
        Ok(rest)
    }
}

fn stdin_is_terminal() -> bool {
    std::io::stdin().is_terminal()
}

/// First line of the file named by `env`, if that variable is set.
fn secret_from_env_file(env: &str) -> Result<Option<Zeroizing<String>>, Error> {
    let Some(path) = std::env::var_os(env).filter(|p| !p.is_empty()) else {
        return Ok(None);
    };
    let text = Zeroizing::new(
        std::fs::read_to_string(&path)
            .map_err(|_| Error::invalid(format!("Could not read the file named by {env}.")))?,
    );
    let line = text.split('\n').next().unwrap_or("");
    Ok(Some(Zeroizing::new(
        line.strip_suffix('\r').unwrap_or(line).to_string(),
    )))
}

fn prompt_hidden(prompt: &str) -> Result<Zeroizing<String>, Error> {
    rpassword::prompt_password(prompt)
        .map(Zeroizing::new)
        .map_err(|_| {
            Error::invalid("Could not read from the terminal. Set ATTUNE_PASSPHRASE_FILE instead.")
        })
}

/// The passphrase of an existing journal.
fn read_passphrase(input: &mut Input) -> Result<Passphrase, Error> {
    if let Some(line) = secret_from_env_file(PASSPHRASE_FILE_ENV)? {
        return Ok(Passphrase::new(&line));
    }
    if !stdin_is_terminal() {
        let line = input.next_line()?.ok_or_else(|| {
            Error::invalid("Expected the passphrase on the first line of standard input.")
        })?;
        return Ok(Passphrase::new(&line));
    }
    Ok(Passphrase::new(&prompt_hidden("Passphrase: ")?))
}

/// A new passphrase: from `env`'s file, the next line of standard input, or asked twice.
fn read_new_passphrase(input: &mut Input, env: &str) -> Result<Passphrase, Error> {
    if let Some(line) = secret_from_env_file(env)? {
        return Ok(Passphrase::new_checked(&line)?);
    }
    if !stdin_is_terminal() {
        let line = input.next_line()?.ok_or_else(|| {
            Error::invalid(format!(
                "Expected the new passphrase on standard input, or set {env}."
            ))
        })?;
        return Ok(Passphrase::new_checked(&line)?);
    }
    eprintln!(
        "Choose a passphrase of at least {} characters. A few unrelated words are easy to remember and hard to guess.",
        attune::crypto::MIN_PASSPHRASE_CHARS
    );
    let first = prompt_hidden("New passphrase: ")?;
    let pass = Passphrase::new_checked(&first)?;
    let second = prompt_hidden("Same passphrase again: ")?;
    if *first != *second {
        return Err(Error::invalid(
            "The two passphrases were different; nothing was changed.",
        ));
    }
    Ok(pass)
}

fn read_recovery_key(input: &mut Input) -> Result<RecoveryKey, Error> {
    let typed = if let Some(line) = secret_from_env_file(RECOVERY_KEY_FILE_ENV)? {
        line
    } else if !stdin_is_terminal() {
        input
            .next_line()?
            .ok_or_else(|| Error::invalid("Expected the recovery key on standard input."))?
    } else {
        prompt_hidden("Recovery key: ")?
    };
    Ok(RecoveryKey::parse(&typed)?)
}

fn unlock(dir: &Path, input: &mut Input) -> Result<Journal, Error> {
    let pass = read_passphrase(input)?;
    let journal = Journal::load(Vault::unlock(dir, &pass)?, Utc::now())?;
    warn_damaged(&journal);
    Ok(journal)
}

fn warn_damaged(journal: &Journal) {
    let n = journal.damaged().len();
    if n > 0 {
        eprintln!(
            "attune: warning: {n} record{} could not be read and {} skipped. Run `attune verify` for details.",
            if n == 1 { "" } else { "s" },
            if n == 1 { "was" } else { "were" }
        );
    }
}

fn parse_date(text: &str) -> Result<NaiveDate, Error> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| Error::invalid("Dates are written YYYY-MM-DD, for example 2026-03-04."))
}

fn print_json<T: Serialize>(value: &T) -> Result<(), Error> {
    let text = Zeroizing::new(
        serde_json::to_string_pretty(value)
            .map_err(|_| Error::invalid("Could not encode JSON."))?,
    );
    println!("{}", *text);
    Ok(())
}

fn run(cli: Cli, input: &mut Input) -> Result<ExitCode, Error> {
    // Needs no journal, so not even a journal folder.
    if let Command::Deid { json, allow } = &cli.command {
        return deid(input, *json, allow);
    }
    let dir = location::journal_dir(cli.journal.as_deref())?;
    match cli.command {
        Command::Init => init(&dir, input)?,
        Command::Add { fields, guided } => {
            if guided.answers.as_deref() == Some("-")
                && (fields.json || fields.body_file.as_deref() == Some(Path::new("-")))
            {
                return Err(Error::invalid(
                    "Standard input can carry the text or the answers, not both; put one in a file.",
                ));
            }
            let mut journal = unlock(&dir, input)?;
            let registry = journal.pack_registry()?;
            let mut new = new_entry(fields, input)?;
            if let Some(id) = &guided.pack {
                let pack = registry.get(&PackRequest {
                    id: id.clone(),
                    version: None,
                })?;
                new.prompt_pack = Some(pack.pack_ref());
                if let Some(source) = &guided.answers {
                    let json = answers_json(source, input)?;
                    new.answers = prompts::answers_from_json(&registry, pack, &json)?;
                }
            }
            journal.prepare_new_entry(&mut new)?;
            let entry = journal.add(new, Utc::now())?;
            println!("{}", entry.id);
        }
        Command::List(args) => {
            let journal = unlock(&dir, input)?;
            let page = journal.find(&find_request(String::new(), &args)?)?;
            print_page(&page, args.json, false)?;
        }
        Command::Search { query, list } => {
            let journal = unlock(&dir, input)?;
            let page = journal.find(&find_request(query.join(" "), &list)?)?;
            print_page(&page, list.json, true)?;
        }
        Command::Show { id, json } => {
            let journal = unlock(&dir, input)?;
            let entry = journal.get(&journal.resolve_id(&id)?)?;
            if json {
                print_json(entry)?;
            } else {
                print_entry(entry, &journal.pack_registry()?);
            }
        }
        Command::Edit { id, fields, clear } => {
            let mut journal = unlock(&dir, input)?;
            let id = journal.resolve_id(&id)?;
            let mut change = entry_change(fields, clear, input)?;
            journal.prepare_entry_change(&id, &mut change)?;
            let entry = journal.edit(&id, change, Utc::now())?;
            println!("{}", entry.id);
        }
        Command::Delete { id } => {
            let mut journal = unlock(&dir, input)?;
            let id = journal.resolve_id(&id)?;
            journal.trash(&id, Utc::now())?;
            println!(
                "Moved to the trash. `attune restore {}` brings it back within {} days.",
                &id.to_hex()[..8],
                journal::TRASH_DAYS
            );
        }
        Command::Restore { target, to, yes }
            if to.is_some() || yes || Path::new(&target).is_file() =>
        {
            restore(&dir, Path::new(&target), to.as_deref(), yes)?;
        }
        Command::Restore { target, .. } => {
            let mut journal = unlock(&dir, input)?;
            let id = journal.resolve_id(&target)?;
            journal.restore(&id, Utc::now())?;
            println!("Restored.");
        }
        Command::Purge { id } => {
            let mut journal = unlock(&dir, input)?;
            let id = journal.resolve_id(&id)?;
            journal.purge(&id)?;
            println!("Deleted for good.");
        }
        Command::EmptyTrash => {
            let mut journal = unlock(&dir, input)?;
            let n = journal.empty_trash()?;
            println!(
                "Deleted {n} entr{} for good.",
                if n == 1 { "y" } else { "ies" }
            );
        }
        Command::Export { format, out } => export(&dir, input, format, out.as_deref())?,
        Command::Passwd => {
            let mut journal = unlock(&dir, input)?;
            let new = read_new_passphrase(input, NEW_PASSPHRASE_FILE_ENV)?;
            journal.vault_mut().change_passphrase(&new)?;
            println!("Passphrase changed. Your recovery key still works.");
        }
        Command::Recover => {
            let key = read_recovery_key(input)?;
            let new = read_new_passphrase(input, NEW_PASSPHRASE_FILE_ENV)?;
            let (vault, fresh) = Vault::recover(&dir, &key, &new)?;
            vault.lock();
            println!("Passphrase set. Your old recovery key no longer works; here is the new one.");
            show_recovery_key(&fresh);
        }
        Command::RotateKey => {
            let pass = read_passphrase(input)?;
            let mut journal = Journal::load(Vault::unlock(&dir, &pass)?, Utc::now())?;
            warn_damaged(&journal);
            let fresh = journal.vault_mut().rotate_key(&pass)?;
            println!(
                "Every record is now encrypted under a new key. Your passphrase is unchanged; your old recovery key no longer works."
            );
            show_recovery_key(&fresh);
        }
        Command::RecoveryKey {
            action: RecoveryKeyAction::Replace,
        } => {
            let mut journal = unlock(&dir, input)?;
            let fresh = journal.vault_mut().replace_recovery_key()?;
            println!("Your old recovery key no longer works; here is the new one.");
            show_recovery_key(&fresh);
        }
        Command::Verify { json, backup } => match backup {
            None => return verify(&dir, input, json),
            Some(file) => return verify_backup(&file, input, json),
        },
        Command::Backup { out, folder } => backup(&dir, input, out.as_deref(), folder.as_deref())?,
        Command::Backups {
            action: BackupsAction::List { folder, json },
        } => {
            let folder = match folder {
                Some(f) => f,
                None => saved_backup_folder(&dir, input)?,
            };
            let found = attune::store::backup::list_backups(&folder)?;
            if json {
                print_json(&found)?;
            } else if found.is_empty() {
                println!("No backups in {} yet.", folder.display());
            } else {
                for b in &found {
                    println!(
                        "{}  {}  {:.1} MB",
                        b.taken_at.format("%Y-%m-%d %H:%M:%S"),
                        b.file_name,
                        b.bytes as f64 / 1e6
                    );
                }
            }
        }

        Command::Checkin(args) => checkin(&dir, input, args)?,
        Command::Trends { weeks, json } => {
            let journal = unlock(&dir, input)?;
            let trends = journal.checkin_trends(&TrendsRequest { weeks }, Utc::now())?;
            if json {
                print_json(&trends)?;
            } else {
                print_trends(&trends, weeks)?;
            }
        }
        Command::Sessions { action } => sessions_command(&dir, input, action)?,
        Command::Deid { .. } => {}
        Command::Prompts { action } => prompts_command(&dir, input, action)?,
        Command::Identity { action } => exchange::identity(&dir, input, action)?,
        Command::Contact { action } => exchange::contact(&dir, input, action)?,
        Command::Share {
            to,
            ids,
            flagged,
            out,
        } => exchange::share(&dir, input, &to, &ids, flagged, &out)?,
        Command::Import { file } => exchange::import(&dir, input, &file)?,
        Command::Withdraw { to, id } => exchange::withdraw(&dir, input, &to, &id)?,
        Command::Inbox { from, json } => exchange::inbox(&dir, input, from.as_deref(), json)?,
        Command::Feedback(args) => exchange::feedback(&dir, input, args)?,
        Command::Insights { weeks, json } => {
            let journal = unlock(&dir, input)?;
            let found = prompts::insights(
                journal.entries(),
                &journal.pack_registry()?,
                weeks,
                chrono::Local::now().date_naive(),
            )?;
            if json {
                print_json(&found)?;
            } else {
                print_insights(&found);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn init(dir: &Path, input: &mut Input) -> Result<(), Error> {
    if attune::store::Store::exists(dir) {
        return Err(Error::new(
            ErrorCode::JournalExists,
            format!(
                "There is already a journal in {}. Nothing was changed.",
                dir.display()
            ),
        ));
    }
    let kdf = KdfChoice::from_env();
    if kdf == KdfChoice::TestFast {
        eprintln!(
            "WARNING: {TEST_FAST_KDF_ENV}=1 is set. This journal uses a deliberately WEAK key derivation meant only for tests and benchmarks. Do not keep real reflections in it."
        );
    }
    let pass = read_new_passphrase(input, PASSPHRASE_FILE_ENV)?;
    if stdin_is_terminal() && kdf == KdfChoice::Calibrated {
        eprintln!("Creating your journal; measuring this computer takes a few seconds…");
    }
    let (vault, recovery) = Vault::create(dir, &pass, kdf)?;
    vault.lock();
    println!("Created a journal in {}.", dir.display());
    show_recovery_key(&recovery);
    Ok(())
}

fn show_recovery_key(key: &RecoveryKey) {
    println!("Recovery key: {}", *key.to_display());
    println!(
        "Write it down and keep it somewhere safe, away from this computer. It is shown only this once. \
         With it you can open your journal if you forget your passphrase."
    );
}

fn body_text(fields: &EntryFields, input: &mut Input) -> Result<Option<Zeroizing<String>>, Error> {
    match fields.body_file.as_deref() {
        None if fields.json => Ok(Some(input.rest()?)),
        None => Ok(None),
        Some(p) if p == Path::new("-") => Ok(Some(input.rest()?)),
        Some(p) => {
            let mut text = Zeroizing::new(std::fs::read_to_string(p).map_err(|_| {
                Error::invalid("Could not read the body file (is it UTF-8 text?).")
            })?);
            strip_one_newline(&mut text);
            Ok(Some(text))
        }
    }
}

/// Parse a whole entry or change given as JSON; the message names the place, never the text.
fn parse_json<T: serde::de::DeserializeOwned>(
    text: Option<Zeroizing<String>>,
    what: &str,
) -> Result<T, Error> {
    serde_json::from_str(&text.unwrap_or_default()).map_err(|e| {
        Error::invalid(format!(
            "The JSON {what} is not valid (line {}, column {}). Nothing was saved.",
            e.line(),
            e.column()
        ))
    })
}

/// An edit flag: a new value, a request to clear it, or no change.
fn set_or_clear<T>(value: Option<T>, cleared: bool) -> Option<Option<T>> {
    match (value, cleared) {
        (Some(v), _) => Some(Some(v)),
        (None, true) => Some(None),
        (None, false) => None,
    }
}

fn new_entry(fields: EntryFields, input: &mut Input) -> Result<NewEntry, Error> {
    let text = body_text(&fields, input)?;
    if fields.json {
        return parse_json(text, "entry");
    }
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
    input: &mut Input,
) -> Result<EntryChange, Error> {
    let text = body_text(&fields, input)?;
    if fields.json {
        return parse_json(text, "change");
    }
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
        sort: match args.sort {
            SortArg::Newest => Sort::Newest,
            SortArg::Oldest => Sort::Oldest,
            SortArg::Updated => Sort::Updated,
        },
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
        return print_json(&ListedPage {
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
            &s.id.to_hex()[..8],
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

/// The answers given to `attune add --answers`: inline JSON, a file, or standard input.
fn answers_json(source: &str, input: &mut Input) -> Result<serde_json::Value, Error> {
    let text =
        if source == "-" {
            input.rest()?
        } else if source.trim_start().starts_with('{') {
            Zeroizing::new(source.to_string())
        } else {
            Zeroizing::new(std::fs::read_to_string(source).map_err(|_| {
                Error::invalid("Could not read the answers file (is it UTF-8 text?).")
            })?)
        };
    parse_json(Some(text), "answers")
}

fn prompts_command(dir: &Path, input: &mut Input, action: PromptsAction) -> Result<(), Error> {
    match action {
        PromptsAction::List { custom, json } => {
            let registry = if custom {
                unlock(dir, input)?.pack_registry()?
            } else {
                Registry::built_in()?
            };
            let packs = registry.summaries();
            if json {
                return print_json(&packs);
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
        PromptsAction::Show { id, version, json } => {
            let req = PackRequest { id, version };
            let built_in = Registry::built_in()?;
            // Built-in packs need no passphrase; only a custom pack opens the journal.
            let pack = if built_in.is_built_in(&req.id) {
                built_in.get(&req)?.clone()
            } else {
                unlock(dir, input)?.pack_registry()?.get(&req)?.clone()
            };
            if json {
                return print_json(&pack);
            }
            print_pack(&pack);
        }
    }
    Ok(())
}

fn sessions_command(dir: &Path, input: &mut Input, action: SessionsAction) -> Result<(), Error> {
    match action {
        SessionsAction::Add {
            date,
            minutes,
            format,
            with_whom,
            giving,
            entries,
            notes,
        } => {
            let date = parse_date(&date)?;
            let mut journal = unlock(dir, input)?;
            let entries_discussed = entries
                .iter()
                .map(|typed| journal.resolve_id(typed))
                .collect::<Result<Vec<EntryId>, Error>>()?;
            let session = journal.save_session(
                SessionInput {
                    id: None,
                    date,
                    minutes,
                    format: match format {
                        FormatArg::Individual => SessionFormat::Individual,
                        FormatArg::Group => SessionFormat::Group,
                    },
                    with_whom,
                    role: if giving {
                        SessionRole::Giving
                    } else {
                        SessionRole::Receiving
                    },
                    entries_discussed,
                    notes,
                },
                Utc::now(),
            )?;
            println!("{}", session.id);
        }
        SessionsAction::List { year, json } => {
            let journal = unlock(dir, input)?;
            let sessions = journal.sessions_of(year)?;
            if json {
                print_json(&sessions)?;
            } else {
                print_sessions(&sessions, year);
            }
        }
        SessionsAction::Hours {
            year,
            target,
            csv,
            json,
        } => {
            let year = year.unwrap_or_else(|| chrono::Local::now().year());
            if csv.as_deref().is_some_and(Path::exists) {
                return Err(Error::invalid(
                    "That file already exists; choose a new name. Nothing was written.",
                ));
            }
            let mut journal = unlock(dir, input)?;
            if let Some(target) = target {
                let settings = Settings {
                    rsc_hours_target: Some(target),
                    ..journal.settings()?
                };
                journal.save_settings(&settings)?;
            }
            let summary = journal.hours(year)?;
            if let Some(path) = &csv {
                attune::files::write_new_private_file(path, journal.hours_csv(year)?.as_bytes())?;
            }
            if json {
                print_json(&summary)?;
            } else {
                print_hours(&summary);
                if let Some(path) = &csv {
                    println!(
                        "Wrote {} session{} of {year} to {} (dates, durations and names; no notes).",
                        summary.sessions,
                        if summary.sessions == 1 { "" } else { "s" },
                        path.display()
                    );
                }
            }
        }
        SessionsAction::Delete { id } => {
            let mut journal = unlock(dir, input)?;
            let id = journal.resolve_session_id(&id)?;
            journal.delete_session(&id)?;
            println!("Deleted for good.");
        }
    }
    Ok(())
}

/// Minutes as hours, without trailing zeros: 450 is "7.5", 720 is "12", 20 is "0.33".
fn hours_of(minutes: u32) -> String {
    let text = format!("{:.2}", f64::from(minutes) / 60.0);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn hours_word(minutes: u32) -> &'static str {
    if minutes == 60 {
        "hour"
    } else {
        "hours"
    }
}

fn print_sessions(sessions: &[SupervisionSession], year: Option<i32>) {
    if sessions.is_empty() {
        match year {
            Some(y) => println!("No sessions in {y}."),
            None => println!("No sessions yet. `attune sessions add` logs one."),
        }
        return;
    }
    for s in sessions {
        println!(
            "{}  {}  {:>4} min  {:<10}  {:<9}  {}{}{}",
            &s.id.to_hex()[..8],
            s.date,
            s.minutes,
            s.format.as_str(),
            s.role.as_str(),
            s.with_whom,
            match s.entries_discussed.len() {
                0 => String::new(),
                1 => "  (1 entry)".to_string(),
                n => format!("  ({n} entries)"),
            },
            if s.notes.is_some() { "  (notes)" } else { "" }
        );
    }
}

fn print_hours(summary: &HoursSummary) {
    let year = summary.year;
    let received = hours_of(summary.received_minutes);
    match (summary.target_hours, summary.progress) {
        (Some(target), Some(progress)) => println!(
            "{received} of {target} hours in {year} ({}%)",
            (progress * 100.0).floor()
        ),
        _ => println!(
            "{received} {} received in {year}. `--target N` sets a yearly goal (renewal often asks 12).",
            hours_word(summary.received_minutes)
        ),
    }
    if summary.given_minutes > 0 {
        println!(
            "{} {} given as supervisor (not counted towards the target).",
            hours_of(summary.given_minutes),
            hours_word(summary.given_minutes)
        );
    }
    if summary.sessions == 0 {
        return;
    }
    println!();
    println!("{:<6} {:>9} {:>7}", "month", "received", "given");
    for m in summary
        .by_month
        .iter()
        .filter(|m| m.received_minutes > 0 || m.given_minutes > 0)
    {
        let name = NaiveDate::from_ymd_opt(year, m.month, 1)
            .map_or_else(|| m.month.to_string(), |d| d.format("%b").to_string());
        println!(
            "{:<6} {:>9} {:>7}",
            name,
            hours_of(m.received_minutes),
            hours_of(m.given_minutes)
        );
    }
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
        println!("How much I am carrying: no ratings in this window.");
    } else {
        println!("How much I am carrying (0 to 10, mean per week):");
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

fn export(
    dir: &Path,
    input: &mut Input,
    format: ExportFormat,
    out: Option<&Path>,
) -> Result<(), Error> {
    let out = out.ok_or_else(|| {
        Error::invalid("Name the file to write with --out FILE. The export is not encrypted.")
    })?;
    if out.exists() {
        return Err(Error::invalid(
            "That file already exists; choose a new name. Nothing was written.",
        ));
    }
    let journal = unlock(dir, input)?;
    eprintln!(
        "attune: warning: the export is NOT encrypted. Anyone who can read {} can read your reflections. Delete it when you are done.",
        out.display()
    );
    let text = match format {
        ExportFormat::Json => journal::to_json(journal.entries())?,
        ExportFormat::Md => journal::to_markdown(journal.entries()),
    };
    attune::files::write_new_private_file(out, text.as_bytes())?;
    println!("Wrote {} entries to {}.", journal.len(), out.display());
    let allow = journal.settings()?.allow_list();
    let n = journal::count_identifying(journal.entries(), &allow);
    if n > 0 {
        eprintln!(
            "attune: note: {n} passage{} look{} identifying (names, phone numbers, addresses, dates of birth, record numbers). Review the file before sharing it.",
            if n == 1 { "" } else { "s" },
            if n == 1 { "s" } else { "" }
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

fn deid(input: &mut Input, json: bool, allow: &[String]) -> Result<ExitCode, Error> {
    let text = input.rest()?;
    let report = attune::api::deid_text(&text, allow);
    if json {
        print_json(&DeidOutput {
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
                "attune: {} passage{} look{} identifying ({}). This is a helper, not a guarantee: read the text too.",
                report.total,
                if report.total == 1 { "" } else { "s" },
                if report.total == 1 { "s" } else { "" },
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

fn verify(dir: &Path, input: &mut Input, json: bool) -> Result<ExitCode, Error> {
    let pass = read_passphrase(input)?;
    let journal = Journal::load(Vault::unlock(dir, &pass)?, Utc::now())?;
    report_verify(journal.verify()?, json)
}

fn verify_backup(file: &Path, input: &mut Input, json: bool) -> Result<ExitCode, Error> {
    let pass = read_passphrase(input)?;
    report_verify(attune::api::verify_backup_with(file, &pass)?, json)
}

/// The backup folder remembered in the journal's settings.
fn saved_backup_folder(dir: &Path, input: &mut Input) -> Result<PathBuf, Error> {
    let journal = unlock(dir, input)?;
    journal
        .settings()?
        .backup_folder
        .map(PathBuf::from)
        .ok_or_else(|| {
            Error::invalid(
                "No backup folder is set yet. Name one with `attune backup --folder DIR`.",
            )
        })
}

fn backup(
    dir: &Path,
    input: &mut Input,
    out: Option<&Path>,
    folder: Option<&Path>,
) -> Result<(), Error> {
    use attune::store::backup as b;
    if let Some(out) = out {
        if out.exists() {
            return Err(Error::invalid(
                "That file already exists; choose a new name. Nothing was written.",
            ));
        }
        // A copy of the file as it is: no passphrase needed, nothing decrypted.
        let store = attune::store::Store::open(dir)?;
        let image = store.snapshot()?;
        b::write_durably(out, &image, |f, bytes| f.write_all(bytes))?;
        println!(
            "Backed up to {} (encrypted; it opens with your passphrase or recovery key).",
            out.display()
        );
        return Ok(());
    }
    let mut journal = unlock(dir, input)?;
    let mut settings = journal.settings()?;
    let folder = match folder {
        Some(f) => {
            let chosen = f.to_path_buf();
            settings.backup_folder = Some(chosen.display().to_string());
            journal.save_settings(&settings)?;
            chosen
        }
        None => settings.backup_folder.clone().map(PathBuf::from).ok_or_else(|| {
            Error::invalid(
                "No backup folder is set yet. Name one with --folder DIR, or write one file with --out FILE.",
            )
        })?,
    };
    let written = b::back_up_into(journal.vault().store(), &folder, Utc::now())?;
    let removed = b::rotate(&folder, settings.backup_rotation.unwrap_or_default())?;
    println!("Backed up to {}.", written.display());
    if removed > 0 {
        println!(
            "Removed {removed} older backup{} the rotation no longer keeps.",
            if removed == 1 { "" } else { "s" }
        );
    }
    Ok(())
}

fn restore(dir: &Path, file: &Path, to: Option<&Path>, yes: bool) -> Result<(), Error> {
    use attune::store::backup as b;
    if let Some(to) = to {
        b::restore_into(to, file)?;
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
    let store = attune::store::Store::open(dir)?;
    let kept = store.replace_with_backup(file, &dir.join(b::KEPT_BEFORE_RESTORE), Utc::now())?;
    println!(
        "Restored. The journal you had is kept, still encrypted, at {}.",
        kept.display()
    );
    Ok(())
}

fn report_verify(report: attune::journal::VerifyReport, json: bool) -> Result<ExitCode, Error> {
    if json {
        print_json(&report)?;
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

fn checkin(dir: &Path, input: &mut Input, args: CheckinArgs) -> Result<(), Error> {
    let set = ItemSet::builtin()?;
    if args.questions {
        print_questions(set);
        return Ok(());
    }
    let from_stdin = args.json.as_deref() == Some("-");
    // Answers given as flags or inline JSON are checked before the passphrase is asked.
    let given = if from_stdin {
        None
    } else {
        Some(new_checkin(set, &args, None)?)
    };
    let mut journal = unlock(dir, input)?;
    let new = match given {
        Some(new) => new,
        None => new_checkin(set, &args, Some(input.rest()?))?,
    };
    let saved = journal.save_checkin(new, Utc::now())?;
    println!("Saved your check-in ({}).", &saved.checkin.id.to_hex()[..8]);
    if let Some(overall) = saved.overall {
        println!("Overall: {overall:.1} of 10 (0 feels light, 10 feels heavy).");
    }
    for s in &saved.suggestions {
        println!("  - {}", s.text);
    }
    println!("{}", set.reminder);
    Ok(())
}

/// The check-in from flags, or from JSON (inline, or `stdin` when read from there).
fn new_checkin(
    set: &ItemSet,
    args: &CheckinArgs,
    stdin: Option<Zeroizing<String>>,
) -> Result<NewCheckin, Error> {
    let inline = args.json.as_deref().map(|j| Zeroizing::new(j.to_string()));
    let Some(text) = stdin.or(inline) else {
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
        return Ok(NewCheckin {
            answers,
            note: args.note.clone(),
        });
    };
    let object: serde_json::Map<String, serde_json::Value> = parse_json(Some(text), "check-in")?;
    let mut new = NewCheckin::default();
    for (key, value) in object {
        if key == "note" {
            new.note = match value {
                serde_json::Value::Null => None,
                serde_json::Value::String(s) => Some(s),
                _ => return Err(Error::invalid("The check-in note is text.")),
            };
            continue;
        }
        if set.item(&key).is_none() {
            let ids: Vec<&str> = set.items.iter().map(|i| i.id.as_str()).collect();
            return Err(Error::invalid(format!(
                "The check-in JSON has a key that is not a question. The keys are: {}, and note.",
                ids.join(", ")
            )));
        }
        let value = value
            .as_u64()
            .and_then(|v| u8::try_from(v).ok())
            .ok_or_else(|| Error::invalid("Each answer is a whole number from 0 to 10."))?;
        new.answers.push(CheckinAnswer {
            item_id: key,
            value,
        });
    }
    Ok(new)
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
            json: None,
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

/// The supervision exchange's commands.
mod exchange {
    use std::path::Path;

    use attune::journal::Journal;
    use attune::share::{CardRole, Contact, MyRelation, WITHDRAW_NOTE};
    use attune::Error;

    use super::{
        print_json, unlock, CardRoleArg, ContactAction, FeedbackArgs, IdentityAction, Input,
        RelationArg,
    };

    fn refuse_existing(out: &Path) -> Result<(), Error> {
        if out.exists() {
            return Err(Error::invalid(
                "That file already exists; choose a new name. Nothing was written.",
            ));
        }
        Ok(())
    }

    /// A contact by id prefix, or by its name (case-insensitive) when that is unique.
    fn contact_id(journal: &mut Journal, typed: &str) -> Result<[u8; 16], Error> {
        match journal.resolve_contact(typed) {
            Ok(id) => Ok(id),
            Err(err) => {
                let named: Vec<Contact> = journal
                    .contacts()?
                    .into_iter()
                    .filter(|c| c.name.eq_ignore_ascii_case(typed.trim()))
                    .collect();
                match named.as_slice() {
                    [one] => journal.resolve_contact(&one.id),
                    _ => Err(err),
                }
            }
        }
    }

    fn status_word(c: &Contact) -> &'static str {
        if c.key_change.is_some() {
            "KEY CHANGED, confirm again"
        } else if c.confirmed {
            "confirmed"
        } else {
            "not confirmed"
        }
    }

    pub fn identity(dir: &Path, input: &mut Input, action: IdentityAction) -> Result<(), Error> {
        let IdentityAction::Show { json } = action;
        let mut journal = unlock(dir, input)?;
        let me = journal.identity_show()?;
        if json {
            return print_json(&me);
        }
        println!(
            "Name on your card: {}",
            me.display_name.as_deref().unwrap_or("(none yet)")
        );
        println!("Signing key: {}", me.signing_key);
        println!("age recipient: {}", me.age_recipient);
        Ok(())
    }

    pub fn contact(dir: &Path, input: &mut Input, action: ContactAction) -> Result<(), Error> {
        match action {
            ContactAction::Export { name, role, out } => {
                if let Some(out) = &out {
                    refuse_existing(out)?;
                }
                let role = match role {
                    CardRoleArg::Supervisor => CardRole::Supervisor,
                    CardRoleArg::Supervisee => CardRole::Supervisee,
                    CardRoleArg::Both => CardRole::Both,
                };
                let mut journal = unlock(dir, input)?;
                let card = journal.export_card(&name, role)?;
                match out {
                    Some(out) => {
                        attune::files::write_new_private_file(&out, card.as_bytes())?;
                        println!("Wrote your contact card to {}.", out.display());
                    }
                    None => print!("{card}"),
                }
            }
            ContactAction::Import {
                file,
                relation,
                replace_key,
            } => {
                let relation = match relation {
                    RelationArg::MySupervisor => MyRelation::MySupervisor,
                    RelationArg::MySupervisee => MyRelation::MySupervisee,
                    RelationArg::Both => MyRelation::Both,
                };
                let mut journal = unlock(dir, input)?;
                let text = if file == "-" {
                    input.rest()?.to_string()
                } else {
                    let bytes = attune::files::read_capped(
                        Path::new(&file),
                        attune::share::contacts::MAX_CARD_BYTES,
                        "contact card",
                    )?;
                    String::from_utf8(bytes)
                        .map_err(|_| Error::invalid("This file is not an Attune contact card."))?
                };
                let c = journal.import_card(&text, relation, replace_key)?;
                println!(
                    "Added {} as {} (id {}).",
                    c.name,
                    c.my_relation.label(),
                    &c.id[..8]
                );
                let code = c
                    .key_change
                    .as_ref()
                    .map_or(&c.safety_code, |k| &k.safety_code);
                println!("Safety code: {code}");
                println!(
                    "Compare it with {} in person or on a call. When every digit matches, run `attune contact confirm {}`.",
                    c.name,
                    &c.id[..8]
                );
            }
            ContactAction::List { json } => {
                let mut journal = unlock(dir, input)?;
                let all = journal.contacts()?;
                if json {
                    return print_json(&all);
                }
                if all.is_empty() {
                    println!("No contacts yet. Import a card with `attune contact import`.");
                }
                for c in &all {
                    println!(
                        "{}  {}  {}  {}  safety code {}",
                        &c.id[..8],
                        c.name,
                        c.my_relation.label(),
                        status_word(c),
                        c.key_change
                            .as_ref()
                            .map_or(&c.safety_code, |k| &k.safety_code)
                    );
                }
            }
            ContactAction::Confirm { id } => {
                let mut journal = unlock(dir, input)?;
                let id = contact_id(&mut journal, &id)?;
                let c = journal.confirm_contact(&id, true)?;
                println!(
                    "Confirmed {} (safety code {}). You can now exchange packets.",
                    c.name, c.safety_code
                );
            }
        }
        Ok(())
    }

    pub fn share(
        dir: &Path,
        input: &mut Input,
        to: &str,
        ids: &[String],
        flagged: bool,
        out: &Path,
    ) -> Result<(), Error> {
        refuse_existing(out)?;
        let mut journal = unlock(dir, input)?;
        let contact = contact_id(&mut journal, to)?;
        let mut adding = ids
            .iter()
            .map(|i| journal.resolve_id(i))
            .collect::<Result<Vec<_>, _>>()?;
        if flagged {
            adding.extend(journal.entries_flagged_for_supervision());
        }
        if !adding.is_empty() {
            journal.share(&contact, &adding)?;
        }
        let preview = journal.preview_share(&contact, &[])?;
        let bytes = journal.write_share_packet(&contact)?;
        attune::files::write_new_private_file(out, &bytes)?;
        println!(
            "Wrote a packet for {} to {}: {} entr{} shared{}.",
            preview.contact_name,
            out.display(),
            preview.entries.len(),
            if preview.entries.len() == 1 {
                "y"
            } else {
                "ies"
            },
            if preview.withdrawn.is_empty() {
                String::new()
            } else {
                format!(", {} withdrawn", preview.withdrawn.len())
            }
        );
        for e in &preview.entries {
            println!(
                "  {}  {}  {}",
                &e.entry.entry_id[..8],
                e.entry.encounter_date,
                e.entry.title.as_deref().unwrap_or("Untitled reflection")
            );
        }
        let n = preview.identifying;
        if n > 0 {
            eprintln!(
                "attune: note: {n} passage{} in what you shared look{} identifying (names, phone numbers, addresses, dates of birth, record numbers). Edit the entries and share again if needed.",
                if n == 1 { "" } else { "s" },
                if n == 1 { "s" } else { "" }
            );
        }
        Ok(())
    }

    pub fn import(dir: &Path, input: &mut Input, file: &Path) -> Result<(), Error> {
        let mut journal = unlock(dir, input)?;
        let bytes =
            attune::files::read_capped(file, attune::share::packet::MAX_PACKET_BYTES, "packet")?;
        let got = journal.import_packet(&bytes)?;
        if got.already_imported {
            println!("This packet was already imported; nothing changed.");
            return Ok(());
        }
        match got.kind {
            attune::share::PacketKind::Share => println!(
                "Imported entries from {}: {} shared with you{}. See them with `attune inbox`.",
                got.contact_name,
                got.entries,
                if got.withdrawn > 0 {
                    format!(", {} withdrawn", got.withdrawn)
                } else {
                    String::new()
                }
            ),
            attune::share::PacketKind::Feedback => {
                println!(
                    "Imported feedback from {}: {} response{}. Read it with `attune feedback`.",
                    got.contact_name,
                    got.responses,
                    if got.responses == 1 { "" } else { "s" }
                );
                if got.unknown_entries > 0 {
                    println!(
                        "{} response{} answer{} entries not in this journal; kept anyway.",
                        got.unknown_entries,
                        if got.unknown_entries == 1 { "" } else { "s" },
                        if got.unknown_entries == 1 { "s" } else { "" }
                    );
                }
            }
        }
        println!("You can delete the packet file now.");
        Ok(())
    }

    pub fn withdraw(dir: &Path, input: &mut Input, to: &str, id: &str) -> Result<(), Error> {
        let mut journal = unlock(dir, input)?;
        let contact = contact_id(&mut journal, to)?;
        let id = journal.resolve_id(id)?;
        journal.withdraw(&contact, &id)?;
        println!("Withdrawn; the next `attune share --to` packet carries the request.");
        println!("{WITHDRAW_NOTE}");
        Ok(())
    }

    pub fn inbox(
        dir: &Path,
        input: &mut Input,
        from: Option<&str>,
        json: bool,
    ) -> Result<(), Error> {
        let mut journal = unlock(dir, input)?;
        let contact = match from {
            Some(f) => Some(contact_id(&mut journal, f)?),
            None => None,
        };
        let groups = journal.inbox(contact.as_ref())?;
        if json {
            return print_json(&groups);
        }
        for g in &groups {
            println!("From {} (their words, read-only):", g.contact_name);
            if g.items.is_empty() {
                println!("  nothing shared right now");
            }
            for i in &g.items {
                println!(
                    "  {}  {}  {}{}",
                    &i.entry.entry_id[..8],
                    i.entry.encounter_date,
                    i.entry.title.as_deref().unwrap_or("Untitled reflection"),
                    if i.on_agenda { "  [agenda]" } else { "" }
                );
            }
        }
        Ok(())
    }

    pub fn feedback(dir: &Path, input: &mut Input, args: FeedbackArgs) -> Result<(), Error> {
        let mut journal;
        if let (Some(to), Some(out)) = (&args.to, &args.out) {
            refuse_existing(out)?;
            journal = unlock(dir, input)?;
            let contact = contact_id(&mut journal, to)?;
            let entry = args.entry.as_deref().unwrap_or("");
            journal.write_response(
                &contact,
                entry,
                args.heard.as_deref().unwrap_or(""),
                args.wonder.as_deref().unwrap_or(""),
                args.stays.as_deref().unwrap_or(""),
            )?;
            let bytes = journal.write_feedback_packet(&contact)?;
            attune::files::write_new_private_file(out, &bytes)?;
            println!(
                "Wrote your response and a feedback packet to {}.",
                out.display()
            );
            return Ok(());
        }
        journal = unlock(dir, input)?;
        let entry = match &args.entry {
            Some(e) => Some(journal.resolve_id(e)?),
            None => None,
        };
        let threads = journal.feedback_for(entry.as_ref())?;
        if args.json {
            return print_json(&threads);
        }
        if threads.is_empty() {
            println!("No feedback yet.");
        }
        for t in &threads {
            println!(
                "{} wrote on {} about entry {}{}:",
                t.supervisor_name,
                t.written_at.format("%Y-%m-%d"),
                &t.entry_id[..8],
                if t.entry_known {
                    ""
                } else {
                    " (not in this journal)"
                }
            );
            for (label, text) in [
                ("What I heard", &t.heard),
                ("What I wonder", &t.wonder),
                ("What stays with me", &t.stays),
            ] {
                if !text.is_empty() {
                    println!("  {label}: {text}");
                }
            }
        }
        Ok(())
    }
}
