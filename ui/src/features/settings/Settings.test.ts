import { screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, test } from 'vitest';
import { alertText, openJournal, PASSPHRASE, titles, unlockedFake } from '../../test/helpers';

afterEach(() => document.documentElement.classList.remove('theme-light', 'theme-dark'));

async function openSettings(options = {}) {
  const fake = unlockedFake([{ title: 'A visit', body: 'Something private' }], options);
  const r = await openJournal(fake);
  await r.user.click(screen.getByTestId('settings-button'));
  await screen.findByRole('heading', { name: 'Settings' });
  return r;
}

describe('settings', () => {
  test('the never-flag list shows each word and takes one off', async () => {
    const { fake, user } = await openSettings({ settings: { deid_allow: ['Sunshine', 'Kayla'] } });
    const list = screen.getByTestId('never-flag-list');
    expect(list).toHaveTextContent('Sunshine');
    expect(list).toHaveTextContent('Kayla');
    const remove = screen.getAllByTestId('never-flag-remove')[1];
    expect(remove).toHaveAccessibleName(/Remove\s*“Kayla”/);
    await user.click(remove);
    await waitFor(() => expect(fake.settings.deid_allow).toEqual(['Sunshine']));
    expect(list).not.toHaveTextContent('Kayla');
  });

  test('auto-lock out of range shows the core message; in range saves', async () => {
    const { fake, user } = await openSettings();
    const minutes = screen.getByTestId('settings-auto-lock');
    expect(minutes).toHaveValue(5);

    await user.clear(minutes);
    await user.type(minutes, '500');
    await user.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(alertText()).toBe('Auto-lock can be set from 1 to 240 minutes.'));
    expect(fake.settings.auto_lock_minutes).toBe(5);

    await user.clear(minutes);
    await user.type(minutes, '15');
    await user.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(fake.settings.auto_lock_minutes).toBe(15));
    expect(alertText()).toBe('');
    expect(screen.getByText(/locks after 15 minutes/)).toBeInTheDocument();
  });

  test('a blank or fractional auto-lock is caught before it is sent', async () => {
    const { fake, user } = await openSettings();
    await user.clear(screen.getByTestId('settings-auto-lock'));
    await user.click(screen.getByTestId('settings-save'));
    expect(alertText()).toMatch(/whole number/);
    expect(fake.callsTo('save_settings')).toHaveLength(0);
  });

  test('the theme applies at once and is saved', async () => {
    const { fake, user } = await openSettings();
    await user.selectOptions(screen.getByTestId('settings-theme'), 'dark');
    expect(document.documentElement).toHaveClass('theme-dark');
    await waitFor(() => expect(fake.settings.theme).toBe('dark'));
    await user.selectOptions(screen.getByTestId('settings-theme'), 'light');
    expect(document.documentElement).toHaveClass('theme-light');
    expect(document.documentElement).not.toHaveClass('theme-dark');
    // jsdom has no prefers-color-scheme: "system" resolves to light there.
    await user.selectOptions(screen.getByTestId('settings-theme'), 'system');
    expect(document.documentElement).not.toHaveClass('theme-dark');
    await waitFor(() => expect(fake.settings.theme).toBe('system'));
  });

  test('a saved theme is applied when the journal opens', async () => {
    await openJournal(unlockedFake([], { settings: { theme: 'dark' } }));
    await waitFor(() => expect(document.documentElement).toHaveClass('theme-dark'));
  });

  test('privacy mode hides snippets in the list', async () => {
    const { fake, user } = await openSettings();
    await user.click(screen.getByTestId('settings-privacy'));
    await waitFor(() => expect(fake.settings.privacy_mode).toBe(true));
    await user.click(screen.getByTestId('back-button'));
    await waitFor(() => expect(titles()).toEqual(['A visit']));
    expect(screen.queryByTestId('entry-snippet')).not.toBeInTheDocument();
    expect(document.body.textContent).not.toContain('Something private');
  });

  test('change passphrase: wrong current, then right', async () => {
    const { fake, user } = await openSettings();
    await user.type(screen.getByTestId('change-current'), 'not the one at all');
    await user.type(screen.getByTestId('change-new'), 'evening tide lanterns');
    await user.type(screen.getByTestId('change-confirm'), 'evening tide lanterns');
    await user.click(screen.getByTestId('change-submit'));
    await waitFor(() => expect(alertText()).toMatch(/does not open this journal/));
    expect(fake.passphrase).toBe(PASSPHRASE);

    await user.clear(screen.getByTestId('change-current'));
    await user.type(screen.getByTestId('change-current'), PASSPHRASE);
    await user.click(screen.getByTestId('change-submit'));
    expect(await screen.findByText(/Your passphrase is changed/)).toBeInTheDocument();
    expect(fake.passphrase).toBe('evening tide lanterns');
    expect(screen.getByTestId('change-current')).toHaveValue('');
  });

  test('About shows the version, the privacy promise and the credits', async () => {
    await openSettings();
    expect(await screen.findByText(/Version 0\.1\.0/)).toBeInTheDocument();
    // Software talk stays out of it.
    expect(document.body.textContent).not.toMatch(/journal format/i);
    // The true promise: sharing, export and backups are the ways out.
    expect(screen.getByText(/Attune never connects to the internet/)).toHaveTextContent(
      'nothing leaves this computer unless you share, export or back it up',
    );
    expect(document.body.textContent).not.toContain('Nothing is ever sent anywhere');
    expect(screen.getByTestId('agency-policy-note')).toHaveTextContent(/agencies have a policy.*your own computer.*checking yours/);
    expect(screen.getByText(/Reflective Interaction Observation Scale \(RIOS\)/)).toHaveTextContent(
      /Christopher Watson and colleagues/,
    );
    expect(screen.getByText(/reflective supervision and consultation \(RS\/C\)/)).toBeInTheDocument();
  });

  test('About names the route when a child may not be safe, and "Before you write" opens again', async () => {
    const { user } = await openSettings({ settings: { seen_before_you_write: true, crisis_line: 'Lifeline 13 11 14' } });
    expect(screen.getByTestId('child-safety')).toHaveTextContent(
      /child may not be safe.*agency’s child-protection steps today.*supervisor now.*not a report/,
    );
    const again = screen.getByTestId('before-you-write-again');
    expect(again).not.toHaveAttribute('open');
    await user.click(within(again).getByText('Read “Before you write” again'));
    const card = within(again).getByTestId('before-you-write');
    expect(card).toHaveTextContent('Use codes, not names.');
    expect(card).toHaveTextContent('not a clinical record');
    expect(card).toHaveTextContent('not where a concern is reported');
    // Not a crisis service, with the person's own crisis line.
    expect(within(card).getByTestId('crisis-contacts')).toHaveTextContent('Lifeline 13 11 14');
    // About has no "Got it": this is not the one-time card.
    expect(within(card).queryByTestId('before-you-write-done')).not.toBeInTheDocument();
  });

  test('the check-in reminder can be turned off, without touching what other screens saved', async () => {
    const { fake, user } = await openSettings();
    // Saved from Wellbeing after the journal read its settings.
    fake.settings = { ...fake.settings, my_supports: [{ label: 'EAP', reach: '555-0100' }] };
    const reminder = screen.getByTestId('settings-checkin-reminder');
    expect(reminder).toBeChecked();
    await user.click(reminder);
    await waitFor(() => expect(fake.settings.checkin_reminder).toBe(false));
    expect(fake.settings.my_supports).toEqual([{ label: 'EAP', reach: '555-0100' }]);
    expect(reminder).not.toBeChecked();
  });

  test('reminders are all off at first, and one turned on is saved with its time and days', async () => {
    const { fake, user } = await openSettings();
    const panel = screen.getByTestId('reminders-panel');
    for (const id of ['reminder-reflect', 'reminder-prepare', 'reminder-checkin', 'reminder-renewal', 'keep-running', 'start-at-login']) {
      expect(within(panel).getByTestId(id)).not.toBeChecked();
    }
    await user.click(screen.getByTestId('reminder-reflect'));
    const time = screen.getByTestId('reminder-reflect-time');
    await user.clear(time);
    await user.type(time, '18:30');
    await user.click(screen.getByTestId('reminder-reflect-day-4'));
    await user.click(screen.getByTestId('reminder-reflect-day-2'));
    await user.click(screen.getByTestId('reminders-save'));
    await waitFor(() => expect(fake.settings.reminders.reflect).toEqual({ on: true, at_minute: 18 * 60 + 30, weekdays: [2, 4] }));
    expect(fake.settings.reminders.checkin.on).toBe(false);
    expect(fake.settings.reminders.keep_running).toBe(false);
    expect(screen.getByTestId('reminders-saved')).toHaveTextContent('Saved. 1 reminder is on.');
  });

  test('a check-in count out of range shows the core message and saves nothing', async () => {
    const { fake, user } = await openSettings();
    await user.click(screen.getByTestId('reminder-checkin'));
    const weeks = screen.getByTestId('reminder-checkin-weeks');
    await user.clear(weeks);
    await user.type(weeks, '40');
    await user.click(screen.getByTestId('reminders-save'));
    await waitFor(() => expect(alertText()).toBe('A check-in reminder can come every 1 to 12 weeks.'));
    expect(fake.settings.reminders.checkin.on).toBe(false);
  });

  test('prepare falls back to a chosen weekday, and "no day" clears it', async () => {
    const { fake, user } = await openSettings();
    await user.click(screen.getByTestId('reminder-prepare'));
    await user.selectOptions(screen.getByTestId('reminder-prepare-weekday'), 'Wednesday');
    await user.click(screen.getByTestId('reminders-save'));
    await waitFor(() => expect(fake.settings.reminders.prepare).toEqual({ on: true, at_minute: 16 * 60, weekday: 3 }));
    await user.selectOptions(screen.getByTestId('reminder-prepare-weekday'), 'no day');
    await user.click(screen.getByTestId('reminders-save'));
    await waitFor(() => expect(fake.settings.reminders.prepare.weekday).toBeNull());
  });

  test('keeping Attune running and starting at login are each one switch, explained', async () => {
    const { fake, user } = await openSettings({ settings: { theme: 'dark' } });
    const panel = screen.getByTestId('reminders-panel');
    expect(panel).toHaveTextContent('Closing the window locks your journal');
    expect(panel).toHaveTextContent('never anything you wrote');
    expect(panel).toHaveTextContent('Reminders come only while Attune is running.');
    await user.click(screen.getByTestId('keep-running'));
    await waitFor(() => expect(fake.settings.reminders.keep_running).toBe(true));
    // Other settings are kept.
    expect(fake.settings.theme).toBe('dark');
    await user.click(screen.getByTestId('start-at-login'));
    await waitFor(() => expect(fake.startsAtLogin).toBe(true));
    expect(screen.getByTestId('start-at-login')).toBeChecked();
    await user.click(screen.getByTestId('start-at-login'));
    await waitFor(() => expect(fake.startsAtLogin).toBe(false));
    expect(fake.callsTo('set_start_at_login')).toHaveLength(2);
  });
});
