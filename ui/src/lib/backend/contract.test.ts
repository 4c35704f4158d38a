// The contract with the Rust shell, pinned: command names exactly as the shell
// registers them, arguments as `{ req }` (or `{}` when there is no request), and
// errors `{ code, message }` turned into AttuneError. Renaming a command on either side
// breaks this test.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { AttuneError, COMMANDS, type Command, type Commands } from './index';
import { LOCKED_EVENT, tauriBackend } from './tauri';
import { DEFAULT_SETTINGS } from '../settings';

/** Written out by hand on purpose: do not build this list from COMMANDS. */
const PINNED = [
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
  'entry_answers',
  'get_settings',
  'save_settings',
  'note_activity',
  'start_at_login',
  'set_start_at_login',
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
  'choose_import',
  'import_journal',
  'cancel_import',
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
  'list_trainings',
  'save_training',
  'delete_training',
  'attach_certificate',
  'save_certificate',
  'endorsement_data',
  'endorsement_report',
  'export_endorsement_csv',
  'print_hours',
  'print_reflections',
  'identity_show',
  'export_contact_card',
  'save_contact_card',
  'import_contact_card',
  'open_contact_card',
  'list_contacts',
  'confirm_contact',
  'contact_removal',
  'remove_contact',
  'choose_contact_folder',
  'clear_contact_folder',
  'folder_packets',
  'import_folder_packet',
  'delete_folder_packet',
  'send_packet_to_folder',
  'flagged_for_supervision',
  'preview_share',
  'share_entries',
  'share_status',
  'withdraw_entry',
  'save_share_packet',
  'open_packet',
  'waiting_packet',
  'import_waiting_packet',
  'dismiss_waiting_packet',
  'delete_imported_packet',
  'dropped_while_locked',
  'inbox',
  'set_agenda',
  'write_response',
  'edit_response',
  'withdraw_response',
  'responses_written',
  'save_feedback_packet',
  'feedback_for',
  'list_preps',
  'gather_prep',
  'save_prep',
  'delete_prep',
  'save_takeaway',
  'takeaway_of',
  'session_plan',
  'set_planning_note',
  'ask_confirmation',
  'save_confirm_request_packet',
  'session_confirmations',
  'confirmation_requests',
  'answer_confirmation',
  'save_confirm_answer_packet',
] as const;

const newEntry: Commands['create_entry'][0] = {
  encounter_date: '2026-03-04',
  kind: 'encounter',
  setting: 'home_visit',
  family_code: 'FAM-7',
  title: 'After the visit',
  prompt_pack: null,
  answers: [],
  body: 'text',
  tags: ['sleep'],
  carrying: 6,
  bring_to_supervision: true,
  not_names: [],
};

/** One example request per command (null where the command takes none). */
const REQUESTS: { [C in Command]: Commands[C][0] } = {
  status: null,
  about: null,
  create_journal: { passphrase: 'long enough passphrase' },
  check_recovery_key: { recovery_key: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' },
  save_recovery_key: null,
  unlock: { passphrase: 'long enough passphrase' },
  lock: null,
  recover: { recovery_key: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', new_passphrase: 'another long one' },
  change_passphrase: { current: 'long enough passphrase', new_passphrase: 'another long one' },
  find_entries: {
    text: 'sleep',
    filter: { from: null, to: null, tag: null, kind: null, family_code: null, flagged: false, trash: false },
    sort: 'newest',
    offset: 0,
    limit: 25,
  },
  get_entry: { id: 'a'.repeat(32) },
  create_entry: newEntry,
  update_entry: { id: 'a'.repeat(32), change: { ...newEntry, title: null } },
  trash_entry: { id: 'a'.repeat(32) },
  restore_entry: { id: 'a'.repeat(32) },
  stage_draft: { entry_id: null, fields: newEntry, saved_at: null },
  kept_draft: null,
  discard_draft: null,
  get_settings: null,
  save_settings: DEFAULT_SETTINGS,
  note_activity: null,
  start_at_login: null,
  set_start_at_login: { on: true },
  entry_answers: { id: 'a'.repeat(32) },
  list_packs: null,
  get_pack: { id: 'quick-reflection', version: null },
  lenses: null,
  duplicate_pack: { id: 'quick-reflection', version: 1 },
  save_pack: {
    format: 1,
    id: 'my-0a1b2c3d',
    version: 1,
    title: 'My quick reflection',
    purpose: 'A short reflection.',
    when_to_use: 'Busy days.',
    minutes: 4,
    theme: null,
    prompts: [
      {
        id: 'what',
        text: 'What happened?',
        help: 'One moment.',
        examples: [],
        element: 'family_story',
        task: 'describing',
        answer: { type: 'short_text' },
      },
    ],
    closing: {
      id: 'now-what',
      text: 'Now what?',
      help: 'One small step.',
      examples: [],
      element: 'use_of_self',
      task: 'integrating',
      answer: { type: 'long_text' },
    },
    origin: { kind: 'custom', based_on: { id: 'quick-reflection', version: 1 } },
  },
  delete_pack: { id: 'my-0a1b2c3d', version: null },
  insights: { weeks: 4 },
  checkin_form: null,
  save_checkin: { answers: [{ item_id: 'energy', value: 6 }], note: null },
  checkin_trends: { weeks: 12 },
  list_checkins: { weeks: 0 },
  delete_checkin: { id: 'b'.repeat(32) },
  deid_scan: { text: 'Call 555-0147', not_names: [] },
  export_review: null,
  export_journal: { format: 'markdown', reviewed: true },
  choose_import: { folder: false, format: null },
  import_journal: { as_private: false, flag_starred: false },
  cancel_import: null,
  backup_status: null,
  back_up_now: null,
  choose_backup_folder: null,
  restore_backup: null,
  save_backup_copy: null,
  list_sessions: { year: 2026 },
  save_session: {
    id: null,
    date: '2026-03-04',
    minutes: 60,
    format: 'individual',
    with_whom: 'my supervisor',
    role: 'receiving',
    entries_discussed: [],
    notes: null,
    details: {
      provider_name: 'Dr Lee',
      provider_credential: 'IMHM-C',
      delivery: 'video',
      facilitator: null,
      group_size: null,
      presented: null,
      peer: false,
      counts_toward_endorsement: true,
    },
  },
  delete_session: { id: 'd'.repeat(32) },
  hours_summary: { year: 2026 },
  export_hours_csv: { year: 2026 },
  list_trainings: null,
  save_training: {
    id: null,
    title: 'Working with fathers',
    provider: 'MI-AIMH',
    date: '2026-04-01',
    hours: 1.5,
    topics: ['rsc', 'dei'],
    notes: null,
  },
  delete_training: { id: 't'.repeat(32) },
  attach_certificate: { id: 't'.repeat(32) },
  save_certificate: { id: 't'.repeat(32) },
  endorsement_data: null,
  endorsement_report: { category: null, renewal_year: 2026 },
  export_endorsement_csv: { what: 'sessions', target: { category: 'imhs', renewal_year: null } },
  print_hours: { from: '2026-01-01', to: '2026-12-31', paper: 'letter' },
  print_reflections: { entry_ids: [], from: '2026-03-01', to: '2026-03-31', reviewed: true, paper: 'a4' },
  identity_show: null,
  export_contact_card: { name: 'Alex', role: 'supervisee' },
  save_contact_card: { name: 'Alex', role: 'supervisee' },
  import_contact_card: { text: 'Attune contact card v1', relation: 'my_supervisor', replace_key: false },
  open_contact_card: { relation: 'my_supervisee', replace_key: false },
  list_contacts: null,
  confirm_contact: { contact_id: 'c'.repeat(32), compared: true },
  contact_removal: { contact_id: 'c'.repeat(32) },
  remove_contact: { contact_id: 'c'.repeat(32), keep_theirs: true },
  choose_contact_folder: { contact_id: 'c'.repeat(32) },
  clear_contact_folder: { contact_id: 'c'.repeat(32) },
  folder_packets: null,
  import_folder_packet: { contact_id: 'c'.repeat(32), file_name: 'attune-2026-03-04-0011223344556677.attune-packet' },
  delete_folder_packet: { contact_id: 'c'.repeat(32), file_name: 'attune-2026-03-04-0011223344556677.attune-packet' },
  send_packet_to_folder: { contact_id: 'c'.repeat(32), kind: 'feedback' },
  flagged_for_supervision: null,
  preview_share: { contact_id: 'c'.repeat(32), entry_ids: ['a'.repeat(32)] },
  share_entries: { contact_id: 'c'.repeat(32), entry_ids: ['a'.repeat(32)] },
  share_status: { contact_id: 'c'.repeat(32) },
  withdraw_entry: { contact_id: 'c'.repeat(32), entry_id: 'a'.repeat(32) },
  save_share_packet: { contact_id: 'c'.repeat(32) },
  open_packet: null,
  waiting_packet: null,
  import_waiting_packet: null,
  dismiss_waiting_packet: null,
  delete_imported_packet: null,
  dropped_while_locked: null,
  inbox: { contact_id: null },
  set_agenda: { contact_id: 'c'.repeat(32), entry_id: 'a'.repeat(32), on_agenda: true },
  write_response: { contact_id: 'c'.repeat(32), entry_id: 'a'.repeat(32), heard: 'I heard', noticed: '', wonder: '', stays: '' },
  edit_response: { contact_id: 'c'.repeat(32), response_id: 'r'.repeat(32), heard: 'h', noticed: '', wonder: '', stays: '' },
  withdraw_response: { contact_id: 'c'.repeat(32), response_id: 'r'.repeat(32) },
  responses_written: { contact_id: 'c'.repeat(32) },
  save_feedback_packet: { contact_id: 'c'.repeat(32) },
  feedback_for: { entry_id: null },
  list_preps: null,
  gather_prep: null,
  save_prep: {
    id: null,
    session_date: '2026-03-04',
    bring: 'The visit',
    reactions: '',
    hope: 'To stay curious',
    reflections: null,
  },
  delete_prep: { id: 'e'.repeat(32) },
  save_takeaway: { session_id: 'd'.repeat(32), prep_id: null, taking_away: 'Slow down', next_step: '' },
  takeaway_of: { id: 'd'.repeat(32) },
  session_plan: { contact_id: 'c'.repeat(32) },
  set_planning_note: { contact_id: 'c'.repeat(32), note: 'Ask about the waiting room' },
  ask_confirmation: { contact_id: 'c'.repeat(32), session_id: 'd'.repeat(32) },
  save_confirm_request_packet: { contact_id: 'c'.repeat(32) },
  session_confirmations: null,
  confirmation_requests: null,
  answer_confirmation: { request_id: 'f'.repeat(32), decision: 'declined', reason: 'We did not meet that day.' },
  save_confirm_answer_packet: { contact_id: 'c'.repeat(32) },
};

afterEach(() => clearMocks());

describe('IPC contract', () => {
  test('the command list is exactly the pinned one', () => {
    expect([...COMMANDS]).toEqual([...PINNED]);
  });

  test.each(PINNED)('%s is invoked by that name with { req } or {}', async (name) => {
    const seen: Array<{ cmd: string; args: unknown }> = [];
    mockIPC((cmd, args) => {
      seen.push({ cmd, args });
      return { ok: cmd };
    });
    const req = REQUESTS[name];
    const result = await tauriBackend().call(name, req as never);
    expect(result).toEqual({ ok: name });
    expect(seen).toEqual([{ cmd: name, args: req === null ? {} : { req } }]);
  });

  test('an error { code, message } becomes an AttuneError with that code', async () => {
    mockIPC(() => {
      throw { code: 'wrong_secret', message: 'That passphrase does not open this journal.' };
    });
    const error = await tauriBackend()
      .call('unlock', { passphrase: 'not the right one' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AttuneError);
    expect((error as AttuneError).code).toBe('wrong_secret');
    expect((error as AttuneError).message).toBe('That passphrase does not open this journal.');
  });

  test('anything else thrown becomes a generic internal error', async () => {
    mockIPC(() => {
      throw 'command status not allowed';
    });
    const error = await tauriBackend()
      .call('status', null)
      .catch((e: unknown) => e);
    expect((error as AttuneError).code).toBe('internal');
  });

  test('onLocked hears the shell\'s attune-locked DOM event and can stop listening', () => {
    const handler = vi.fn();
    const stop = tauriBackend().onLocked(handler);
    window.dispatchEvent(new Event(LOCKED_EVENT));
    expect(handler).toHaveBeenCalledTimes(1);
    stop();
    window.dispatchEvent(new Event(LOCKED_EVENT));
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
