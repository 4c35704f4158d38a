import { cleanup, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, test } from 'vitest';
import { AttuneError } from '../../lib/backend';
import { unlockedFake } from '../../test/helpers';
import { renderScreen } from '../../test/render-screen';
import FeedbackThreads from './FeedbackThreads.svelte';

function fakeWithFeedback() {
  const fake = unlockedFake([{ title: 'Hard morning' }, { title: 'Calm visit' }]);
  const sup = fake.exchange.addContact('Dr. Rivera', 'my_supervisor');
  fake.exchange.queuedPackets.push({
    kind: 'feedback',
    contact_id: sup.id,
    threads: [
      { entry_id: fake.entries[0].id, heard: 'How alone you felt.', wonder: '', stays: 'Your steadiness <b>stays</b>.' },
    ],
  });
  fake.exchange.openPacket();
  return fake;
}

describe('feedback under an entry', () => {
  test("shows the supervisor's response with its parts, marked as their words", async () => {
    const fake = fakeWithFeedback();
    renderScreen(fake, FeedbackThreads, { entryId: fake.entries[0].id });
    const thread = await screen.findByTestId('feedback-thread');
    expect(fake.callsTo('feedback_for')).toEqual([{ entry_id: fake.entries[0].id }]);
    expect(thread).toHaveTextContent('Dr. Rivera’s response');
    expect(within(thread).getByRole('heading', { name: 'What I heard' })).toBeInTheDocument();
    expect(thread).toHaveTextContent('How alone you felt.');
    // An empty part is left out; text is shown as text, never as markup.
    expect(within(thread).queryByRole('heading', { name: 'What I wonder' })).not.toBeInTheDocument();
    expect(thread).toHaveTextContent('Your steadiness <b>stays</b>.');
    expect(thread.querySelector('b')).toBeNull();
  });

  test('an edited response says so, and a withdrawn one says it was withdrawn by the sender, words gone', async () => {
    const fake = fakeWithFeedback();
    const [t] = fake.exchange.threads;
    Object.assign(t, { edited: true, heard: 'Kinder words.' });
    renderScreen(fake, FeedbackThreads, { entryId: fake.entries[0].id });
    const thread = await screen.findByTestId('feedback-thread');
    expect(thread).toHaveTextContent('· edited');
    expect(thread).toHaveTextContent('Kinder words.');
    expect(within(thread).queryByTestId('feedback-withdrawn')).not.toBeInTheDocument();
    cleanup();

    Object.assign(t, { edited: false, withdrawn: true, heard: '', noticed: '', wonder: '', stays: '' });
    renderScreen(fake, FeedbackThreads, { entryId: fake.entries[0].id });
    const gone = await screen.findByTestId('feedback-thread');
    expect(within(gone).getByTestId('feedback-withdrawn')).toHaveTextContent('Withdrawn by the sender.');
    expect(within(gone).queryByRole('heading', { name: 'What I heard' })).not.toBeInTheDocument();
    expect(gone).not.toHaveTextContent('edited');
  });

  test('renders nothing for an entry without responses', async () => {
    const fake = fakeWithFeedback();
    renderScreen(fake, FeedbackThreads, { entryId: fake.entries[1].id });
    await waitFor(() => expect(fake.callsTo('feedback_for')).toEqual([{ entry_id: fake.entries[1].id }]));
    expect(screen.queryByTestId('feedback-thread')).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('From supervision');
  });

  test('an error from the core is shown', async () => {
    const fake = fakeWithFeedback();
    fake.failNext('feedback_for', new AttuneError('locked', 'The journal is locked.'));
    renderScreen(fake, FeedbackThreads, { entryId: fake.entries[0].id });
    expect(await screen.findByTestId('feedback-error')).toHaveTextContent('The journal is locked.');
  });
});
