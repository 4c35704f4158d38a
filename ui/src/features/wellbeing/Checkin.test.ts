import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, test, vi } from 'vitest';
import { AttuneError } from '../../lib/backend';
import { CHECKIN_FORM } from '../../lib/backend/fake-guided';
import { alertText, unlockedFake } from '../../test/helpers';
import { renderScreen } from '../../test/render-screen';
import Checkin from './Checkin.svelte';

async function openCheckin() {
  const fake = unlockedFake();
  const ondone = vi.fn();
  const onshowtrends = vi.fn();
  const r = renderScreen(fake, Checkin, { ondone, onshowtrends });
  await screen.findByTestId('checkin-item-energy');
  return { ...r, ondone, onshowtrends };
}

function radio(itemId: string, value: number): HTMLElement {
  // 0 and 10 also say what they mean ("0 of 10, Running on empty").
  return within(screen.getByTestId(`checkin-item-${itemId}`)).getByRole('radio', { name: new RegExp(`^${value} of 10\\b`) });
}

describe('wellbeing check-in', () => {
  test('shows every question from the form, each optional, with the reminder', async () => {
    await openCheckin();
    for (const item of CHECKIN_FORM.items) {
      const group = screen.getByTestId(`checkin-item-${item.id}`);
      expect(within(group).getByText(item.question)).toBeInTheDocument();
      expect(within(group).getByText(item.help)).toBeInTheDocument();
      expect(within(group).getAllByRole('radio')).toHaveLength(11);
    }
    expect(screen.getAllByText(CHECKIN_FORM.reminder).length).toBeGreaterThan(0);
    expect(screen.getByText(/skip any you like/i)).toBeInTheDocument();
    expect(screen.getByTestId('checkin-about')).toHaveTextContent('not a validated measure');
  });

  test('sends only the answered questions, in form order, and a trimmed note', async () => {
    const { fake, user } = await openCheckin();
    await user.click(radio('sleep', 3));
    await user.click(radio('energy', 7));
    await user.click(radio('support', 2));
    // Changed my mind about support: cleared answers are not sent.
    await user.click(within(screen.getByTestId('checkin-item-support')).getByRole('button', { name: 'Clear this answer' }));
    await user.type(screen.getByTestId('checkin-note'), '  A long week of visits.  ');
    await user.click(screen.getByTestId('checkin-save'));

    const result = await screen.findByTestId('checkin-result');
    expect(fake.callsTo('save_checkin')).toEqual([
      {
        answers: [
          { item_id: 'energy', value: 7 },
          { item_id: 'sleep', value: 3 },
        ],
        note: 'A long week of visits.',
      },
    ]);
    // Energy 7 is strain 3, sleep 3 is strain 7: overall 5.
    expect(within(result).getByTestId('checkin-overall')).toHaveTextContent('Some weight, and some ease, about 5 of 10.');
    expect(screen.getByRole('heading', { name: 'Thank you for checking in' })).toHaveFocus();
  });

  test('heavy readings bring gentle suggestions, supervision first, and where to turn', async () => {
    const { user, ondone, onshowtrends } = await openCheckin();
    await user.click(radio('energy', 1));
    await user.click(radio('exhaustion', 9));
    await user.click(radio('intrusive', 8));
    await user.click(screen.getByTestId('checkin-save'));

    const result = await screen.findByTestId('checkin-result');
    const suggestions = within(result).getAllByTestId('checkin-suggestion');
    expect(suggestions).toHaveLength(3);
    expect(suggestions[0]).toHaveTextContent(/supervision/);
    expect(suggestions[0]).toHaveTextContent(/small act of care/);
    // Words first, the number rounded (8.7 reads as about 9).
    expect(within(result).getByTestId('checkin-overall')).toHaveTextContent('A lot to carry just now, about 9 of 10.');
    expect(result).toHaveTextContent(CHECKIN_FORM.reminder);
    // Where to turn opens by itself when there is a suggestion, crisis line first.
    const resources = within(result).getByTestId('checkin-resources');
    expect(resources).toHaveTextContent('Where to turn');
    expect(resources).toHaveAttribute('open');
    expect(within(resources).getByTestId('crisis-contacts')).toHaveTextContent(/Crisis line: Call or text 988 in the US/);
    expect(within(resources).getByTestId('crisis-contacts')).toHaveTextContent(/Emergency services: Your local emergency number/);
    for (const r of CHECKIN_FORM.resources) expect(within(resources).getByText(r)).toBeInTheDocument();
    // One heavy check-in is not yet a long stretch.
    expect(within(result).queryByTestId('checkin-long-stretch')).not.toBeInTheDocument();
    expect(alertText()).toBe('');

    await user.click(within(result).getByTestId('checkin-see-trends'));
    expect(onshowtrends).toHaveBeenCalledTimes(1);
    await user.click(within(result).getByTestId('checkin-done'));
    expect(ondone).toHaveBeenCalledTimes(1);
  });

  test('moderate readings bring no suggestions', async () => {
    const { user } = await openCheckin();
    await user.click(radio('exhaustion', 4));
    await user.click(radio('energy', 6));
    await user.click(screen.getByTestId('checkin-save'));

    const result = await screen.findByTestId('checkin-result');
    expect(within(result).queryAllByTestId('checkin-suggestion')).toHaveLength(0);
    expect(within(result).getByTestId('checkin-overall')).toHaveTextContent('Some weight, and some ease, about 4 of 10.');
    expect(within(result).getByTestId('checkin-see-trends')).toBeInTheDocument();
    // Nothing to act on: where to turn stays folded, a click away.
    expect(within(result).getByTestId('checkin-resources')).not.toHaveAttribute('open');
  });

  test('with nothing answered, saving is explained and nothing is sent', async () => {
    const { fake, user } = await openCheckin();
    const save = screen.getByTestId('checkin-save');
    expect(save).toBeDisabled();
    expect(save).toHaveAccessibleDescription('Answer any one question to save; the rest can wait.');
    await user.type(screen.getByTestId('checkin-note'), 'Only a note.');
    await user.click(save);
    expect(fake.callsTo('save_checkin')).toHaveLength(0);

    await user.click(radio('sleep', 5));
    expect(save).toBeEnabled();
    expect(screen.queryByTestId('checkin-save-why')).not.toBeInTheDocument();
    await user.click(within(screen.getByTestId('checkin-item-sleep')).getByRole('button', { name: 'Clear this answer' }));
    expect(save).toBeDisabled();
    expect(fake.callsTo('save_checkin')).toHaveLength(0);
  });

  test('the note counts characters and a note over the limit is explained, not sent', async () => {
    const { fake, user } = await openCheckin();
    await user.click(radio('support', 8));
    const note = screen.getByTestId('checkin-note');
    // user-event's paste trips over the frozen Object.prototype: set the text directly.
    await fireEvent.input(note, { target: { value: '🌙'.repeat(CHECKIN_FORM.max_note_chars + 2) } });
    // An emoji is one character to the core, though two UTF-16 units to the browser.
    expect(screen.getByTestId('checkin-note-count')).toHaveTextContent(`2002 of ${CHECKIN_FORM.max_note_chars} characters`);
    expect(note).toHaveAttribute('aria-invalid', 'true');
    await user.click(screen.getByTestId('checkin-save'));
    expect(alertText()).toBe('The note is 2 characters over the limit. Please shorten it a little.');
    expect(fake.callsTo('save_checkin')).toHaveLength(0);

    await fireEvent.input(note, { target: { value: '🌙'.repeat(CHECKIN_FORM.max_note_chars) } });
    expect(screen.getByTestId('checkin-note-count')).toHaveTextContent('2000 of 2000 characters');
    await user.click(screen.getByTestId('checkin-save'));
    await screen.findByTestId('checkin-result');
    expect([...(fake.callsTo('save_checkin')[0].note ?? '')]).toHaveLength(2000);
  });

  test('an error from the core is shown and the answers stay', async () => {
    const { fake, user } = await openCheckin();
    fake.failNext('save_checkin', new AttuneError('disk_full', 'The disk is full. Free some space and try again.'));
    await user.click(radio('energy', 2));
    await user.click(screen.getByTestId('checkin-save'));
    await waitFor(() => expect(alertText()).toBe('The disk is full. Free some space and try again.'));
    expect(screen.queryByTestId('checkin-result')).not.toBeInTheDocument();
    expect(radio('energy', 2)).toBeChecked();

    await user.click(screen.getByTestId('checkin-save'));
    await screen.findByTestId('checkin-result');
    expect(fake.callsTo('save_checkin')).toHaveLength(2);
  });

  test('Not now leaves without saving', async () => {
    const { fake, user, ondone } = await openCheckin();
    await user.click(radio('energy', 2));
    await user.click(screen.getByTestId('checkin-cancel'));
    expect(ondone).toHaveBeenCalledTimes(1);
    expect(fake.callsTo('save_checkin')).toHaveLength(0);
  });

  test('screen readers hear what 0 and 10 mean for each question', async () => {
    await openCheckin();
    for (const item of CHECKIN_FORM.items) {
      const group = screen.getByTestId(`checkin-item-${item.id}`);
      expect(within(group).getByRole('radio', { name: `0 of 10, ${item.low_label}` })).toBeInTheDocument();
      expect(within(group).getByRole('radio', { name: `10 of 10, ${item.high_label}` })).toBeInTheDocument();
      expect(within(group).getByRole('radio', { name: '7 of 10' })).toBeInTheDocument();
      expect(group).toHaveAccessibleDescription(new RegExp(`0 means ${item.low_label}; 10 means ${item.high_label}\\.`));
    }
  });

  test('after three heavy check-ins in a row, one line suggests someone of your own as well', async () => {
    const fake = unlockedFake();
    for (let i = 0; i < 2; i++) {
      await fake.call('save_checkin', { answers: [{ item_id: 'exhaustion', value: 8 }], note: null });
    }
    const { user } = renderScreen(fake, Checkin, { ondone: vi.fn(), onshowtrends: vi.fn() });
    await screen.findByTestId('checkin-item-energy');
    await user.click(radio('exhaustion', 8));
    await user.click(screen.getByTestId('checkin-save'));
    const result = await screen.findByTestId('checkin-result');
    const line = within(result).getByTestId('checkin-long-stretch');
    expect(line).toHaveTextContent(CHECKIN_FORM.long_stretch_text);
    expect(line).toHaveTextContent(/doctor or therapist.*employee assistance program/);
    expect(within(result).getByTestId('checkin-resources')).toHaveAttribute('open');
  });

  test('low support suggests whoever feels safest, not only the supervisor', async () => {
    const { user } = await openCheckin();
    await user.click(radio('support', 1));
    await user.click(screen.getByTestId('checkin-save'));
    const result = await screen.findByTestId('checkin-result');
    const support = within(result)
      .getAllByTestId('checkin-suggestion')
      .find((li) => li.textContent?.includes('alone with this work'));
    expect(support).toHaveTextContent(/whoever feels safest to start with/);
  });
});
