//! The command line's shape: clap types only. Each argument group turns into its api
//! request next to the command that uses it (`commands/<area>.rs`).

use std::path::PathBuf;

use attune::api::ExportFormat;
use attune::journal::{Delivery, ImportSource, SessionFormat, Sort};
use attune::prompts;
use attune::share::{CardRole, MyRelation};
use clap::{Args, Parser, Subcommand};

/// Attune: a private, encrypted journal for reflective supervision.
///
/// Passphrases are never taken as arguments: they come from the file named by
/// ATTUNE_PASSPHRASE_FILE, else the first line of standard input when it is not a
/// terminal, else a prompt that does not echo. After eval "$(attune unlock)", commands
/// in that shell use the session in ATTUNE_SESSION instead, until it ends.
#[derive(Debug, Parser)]
#[command(name = "attune", version, about, long_about)]
pub struct Cli {
    /// The journal folder [default: $ATTUNE_JOURNAL, else $XDG_DATA_HOME/attune]
    #[arg(long, global = true, value_name = "DIR")]
    pub journal: Option<PathBuf>,

    /// JSON: the stable JSON output the README documents; on `add` and `edit` the
    /// entry is read as JSON; on `checkin` the answers are given as JSON
    #[arg(long, global = true)]
    pub json: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
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
    /// Write every entry, unencrypted, to a file (or, for md-folder, a folder) you name.
    Export {
        /// json, md (one document), md-folder (one Markdown note per reflection, with
        /// front matter; opens in Obsidian) or jrnl (jrnl's JSON)
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// The file or folder to write; it must not exist yet
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
    /// Bring a journal over from another app: Day One (its JSON export ZIP), jrnl, Mini
    /// Diary, Mini Diarium, or a folder of Markdown notes.
    ///
    /// Shows what comes over and what is left behind (location, weather, media, ...),
    /// and what looks identifying, then imports every new entry in one go, or nothing
    /// if anything is wrong. Entries already in the journal are left out, so importing
    /// the same file twice adds nothing.
    ImportJournal(ImportJournalArgs),
    /// Unlock for this shell: asks the passphrase once and prints `export
    /// ATTUNE_SESSION=…`; run it as eval "$(attune unlock)" (fish: attune unlock | source).
    ///
    /// Commands in that shell then need no passphrase until the journal's auto-lock time
    /// has passed (counted from now), the computer sleeps or restarts, or `attune lock`.
    /// passwd, rotate-key and recovery-key replace still ask for the passphrase.
    Unlock,
    /// End this journal's unlocked sessions (and the one in ATTUNE_SESSION).
    Lock,
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
        /// Check this backup file instead (with the passphrase it was made with)
        #[arg(long, value_name = "FILE")]
        backup: Option<PathBuf>,
        /// Rebuild the list index from the entries first (when verify says it is out
        /// of step; the entries themselves are not changed)
        #[arg(long, conflicts_with = "backup")]
        repair: bool,
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
    },
    /// Guided-reflection prompt packs.
    Prompts {
        #[command(subcommand)]
        action: PromptsAction,
    },
    /// Which elements and themes your reflections touched lately, and how heavy things
    /// have felt, week by week.
    Insights {
        /// How many weeks back to look (1 to 52)
        #[arg(long, default_value_t = prompts::DEFAULT_WEEKS)]
        weeks: u32,
    },
    /// Supervision sessions and your yearly RS/C hours.
    Sessions {
        #[command(subcommand)]
        action: SessionsAction,
    },
    /// Training records for Endorsement, and their certificates.
    Training {
        #[command(subcommand)]
        action: TrainingAction,
    },
    /// What you have and what is still missing for Endorsement: earning a category over
    /// the rolling window ending today, or a year's renewal.
    ///
    /// Associations differ and rules change: your association decides what counts.
    Endorsement(EndorsementArgs),
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
    ///
    /// With --folders, looks in your contacts' exchange folders instead: lists the new
    /// packets there, and imports them with --yes.
    Import {
        /// The packet file
        #[arg(required_unless_present = "folders", conflicts_with = "folders")]
        file: Option<PathBuf>,
        /// Look for new packets in your contacts' exchange folders
        #[arg(long)]
        folders: bool,
        /// With --folders: import what is found (each checked like any packet)
        #[arg(long, requires = "folders")]
        yes: bool,
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
    },
    /// Read feedback from your supervisors; with --to, write a response to a supervisee
    /// and the feedback packet.
    Feedback(FeedbackArgs),
    /// Prep sheets: what you want to bring to your next supervision session.
    Prep {
        #[command(subcommand)]
        action: PrepAction,
    },
    /// After a session: what you are taking away and the next step, linked to the
    /// session (onto its prep sheet).
    Takeaway {
        /// The session (id or its first few characters, from `attune sessions list`)
        session: String,
        /// What I am taking away
        #[arg(long, value_name = "TEXT")]
        away: Option<String>,
        /// The next step
        #[arg(long, value_name = "TEXT")]
        next: Option<String>,
        /// The prep sheet to write it on [default: the one for that day, else a new one]
        #[arg(long, value_name = "ID")]
        prep: Option<String>,
    },
    /// Supervisor side: your private planning note for a supervisee, and their agenda.
    Plan {
        /// The supervisee (contact id or name)
        #[arg(long = "for", value_name = "CONTACT")]
        contact: String,
        /// Set the note (an empty text clears it)
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Signed session confirmations: ask your supervisor, or answer a supervisee.
    Confirm {
        #[command(subcommand)]
        action: ConfirmAction,
    },
    /// Print to PDF: reflections, the hours statement, the training record, the session
    /// prep sheet or a supervisee's agenda. The file must not exist yet; its name is yours.
    #[cfg(feature = "print")]
    Print {
        #[command(subcommand)]
        action: PrintAction,
    },
}

#[derive(Debug, Subcommand)]
pub enum PrepAction {
    /// Start a prep sheet; prints its id and the reflections it gathered.
    ///
    /// Without --entry it gathers your reflections flagged "bring to supervision"
    /// and the ones your supervisor responded to.
    New {
        /// The day of the session, YYYY-MM-DD
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// What I want to bring
        #[arg(long, value_name = "TEXT")]
        bring: Option<String>,
        /// Reactions or judgements I noticed
        #[arg(long, value_name = "TEXT")]
        reactions: Option<String>,
        /// What I hope to take away
        #[arg(long, value_name = "TEXT")]
        hope: Option<String>,
        /// A reflection to bring (repeat for more) instead of gathering them
        #[arg(long = "entry", value_name = "ID")]
        entries: Vec<String>,
    },
    /// Show one prep sheet, its reflections and its takeaway.
    Show {
        /// Prep sheet id (or its first few characters)
        id: String,
    },
    /// List prep sheets, newest first.
    List,
    /// Delete a prep sheet (and its takeaway) for good.
    Delete {
        /// Prep sheet id (or its first few characters)
        id: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ConfirmAction {
    /// Ask your supervisor to confirm a session: writes a packet holding the session's
    /// date, minutes and format (never notes), with every request still open.
    Request {
        /// The session (id or its first few characters)
        session: String,
        /// Your supervisor (contact id or name)
        #[arg(long, value_name = "CONTACT")]
        to: String,
        /// The packet file to write; it must not exist yet
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// The confirmations you asked for and where each stands.
    List,
    /// Supervisor side: list requests; with an id, confirm or decline it and write the
    /// answer packet.
    Answer {
        /// The request id (first few characters), from the list
        request: Option<String>,
        /// Confirm the session as its facts say
        #[arg(long, requires_all = ["request", "out"], conflicts_with = "decline")]
        confirm: bool,
        /// Decline it (give --reason)
        #[arg(long, requires_all = ["request", "out", "reason"])]
        decline: bool,
        /// Why you decline
        #[arg(long, value_name = "TEXT", requires = "decline")]
        reason: Option<String>,
        /// The answer packet file to write; it must not exist yet
        #[arg(long, value_name = "FILE", requires = "request")]
        out: Option<PathBuf>,
    },
}

#[cfg(feature = "print")]
#[derive(Debug, Subcommand)]
pub enum PrintAction {
    /// Chosen reflections (--id, repeatable) or those of a date range (--from, --to).
    /// Not encrypted: the count of identifying-looking passages follows, as for export.
    Reflections {
        /// A reflection to print (its id or a unique prefix); repeat for more
        #[arg(long = "id", value_name = "ID")]
        ids: Vec<String>,
        /// First day (YYYY-MM-DD)
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Last day (YYYY-MM-DD)
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        #[command(flatten)]
        out: PrintOut,
    },
    /// The hours statement: RS/C sessions received in a period, subtotals, totals and
    /// signature lines for you and your provider.
    Hours {
        /// First day (YYYY-MM-DD)
        #[arg(long, value_name = "DATE")]
        from: String,
        /// Last day (YYYY-MM-DD)
        #[arg(long, value_name = "DATE")]
        to: String,
        #[command(flatten)]
        out: PrintOut,
    },
    /// The training record of a year, for renewal.
    Training {
        #[arg(long)]
        year: i32,
        #[command(flatten)]
        out: PrintOut,
    },
    /// The session prep sheet: the reflections flagged to bring, and room to write.
    Prep {
        /// The session's date (YYYY-MM-DD)
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        #[command(flatten)]
        out: PrintOut,
    },
    /// The agenda for the next session with a supervisee (supervisor side).
    Agenda {
        /// The supervisee (contact id prefix or name)
        #[arg(long = "with", value_name = "CONTACT")]
        with: String,
        /// The session's date (YYYY-MM-DD)
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        #[command(flatten)]
        out: PrintOut,
    },
}

#[cfg(feature = "print")]
#[derive(Debug, Args)]
pub struct PrintOut {
    /// The PDF to write; it must not exist yet
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Paper size
    #[arg(long, value_enum, default_value = "letter")]
    pub paper: attune::print::Paper,
}

#[derive(Debug, Args)]
pub struct ImportJournalArgs {
    /// The export: a file (ZIP, JSON, text or Markdown) or a folder
    #[arg(value_name = "FILE|DIR")]
    pub path: PathBuf,
    /// The app that made it [default: found from the contents]
    #[arg(long, value_enum)]
    pub format: Option<ImportSource>,
    /// Show what would come over, and import nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Bring every entry in as a private reflection (not an encounter)
    #[arg(long)]
    pub private: bool,
    /// Flag entries starred or pinned in the other app "bring to supervision"
    #[arg(long)]
    pub flag_starred: bool,
}

#[derive(Debug, Subcommand)]
pub enum SessionsAction {
    /// Log a supervision session; prints its id.
    Add {
        /// The day it took place, YYYY-MM-DD
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
        /// How long it lasted, 1 to 600
        #[arg(long, value_name = "N")]
        minutes: u32,
        #[arg(long, value_enum)]
        format: SessionFormat,
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
        #[command(flatten)]
        details: SessionDetailArgs,
    },
    /// List sessions, newest first.
    List {
        /// Only this year's [default: every session]
        #[arg(long, value_name = "YEAR")]
        year: Option<i32>,
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
    },
    /// Delete a session for good (also a damaged one, by its id).
    Delete {
        /// Session id (or its first few characters)
        id: String,
    },
}

/// What Endorsement asks about a session.
#[derive(Debug, Args)]
pub struct SessionDetailArgs {
    /// The provider's name, as it goes on an application
    #[arg(long, value_name = "NAME")]
    pub provider: Option<String>,
    /// The provider's credential or Endorsement category, such as IMHM-C
    #[arg(long, value_name = "TEXT")]
    pub credential: Option<String>,
    /// In person, by video or by phone
    #[arg(long, value_enum)]
    pub delivery: Option<Delivery>,
    /// Group sessions: who facilitated
    #[arg(long, value_name = "NAME")]
    pub facilitator: Option<String>,
    /// Group sessions: how many took part, you included
    #[arg(long, value_name = "N")]
    pub group_size: Option<u32>,
    /// Group sessions: you presented
    #[arg(long)]
    pub presented: bool,
    /// Peer consultation (colleagues, no provider): never counts toward Endorsement
    #[arg(long)]
    pub peer: bool,
    /// Do not count these hours toward Endorsement
    #[arg(long)]
    pub not_counting: bool,
}

#[derive(Debug, Subcommand)]
pub enum TrainingAction {
    /// Log a training; prints its id.
    Add {
        #[arg(long)]
        title: String,
        /// Who gave it
        #[arg(long)]
        provider: String,
        /// The day, YYYY-MM-DD
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
        /// Clock hours, such as 1.5
        #[arg(long, value_name = "H")]
        hours: f64,
        /// A topic: rsc, dei or other (repeat for more)
        #[arg(long = "topic", value_name = "TOPIC")]
        topics: Vec<String>,
        /// Notes, kept encrypted
        #[arg(long, value_name = "TEXT")]
        notes: Option<String>,
        /// Attach a certificate (PDF, PNG or JPEG, up to 10 MB)
        #[arg(long, value_name = "FILE")]
        certificate: Option<PathBuf>,
    },
    /// List trainings, newest first.
    List,
    /// Delete a training and its certificate for good.
    Delete {
        /// Training id (or its first few characters)
        id: String,
    },
    /// Attach a certificate file (PDF, PNG or JPEG, up to 10 MB), kept encrypted in the
    /// journal; replaces one already attached.
    Attach {
        /// Training id (or its first few characters)
        id: String,
        file: PathBuf,
    },
    /// Save a training's certificate out to a new file.
    Certificate {
        /// Training id (or its first few characters)
        id: String,
        /// The file to write; it must not exist yet
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct EndorsementArgs {
    /// The category, such as IFS, IMHS or IMHM-C [default: the one you chose]
    #[arg(long, value_name = "C")]
    pub category: Option<String>,
    /// A year's renewal instead of earning the category
    #[arg(long, value_name = "YEAR")]
    pub renewal: Option<i32>,
    /// List the categories and associations, and stop
    #[arg(long)]
    pub list: bool,
    /// Keep this association as yours (an id from --list)
    #[arg(long, value_name = "ID")]
    pub set_association: Option<String>,
    /// Keep this category as yours
    #[arg(long, value_name = "C")]
    pub set_category: Option<String>,
    /// Your own renewal due date, MM-DD, over your association's
    #[arg(long, value_name = "MM-DD")]
    pub set_due: Option<String>,
    /// Your own renewal RS/C hours, over your category's
    #[arg(long, value_name = "N")]
    pub set_rsc_hours: Option<u32>,
    /// Your own renewal training hours, over your category's
    #[arg(long, value_name = "N")]
    pub set_training_hours: Option<u32>,
    /// Also write the counted sessions of the period as CSV for an application (a new
    /// file)
    #[arg(long, value_name = "FILE")]
    pub sessions_csv: Option<PathBuf>,
    /// Also write the trainings of the period as CSV for an application (a new file)
    #[arg(long, value_name = "FILE")]
    pub training_csv: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum IdentityAction {
    /// Show your public keys (made the first time they are needed).
    Show,
}

#[derive(Debug, Subcommand)]
pub enum ContactAction {
    /// Print your contact card (or write it to a new file) to give to the other person.
    Export {
        /// The name they will see (a first name or initials are enough)
        #[arg(long)]
        name: String,
        /// The role you play with them
        #[arg(long, value_enum)]
        role: CardRole,
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
        relation: MyRelation,
        /// They set Attune up again: replace their pinned keys (confirm again after)
        #[arg(long)]
        replace_key: bool,
    },
    /// List your contacts with their safety codes and whether they are confirmed.
    List,
    /// Confirm a contact after comparing the safety code with them, digit by digit.
    Confirm {
        /// Contact id (first few characters)
        id: String,
    },
    /// Show, choose or stop using a contact's exchange folder: a folder both of your
    /// sync apps keep in step (a shared drive, Nextcloud, OneDrive, Syncthing), one per
    /// person. Packets for them also go there; `attune import --folders` finds theirs.
    Folder {
        /// Contact id (first few characters) or name
        id: String,
        /// The folder (it must exist and you must be able to write in it)
        #[arg(conflicts_with = "none")]
        folder: Option<PathBuf>,
        /// Stop using an exchange folder for them (the folder is left as it is)
        #[arg(long)]
        none: bool,
    },
    /// Remove a contact: says what goes with them; removes only with --yes.
    Remove {
        /// Contact id (first few characters)
        id: String,
        /// Remove them, with what they shared and your responses to them
        #[arg(long)]
        yes: bool,
        /// Keep the reflections and responses they sent you, marked as from a removed
        /// contact
        #[arg(long)]
        keep_theirs: bool,
    },
}

#[derive(Debug, Args)]
pub struct FeedbackArgs {
    /// Write a response to this supervisee (contact id or name), or with --edit or
    /// --withdraw change one already written
    #[arg(long, value_name = "CONTACT", requires = "out")]
    pub to: Option<String>,
    /// Change the response with this id (from `attune feedback --json` on their side or
    /// `responses` in the app) to the parts given; the new packet carries it
    #[arg(long, value_name = "RESPONSE", requires = "to", conflicts_with_all = ["entry", "withdraw"])]
    pub edit: Option<String>,
    /// Withdraw the response with this id; the new packet asks for it to be taken out
    #[arg(long, value_name = "RESPONSE", requires = "to", conflicts_with_all = ["entry", "heard", "noticed", "wonder", "stays"])]
    pub withdraw: Option<String>,
    /// The entry: theirs with --to (id from `attune inbox`), else one of yours
    #[arg(long, value_name = "ID")]
    pub entry: Option<String>,
    /// What I heard
    #[arg(long, requires = "to")]
    pub heard: Option<String>,
    /// What I noticed you doing well (optional)
    #[arg(long, requires = "to")]
    pub noticed: Option<String>,
    /// What I wonder
    #[arg(long, requires = "to")]
    pub wonder: Option<String>,
    /// What I'd like us to come back to
    #[arg(long, requires = "to")]
    pub stays: Option<String>,
    /// The feedback packet file to write; it must not exist yet
    #[arg(long, value_name = "FILE", requires = "to")]
    pub out: Option<PathBuf>,
}

/// The check-in answers as flags, one per item of `content/checkin.json` (a test keeps
/// the two in step).
#[derive(Debug, Args)]
pub struct CheckinArgs {
    /// Energy for your work: 0 running on empty, 10 plenty to give
    #[arg(long, value_name = "0-10")]
    pub energy: Option<u8>,
    /// Emotionally spent: 0 still have reserves, 10 completely spent
    #[arg(long, value_name = "0-10")]
    pub exhaustion: Option<u8>,
    /// Families' stories following you home: 0 hardly at all, 10 very often
    #[arg(long, value_name = "0-10")]
    pub intrusive: Option<u8>,
    /// Seeing your work help babies and families: 0 not at all, 10 very clearly
    #[arg(long, value_name = "0-10")]
    pub effectiveness: Option<u8>,
    /// Feeling supported: 0 alone with it, 10 well held
    #[arg(long, value_name = "0-10")]
    pub support: Option<u8>,
    /// Sleep: 0 very poorly, 10 very well
    #[arg(long, value_name = "0-10")]
    pub sleep: Option<u8>,
    /// A short note, kept encrypted with the check-in
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// With --json: the answers as one JSON object, e.g. '{"energy": 6, "sleep": 4,
    /// "note": "…"}'; without it (or with -), read from standard input after the
    /// passphrase
    #[arg(value_name = "JSON", conflicts_with_all = ["energy", "exhaustion", "intrusive", "effectiveness", "support", "sleep", "note"])]
    pub answers: Option<String>,
    /// Show the questions and what the check-in is (and is not), then stop
    #[arg(long, conflicts_with = "answers")]
    pub questions: bool,
}

impl CheckinArgs {
    /// The answers given as flags, by item id.
    pub fn flags(&self) -> [(&'static str, Option<u8>); 6] {
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
pub enum PromptsAction {
    /// List the built-in packs (with --custom, your own packs too; needs the passphrase).
    List {
        #[arg(long)]
        custom: bool,
    },
    /// Show one pack's prompts (a custom pack needs the passphrase).
    Show {
        /// Pack id, e.g. after-encounter
        id: String,
        /// An older version [default: the latest]
        #[arg(long, value_name = "N")]
        version: Option<u32>,
    },
}

#[derive(Debug, Args)]
pub struct GuidedArgs {
    /// Write with this prompt pack (see `attune prompts list`)
    #[arg(long, value_name = "ID")]
    pub pack: Option<String>,
    /// Answers as a JSON object {"prompt-id": "text" | 0-10 | {"step": "…", "by": "YYYY-MM-DD"}}:
    /// given inline, in a FILE, or on standard input with -
    #[arg(long, value_name = "JSON|FILE|-", requires = "pack")]
    pub answers: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum BackupsAction {
    /// List them, newest first
    List {
        /// Another folder than the one in your settings (needs no passphrase)
        #[arg(long, value_name = "DIR")]
        folder: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum RecoveryKeyAction {
    /// Issue a new recovery key; the old one stops working.
    Replace,
}

#[derive(Debug, Args)]
pub struct EntryFields {
    /// A short title
    #[arg(long)]
    pub title: Option<String>,
    /// Encounter date, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// encounter or private
    #[arg(long)]
    pub kind: Option<String>,
    /// A short family code you choose (never a name)
    #[arg(long, value_name = "CODE")]
    pub family: Option<String>,
    /// home_visit, clinic, hospital, early_care, community, telehealth, office, other
    #[arg(long)]
    pub setting: Option<String>,
    /// A tag (repeat for more); on edit, replaces the tags
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Mark "bring to supervision"
    #[arg(long)]
    pub flag: bool,
    /// How heavy does this feel? 0 to 10
    #[arg(long, value_name = "0-10")]
    pub rating: Option<u8>,
    /// Read the text from FILE, or from standard input with -
    #[arg(long, value_name = "FILE")]
    pub body_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ClearFields {
    /// Remove the "bring to supervision" mark
    #[arg(long, conflicts_with = "flag")]
    pub no_flag: bool,
    /// Remove the title
    #[arg(long, conflicts_with = "title")]
    pub clear_title: bool,
    /// Remove the family code
    #[arg(long, conflicts_with = "family")]
    pub clear_family: bool,
    /// Remove every tag
    #[arg(long, conflicts_with = "tags")]
    pub clear_tags: bool,
    /// Remove the rating
    #[arg(long, conflicts_with = "rating")]
    pub clear_rating: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// How many entries to show
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Skip this many first
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Encounters on or after this date
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<String>,
    /// Encounters on or before this date
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<String>,
    #[arg(long)]
    pub tag: Option<String>,
    /// encounter or private
    #[arg(long)]
    pub kind: Option<String>,
    #[arg(long, value_name = "CODE")]
    pub family: Option<String>,
    /// Only entries marked "bring to supervision"
    #[arg(long)]
    pub flagged: bool,
    /// Show the trash instead
    #[arg(long)]
    pub trash: bool,
    #[arg(long, value_enum, default_value = "newest")]
    pub sort: Sort,
}
