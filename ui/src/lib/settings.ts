// The person's settings as the screens change them. Several screens write parts of the
// one settings record (the supports list, the one-time cards, the theme); each change
// starts from the record as saved now, so a screen holding an older copy never writes
// back what another screen has since changed.
import type { Backend } from './backend';
import type { ReminderSettings, Settings } from './ipc/types';

/** The core's reminder defaults (journal::reminders::ReminderSettings::default): all off. */
export const DEFAULT_REMINDERS: ReminderSettings = {
  reflect: { on: false, at_minute: 17 * 60, weekdays: [] },
  prepare: { on: false, at_minute: 16 * 60, weekday: null },
  checkin: { on: false, at_minute: 15 * 60, weekday: 5, every_weeks: 2 },
  renewal: { on: false, at_minute: 10 * 60, weeks_before: 6 },
  keep_running: false,
};

/** The core's defaults (journal::Settings::default), until the saved ones arrive. */
export const DEFAULT_SETTINGS: Settings = {
  auto_lock_minutes: 5,
  theme: 'system',
  privacy_mode: false,
  deid_allow: [],
  my_supports: [],
  checkin_reminder: true,
  seen_before_you_write: false,
  seen_share_limits: false,
  reminders: DEFAULT_REMINDERS,
};

/** Read the saved settings, apply `change`, save, and return what the core kept. */
export async function updateSettings(backend: Backend, change: Partial<Settings>): Promise<Settings> {
  const current = await backend.call('get_settings', null);
  return backend.call('save_settings', { ...current, ...change });
}
