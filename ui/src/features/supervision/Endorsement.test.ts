import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, test } from 'vitest';
import type { FakeBackend } from '../../lib/backend/fake';
import { unlockedFake } from '../../test/helpers';
import { renderScreen } from '../../test/render-screen';
import Supervision from './Supervision.svelte';
import { emptyDetails } from './endorsement-words';

const YEAR = new Date().getFullYear();

async function open(fake: FakeBackend) {
  const r = renderScreen(fake, Supervision, {});
  await screen.findByRole('heading', { name: 'Endorsement' });
  await screen.findByRole('option', { name: /Michigan Association/ });
  return r;
}

describe('training and the Endorsement figures', () => {
  test('a training with a certificate, and the figures for the year with what is missing', async () => {
    const fake = unlockedFake();
    fake.supervision.save({
      id: null,
      date: `${YEAR}-02-10`,
      minutes: 90,
      format: 'individual',
      with_whom: 'my supervisor',
      role: 'receiving',
      entries_discussed: [],
      notes: null,
      details: { ...emptyDetails(), provider_name: 'Dr Lee' },
    });
    fake.supervision.save({
      id: null,
      date: `${YEAR}-02-11`,
      minutes: 60,
      format: 'individual',
      with_whom: 'a colleague',
      role: 'receiving',
      entries_discussed: [],
      notes: null,
      details: { ...emptyDetails(), peer: true },
    });
    const { user } = await open(fake);
    expect(screen.getByText('Choose your category to see what you have and what is still missing.')).toBeInTheDocument();

    await user.selectOptions(screen.getByTestId('endorsement-association'), 'mi-aimh');
    await user.selectOptions(screen.getByTestId('endorsement-category'), 'ifs');
    await user.click(screen.getByTestId('endorsement-choice-save'));
    await waitFor(() => expect(fake.settings.endorsement?.category).toBe('ifs'));
    expect(fake.settings.endorsement?.association).toBe('mi-aimh');

    const rsc = await screen.findByTestId('endorsement-rsc');
    expect(rsc).toHaveTextContent('1.5 of 12 hours');
    expect(rsc).toHaveTextContent('Main provider Dr Lee: 1.5 h');
    expect(rsc).toHaveTextContent('Peer consultation, not counted: 1 h');
    const missing = screen.getByTestId('endorsement-missing');
    expect(within(missing).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '10.5 more hours of RS/C received (1.5 of 12 so far).',
      '15 more hours of training (0 of 15 so far).',
    ]);
    expect(screen.getAllByText(/your association decides what counts/).length).toBeGreaterThan(0);

    // A training, with topics, then a certificate attached and saved out.
    await fireEvent.input(screen.getByTestId('training-title'), { target: { value: 'Working with fathers' } });
    await fireEvent.input(screen.getByTestId('training-provider'), { target: { value: 'MI-AIMH' } });
    await fireEvent.input(screen.getByTestId('training-hours'), { target: { value: '15' } });
    await user.click(screen.getByTestId('training-topic-dei'));
    await user.click(screen.getByTestId('training-save'));
    await waitFor(() => expect(screen.getAllByTestId('training-row')).toHaveLength(1));
    expect(fake.callsTo('save_training')[0]).toMatchObject({ title: 'Working with fathers', hours: 15, topics: ['dei'] });
    await waitFor(() => expect(screen.getByTestId('endorsement-training')).toHaveTextContent('15 of 15 hours'));
    expect(within(screen.getByTestId('endorsement-missing')).getAllByRole('listitem')).toHaveLength(1);

    await user.click(screen.getByTestId('training-attach'));
    await screen.findByText('Attached certificate.pdf. It is kept encrypted in your journal.');
    await user.click(screen.getByTestId('training-certificate'));
    await screen.findByText('Saved certificate.pdf.');
    expect(fake.savedFiles.map((f) => f.name)).toContain('certificate.pdf');

    await user.click(screen.getByTestId('endorsement-export-sessions'));
    await screen.findByText(`Saved attune-endorsement-rsc-sessions-${YEAR}.csv.`);

    await user.click(screen.getByTestId('training-delete'));
    await user.click(screen.getByTestId('training-delete-confirm'));
    await waitFor(() => expect(screen.queryAllByTestId('training-row')).toHaveLength(0));
    await waitFor(() => expect(screen.getByTestId('endorsement-training')).toHaveTextContent('0 of 15 hours'));
  }, 30_000);

  test('a refused training says why and keeps what was typed', async () => {
    const fake = unlockedFake();
    const { user } = await open(fake);
    await fireEvent.input(screen.getByTestId('training-provider'), { target: { value: 'MI-AIMH' } });
    await user.click(screen.getByTestId('training-save'));
    expect(await screen.findByTestId('training-error')).toHaveTextContent('Give the title on one line');
    expect(screen.getByTestId('training-provider')).toHaveValue('MI-AIMH');
    expect(fake.endorsement.trainings).toHaveLength(0);
  }, 30_000);
});
