//! The one use-case layer: what the CLI and the desktop app both call, so a rule is
//! written once and cannot drift between them. Each area module holds its request
//! types and its functions over `&Journal` / `&mut Journal`; all of it is tested
//! without Tauri.
//!
//! - [`keys`]: create, unlock, recover; passphrase, data key and recovery key.
//! - [`entries`]: reflections. [`export`]: plain-text export and its review.
//!   [`import`]: bringing a journal over from another app, previewed first.
//! - [`backups`], [`wellbeing`] (check-ins), [`sessions`] (supervision sessions and
//!   hours), [`training`] and [`endorsement`] (records and figures for Endorsement),
//!   [`packs`] (guided prompts and insights), [`deid`], [`settings`],
//!   [`exchange`] (the supervision exchange), [`supervision`] (prep sheets, takeaways,
//!   planning notes, session confirmations), [`files`] (saving files the person asks
//!   for), `print` (PDFs, with the `print` feature), [`reminders`] (their words and the
//!   schedule kept for the locked app) and [`autostart`] (starting at login).
//! - [`App`]: the little the desktop keeps between commands (the journal while unlocked,
//!   the staged draft, a fresh recovery key, the last backup error).
//!
//! Slow steps (key derivation) need no open journal, so the desktop runs them off its
//! lock. Errors cross as `{ code, message }` with a closed set of codes
//! ([`ErrorCode`]); messages never hold journal text. Secrets come in through types
//! that can be read but never written back out ([`SecretText`]).

mod app;
pub mod autostart;
pub mod backups;
#[macro_use]
mod commands;
pub mod deid;
pub mod endorsement;
pub mod entries;
pub mod exchange;
pub mod export;
pub mod files;
pub mod import;
pub mod keys;
pub mod packs;
#[cfg(feature = "print")]
pub mod print;
pub mod reminders;
pub mod sessions;
pub mod settings;
pub mod supervision;
pub mod training;
pub mod wellbeing;

#[cfg(feature = "typescript")]
pub mod typescript;

/// The names of every desktop command, in the order they are declared.
pub const COMMAND_NAMES: &[&str] = {
    macro_rules! names {
        ($($area:ident { $($name:ident: $req:ty => $res:ty,)* })*) => {
            &[$($(stringify!($name)),*),*]
        };
    }
    with_commands!(names)
};

pub use crate::import::DroppedKind;
#[cfg(feature = "print")]
pub use crate::print::Paper;
pub use app::{about, About, App, Status, WaitingPacket};
pub use autostart::StartAtLogin;
pub use backups::{BackupStatus, RestoredBackup};
pub use deid::{DeidCount, DeidReport, DeidRequest};
pub use endorsement::{ApplicationCsv, EndorsementCsvRequest, EndorsementRequest};
pub use entries::{EntryRef, UpdateRequest};
pub use exchange::{
    AgendaMark, CardRole, ConfirmContactRequest, Contact, ContactCardRequest, ContactCardText,
    ContactRef, ContactRemoval, EditResponseRequest, FeedbackRequest, FeedbackThread,
    FlaggedEntries, FolderCopy, FolderNews, FolderPacket, FolderPacketRef, FolderProblem,
    FolderWatch, IdentityInfo, ImportCardFileRequest, ImportCardRequest, ImportOutcome, InboxGroup,
    InboxItem, InboxRequest, KeyChange, MyRelation, PacketKind, RemoveContactRequest, ResponseRef,
    ResponseRequest, SendToFolderRequest, ShareMark, SharePreview, SharePreviewEntry, ShareRequest,
    ShareStatus, SharedAnswer, SharedEntry, WithdrawRequest, WithdrawResponse, WITHDRAW_NOTE,
};
pub use export::{ExportFinding, ExportFormat, ExportRequest, ExportReview};
pub use files::{SavedFile, WriteMode};
pub use import::{
    DroppedItem, FlaggedReflection, ImportChoice, ImportDeid, ImportDone, ImportJournalRequest,
    ImportOptions, ImportPreview, TagCount,
};
pub use keys::{
    ChangePassphraseRequest, CreateRequest, CreateResponse, RecoverRequest, RecoveryKeyCheck,
    SecretText, ShownRecoveryKey, UnlockRequest, RECOVERY_KEY_FILE_NAME,
};
#[cfg(feature = "print")]
pub use print::{PrintAgendaRequest, PrintHoursRequest, PrintPrepRequest, PrintReflectionsRequest};
pub use sessions::{HoursRequest, SessionRef, SessionsRequest};
pub use supervision::{
    AnswerConfirmationRequest, AskConfirmationRequest, ConfirmState, ConfirmationRequest, Decision,
    LinkedSession, PlanningNoteRequest, PrepRef, PrepReflection, PrepView, SessionConfirmation,
    SessionFacts, SessionPlan,
};
pub use training::TrainingRef;
pub use wellbeing::CheckinRef;

pub use crate::deid::{Finding, FindingKind};
pub use crate::error::{Error, ErrorCode, Result};
pub use crate::journal::endorsement::{
    Association, Associations, Category, Confidence, EarningRule, EndorsementChoice,
    EndorsementData, EndorsementReport, GeneralRules, ProviderMinutes, RenewalRule, RscFigures,
    Rules, Source, TargetKind, Topic, TopicHours, TopicMinimum, TrainingFigures,
};
pub use crate::journal::{
    AnswerValue, CertificateFile, CertificateKind, Checkin, CheckinAnswer, CheckinForm, CheckinId,
    CheckinItem, CheckinSaved, DamagedRecord, Delivery, Direction, Draft, Entry, EntryChange,
    EntryId, EntryKind, EntrySummary, Filter, FindRequest, HoursSummary, ImportSource, Imported,
    ItemTrend, MonthMinutes, NewCheckin, NewEntry, OverallPoint, PackRef, Page, PrepId, PrepInput,
    PrepSheet, PromptAnswer, SessionDetails, SessionFormat, SessionId, SessionInput, SessionRole,
    Setting, Settings, Snippet, Sort, Suggestion, SupervisionSession, Support, Takeaway,
    TakeawayInput, Theme, Training, TrainingId, TrainingInput, TrendPoint, Trends, TrendsRequest,
    WeekSummary,
};
pub use crate::prompts::{
    AnswerType, CarryingWeek, CollaborativeTask, ElementCoverage, Insights, InsightsRequest, Lens,
    Observation, PackOrigin, PackRequest, PackSummary, Prompt, PromptPack, RenderedAnswer,
    RiosElement, RscTheme, ThemeCoverage,
};
pub use crate::verify::VerifyReport;
