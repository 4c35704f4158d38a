// The one door between the screens and the journal. Two implementations: Tauri IPC
// (the real app) and an in-memory fake (component tests). Screens never call
// `invoke` themselves.
import type {
  AgendaMark,
  ConfirmContactRequest,
  Contact,
  ContactCardRequest,
  ContactCardText,
  ContactRef,
  FeedbackRequest,
  FeedbackThread,
  FlaggedEntries,
  IdentityInfo,
  ImportCardFileRequest,
  ImportCardRequest,
  ImportOutcome,
  InboxGroup,
  InboxRequest,
  ResponseRequest,
  SharePreview,
  ShareRequest,
  ShareStatus,
  WithdrawRequest,
  WithdrawResponse,
  About,
  BackupStatus,
  ChangePassphraseRequest,
  Checkin,
  CheckinForm,
  CheckinRef,
  CheckinSaved,
  DeidReport,
  DeidRequest,
  ExportRequest,
  ExportReview,
  HoursRequest,
  HoursSummary,
  RestoredBackup,
  SessionInput,
  SessionRef,
  SessionsRequest,
  SupervisionSession,
  Insights,
  InsightsRequest,
  Lens,
  NewCheckin,
  PackRequest,
  PackSummary,
  PromptPack,
  RenderedAnswer,
  Trends,
  TrendsRequest,
  CreateRequest,
  CreateResponse,
  Draft,
  Entry,
  EntryRef,
  Error as IpcError,
  ErrorCode,
  FindRequest,
  NewEntry,
  Page,
  RecoverRequest,
  RecoveryKeyCheck,
  SavedFile,
  Settings,
  Status,
  UnlockRequest,
  UpdateRequest,
} from '../ipc/types';

/** Every command the shell grants the window, with its request and response types. */
export interface Commands {
  status: [null, Status];
  about: [null, About];
  create_journal: [CreateRequest, CreateResponse];
  check_recovery_key: [RecoveryKeyCheck, null];
  save_recovery_key: [null, SavedFile];
  unlock: [UnlockRequest, Status];
  lock: [null, null];
  recover: [RecoverRequest, CreateResponse];
  change_passphrase: [ChangePassphraseRequest, null];
  find_entries: [FindRequest, Page];
  get_entry: [EntryRef, Entry];
  create_entry: [NewEntry, Entry];
  update_entry: [UpdateRequest, Entry];
  trash_entry: [EntryRef, Entry];
  restore_entry: [EntryRef, Entry];
  stage_draft: [Draft, null];
  kept_draft: [null, Draft | null];
  discard_draft: [null, null];
  get_settings: [null, Settings];
  save_settings: [Settings, Settings];
  note_activity: [null, null];
  entry_answers: [EntryRef, RenderedAnswer[]];
  list_packs: [null, PackSummary[]];
  get_pack: [PackRequest, PromptPack];
  lenses: [null, Lens[]];
  duplicate_pack: [PackRequest, PromptPack];
  save_pack: [PromptPack, PromptPack];
  delete_pack: [PackRequest, null];
  insights: [InsightsRequest, Insights];
  checkin_form: [null, CheckinForm];
  save_checkin: [NewCheckin, CheckinSaved];
  checkin_trends: [TrendsRequest, Trends];
  list_checkins: [TrendsRequest, Checkin[]];
  delete_checkin: [CheckinRef, null];
  deid_scan: [DeidRequest, DeidReport];
  export_review: [null, ExportReview];
  export_journal: [ExportRequest, SavedFile];
  backup_status: [null, BackupStatus];
  back_up_now: [null, BackupStatus];
  choose_backup_folder: [null, BackupStatus];
  restore_backup: [null, RestoredBackup | null];
  save_backup_copy: [null, SavedFile];
  list_sessions: [SessionsRequest, SupervisionSession[]];
  save_session: [SessionInput, SupervisionSession];
  delete_session: [SessionRef, null];
  hours_summary: [HoursRequest, HoursSummary];
  export_hours_csv: [HoursRequest, SavedFile];
  identity_show: [null, IdentityInfo];
  export_contact_card: [ContactCardRequest, ContactCardText];
  save_contact_card: [ContactCardRequest, SavedFile];
  import_contact_card: [ImportCardRequest, Contact];
  open_contact_card: [ImportCardFileRequest, Contact | null];
  list_contacts: [null, Contact[]];
  confirm_contact: [ConfirmContactRequest, Contact];
  flagged_for_supervision: [null, FlaggedEntries];
  preview_share: [ShareRequest, SharePreview];
  share_entries: [ShareRequest, ShareStatus];
  share_status: [ContactRef, ShareStatus];
  withdraw_entry: [WithdrawRequest, WithdrawResponse];
  save_share_packet: [ContactRef, SavedFile];
  open_packet: [null, ImportOutcome | null];
  inbox: [InboxRequest, InboxGroup[]];
  set_agenda: [AgendaMark, null];
  write_response: [ResponseRequest, FeedbackThread];
  responses_written: [ContactRef, FeedbackThread[]];
  save_feedback_packet: [ContactRef, SavedFile];
  feedback_for: [FeedbackRequest, FeedbackThread[]];
}

export type Command = keyof Commands;
export const COMMANDS: readonly Command[] = [
  'status',
  'about',
  'create_journal',
  'check_recovery_key',
  'save_recovery_key',
  'unlock',
  'lock',
  'recover',
  'change_passphrase',
  'find_entries',
  'get_entry',
  'create_entry',
  'update_entry',
  'trash_entry',
  'restore_entry',
  'stage_draft',
  'kept_draft',
  'discard_draft',
  'get_settings',
  'save_settings',
  'note_activity',
  'entry_answers',
  'list_packs',
  'get_pack',
  'lenses',
  'duplicate_pack',
  'save_pack',
  'delete_pack',
  'insights',
  'checkin_form',
  'save_checkin',
  'checkin_trends',
  'list_checkins',
  'delete_checkin',
  'deid_scan',
  'export_review',
  'export_journal',
  'backup_status',
  'back_up_now',
  'choose_backup_folder',
  'restore_backup',
  'save_backup_copy',
  'list_sessions',
  'save_session',
  'delete_session',
  'hours_summary',
  'export_hours_csv',
  'identity_show',
  'export_contact_card',
  'save_contact_card',
  'import_contact_card',
  'open_contact_card',
  'list_contacts',
  'confirm_contact',
  'flagged_for_supervision',
  'preview_share',
  'share_entries',
  'share_status',
  'withdraw_entry',
  'save_share_packet',
  'open_packet',
  'inbox',
  'set_agenda',
  'write_response',
  'responses_written',
  'save_feedback_packet',
  'feedback_for',
];

export interface Backend {
  call<C extends Command>(command: C, req: Commands[C][0]): Promise<Commands[C][1]>;
  /** Run `handler` when the shell locks the journal (idle, suspend, screen lock). */
  onLocked(handler: () => void): () => void;
}

/** An error from the core: a closed set of codes, a human message. */
export class AttuneError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }

  static from(raw: unknown): AttuneError {
    if (raw instanceof AttuneError) return raw;
    const e = raw as Partial<IpcError> | undefined;
    if (e && typeof e.code === 'string' && typeof e.message === 'string') {
      return new AttuneError(e.code, e.message);
    }
    return new AttuneError('internal', 'Something went wrong. Please try again.');
  }
}
