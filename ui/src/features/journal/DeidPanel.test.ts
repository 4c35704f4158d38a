import { screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { flush, newReflectionOnFakeClock as writing } from '../../test/helpers';

afterEach(() => vi.useRealTimers());

describe('the de-identification check in the editor', () => {
  test('after a pause it lists what looks identifying, without stopping the writing', async () => {
    const { fake, user } = await writing();
    // Never a clearance: with nothing found, it says so and that it can miss things.
    expect(screen.getByTestId('deid-summary')).toHaveTextContent('cannot catch everything');
    expect(screen.getByTestId('deid-summary')).not.toHaveTextContent(/looks identifying|nothing identifying/i);
    await user.type(screen.getByTestId('entry-body'), 'I will call Mrs Okafor on 555-0147 tomorrow.');
    expect(fake.callsTo('deid_scan')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(800);
    await flush();
    expect(fake.callsTo('deid_scan').at(-1)).toEqual({ text: 'I will call Mrs Okafor on 555-0147 tomorrow.', not_names: [] });
    await waitFor(() => expect(screen.getAllByTestId('deid-finding')).toHaveLength(2));
    expect(screen.getByTestId('deid-summary')).toHaveTextContent('2 passages look as if they could identify a family');
    expect(screen.getAllByTestId('deid-finding')[0]).toHaveTextContent('Possible name');
    expect(screen.getAllByTestId('deid-finding')[1]).toHaveTextContent('Phone number');
    // Writing goes on: the entry is still saved as usual.
    expect(screen.getByTestId('entry-body')).not.toBeDisabled();
  });

  test('Show selects the passage; Not a name here stays in this reflection and is saved with it', async () => {
    const { fake, user } = await writing();
    await user.type(screen.getByTestId('entry-body'), 'We met at the clinic, Sunshine room.');
    await vi.advanceTimersByTimeAsync(800);
    await flush();
    await waitFor(() => expect(screen.getAllByTestId('deid-finding')).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Show' }));
    const body = screen.getByTestId('entry-body') as HTMLTextAreaElement;
    expect(body).toHaveFocus();
    expect(body.value.slice(body.selectionStart, body.selectionEnd)).toBe('Sunshine');

    await user.click(screen.getByTestId('deid-not-here'));
    await vi.advanceTimersByTimeAsync(800);
    await flush();
    await waitFor(() => expect(screen.queryAllByTestId('deid-finding')).toHaveLength(0));
    expect(fake.callsTo('deid_scan').at(-1)).toEqual({ text: 'We met at the clinic, Sunshine room.', not_names: ['Sunshine'] });
    expect(fake.settings.deid_allow).toEqual([]);
    expect(screen.getByText(/in this reflection/)).toBeInTheDocument();
    await user.click(screen.getByTestId('entry-save'));
    await flush();
    await waitFor(() => expect(fake.callsTo('create_entry').at(-1)?.not_names).toEqual(['Sunshine']));
  });

  test('the journal-wide never-flag list is a separate step that says what it does', async () => {
    const { fake, user } = await writing();
    await user.type(screen.getByTestId('entry-body'), 'We met at the clinic, Sunshine room.');
    await vi.advanceTimersByTimeAsync(800);
    await flush();
    await waitFor(() => expect(screen.getAllByTestId('deid-finding')).toHaveLength(1));
    await user.click(screen.getByTestId('deid-allow'));
    expect(fake.settings.deid_allow).toEqual([]);
    expect(screen.getByRole('group', { name: 'Never flag this word' })).toHaveTextContent('in any reflection');
    await user.click(screen.getByRole('button', { name: 'Never flag “Sunshine”' }));
    await flush();
    await waitFor(() => expect(fake.settings.deid_allow).toEqual(['Sunshine']));
    await vi.advanceTimersByTimeAsync(800);
    await flush();
    await waitFor(() => expect(screen.queryAllByTestId('deid-finding')).toHaveLength(0));
    expect(screen.getByText(/never-flag list now, in every reflection/)).toBeInTheDocument();
  });

  test('the family code and tags are checked too', async () => {
    const { fake, user } = await writing();
    await user.type(screen.getByTestId('entry-family-code'), 'Mrs Okafor');
    await vi.advanceTimersByTimeAsync(800);
    await flush();
    await waitFor(() => expect(fake.callsTo('deid_scan').map((c) => c.text)).toContain('Mrs Okafor'));
    await waitFor(() => expect(screen.getByTestId('deid-finding')).toHaveTextContent('in the family code'));
  });
});
