//! TypeScript declarations of the IPC types, rendered from the Rust types (ts-rs).
//!
//! `cargo run --example ipc_types --features typescript` writes them to
//! `ui/src/lib/ipc/types.ts`; a test renders them afresh and fails if the committed
//! file differs, so the front end never drifts from the core.

use ts_rs::TS;

use super::*;
use crate::journal::DamagedRecord;
use crate::verify::VerifyReport;

/// Where the rendered file lives, relative to the workspace root.
pub const TYPES_FILE: &str = "ui/src/lib/ipc/types.ts";

macro_rules! declarations {
    ($cfg:expr; $($t:ty),* $(,)?) => {
        vec![$(<$t as TS>::decl($cfg)),*]
    };
}

/// The whole file, deterministic.
pub fn render() -> String {
    // serde sends 64-bit integers as JSON numbers, not bigints.
    let cfg = ts_rs::Config::new().with_large_int("number");
    let decls: Vec<String> = declarations![&cfg;
        Error, ErrorCode, Status, About, CreateRequest, CreateResponse, UnlockRequest,
        RecoveryKeyCheck, RecoverRequest, ChangePassphraseRequest, EntryRef, UpdateRequest,
        Entry, NewEntry, EntryChange, EntryKind, Setting, PackRef, PromptAnswer, AnswerValue,
        Imported, ImportSource,
        FindRequest, Filter, Sort, Page, EntrySummary, Snippet, Settings, Support, Theme, Draft,
        DamagedRecord, VerifyReport, SavedFile, CheckinForm, CheckinItem, Direction, NewCheckin,
        CheckinAnswer, CheckinSaved, Checkin, Suggestion, CheckinRef, TrendsRequest, Trends,
        ItemTrend, TrendPoint, OverallPoint, WeekSummary,
        DeidRequest, DeidReport, DeidCount, Finding, FindingKind, ExportFormat, ExportRequest,
        ExportFinding, ExportReview, ImportChoice, ImportJournalRequest, ImportPreview,
        ImportDone, TagCount, DroppedItem, DroppedKind, FlaggedReflection, ImportDeid,
        crate::store::backup::Rotation,
        crate::store::backup::BackupFile, BackupStatus, RestoredBackup,
        PromptPack, Prompt, AnswerType, PackOrigin, RiosElement,
        CollaborativeTask, RscTheme, PackSummary, PackRequest, Lens, RenderedAnswer,
        InsightsRequest, Insights, ElementCoverage, ThemeCoverage, CarryingWeek, Observation,
        SupervisionSession, SessionFormat, SessionRole, SessionInput, SessionRef, SessionsRequest,
        HoursRequest, HoursSummary, MonthMinutes, Delivery, SessionDetails,
        Training, TrainingInput, CertificateFile, CertificateKind, TrainingRef,
        EndorsementRequest, EndorsementCsvRequest, ApplicationCsv, EndorsementData, Rules, Source,
        Topic, EarningRule, RenewalRule, Category, GeneralRules, Associations, Association,
        TopicMinimum, Confidence, EndorsementChoice, EndorsementReport, TargetKind, RscFigures,
        ProviderMinutes, TrainingFigures, TopicHours,
        IdentityInfo, CardRole, MyRelation, Contact, KeyChange, ContactCardRequest,
        ContactCardText, ImportCardRequest, ImportCardFileRequest, ContactRef, ContactRemoval,
        ConfirmContactRequest, ShareRequest, ShareStatus, ShareMark, SharePreview,
        SharePreviewEntry, SharedEntry, SharedAnswer, WithdrawRequest, WithdrawResponse,
        FlaggedEntries, PacketKind, ImportOutcome, InboxRequest, InboxGroup, InboxItem,
        AgendaMark, ResponseRequest, EditResponseRequest, ResponseRef, FeedbackRequest, FeedbackThread, WaitingPacket,
        FolderCopy, FolderNews, FolderPacket, FolderProblem, FolderPacketRef, RemoveContactRequest,
        SendToFolderRequest,
        PrepSheet, Takeaway, PrepInput, TakeawayInput, PrepRef, PrepReflection, PrepView,
        LinkedSession, SessionPlan, PlanningNoteRequest, AskConfirmationRequest,
        AnswerConfirmationRequest, SessionConfirmation, ConfirmationRequest, ConfirmState,
        Decision, SessionFacts,
        Paper, PrintHoursRequest, PrintReflectionsRequest,
        crate::journal::reminders::ReminderSettings, crate::journal::reminders::ReflectReminder,
        crate::journal::reminders::PrepareReminder, crate::journal::reminders::CheckinReminder,
        crate::journal::reminders::RenewalReminder, StartAtLogin,
    ];
    let mut out = String::from(
        "// Generated from the Rust types by ts-rs: do not edit by hand.\n\
         // Regenerate: cargo run --example ipc_types --features typescript\n",
    );
    for decl in decls {
        out.push('\n');
        out.push_str("export ");
        out.push_str(&decl);
        out.push('\n');
    }
    out.push_str(&commands(&cfg));
    out
}

/// The command map `name: [request, response]` and the list of names, from
/// [`with_commands!`](crate::with_commands) (`null` stands for "none").
fn commands(cfg: &ts_rs::Config) -> String {
    macro_rules! rows {
        ($($area:ident { $($name:ident: $req:ty => $res:ty,)* })*) => {
            vec![$($((stringify!($name), <$req as TS>::name(cfg), <$res as TS>::name(cfg))),*),*]
        };
    }
    let rows: Vec<(&str, String, String)> = crate::with_commands!(rows);
    let mut out = String::from(
        "\n/** Every command the shell grants the window, with its request and response types. */\n\
         export interface Commands {\n",
    );
    for (name, req, res) in &rows {
        out.push_str(&format!("  {name}: [{req}, {res}];\n"));
    }
    out.push_str("}\n\nexport type Command = keyof Commands;\n\nexport const COMMANDS: readonly Command[] = [\n");
    for (name, _, _) in &rows {
        out.push_str(&format!("  '{name}',\n"));
    }
    out.push_str("];\n");
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn committed_typescript_types_match_the_rust_types() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(super::TYPES_FILE);
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == super::render(),
            "{} is stale: run `cargo run --example ipc_types --features typescript`",
            path.display()
        );
    }
}
