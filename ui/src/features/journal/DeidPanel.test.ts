import { screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { flush, newReflectionOnFakeClock as writing } from '../../test/helpers';

afterEach(() => vi.useRealTimers());

describe('the de-identification check in the editor', () => {
  test('after a pause it lists what looks identifying, without stopping the writing', async () => {
    const { fake, user } = await writing();
    expect(screen.getByTestId('deid-summary')).toHaveTextContent('Nothing here looks identifying.');
    await user.type(screen.getByTestId('entry-body'), 'I will call Mrs Okafor on 555-0147 tomorrow.');
    expect(fake.callsTo('deid_scan')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(800);
    await flush();
    expect(fake.callsTo('deid_scan').at(-1)).toEqual({ text: 'I will call Mrs Okafor on 555-0147 tomorrow.' });
    await waitFor(() => expect(screen.getAllByTestId('deid-finding')).toHaveLength(2));
    expect(screen.getByTestId('deid-summary')).toHaveTextContent('2 passages look as if they could identify a family');
    expect(screen.getAllByTestId('deid-finding')[0]).toHaveTextContent('Possible name');
    expect(screen.getAllByTestId('deid-finding')[1]).toHaveTextContent('Phone number');
    // Writing goes on: the entry is still saved as usual.
    expect(screen.getByTestId('entry-body')).not.toBeDisabled();
  });

  test('Show selects the passage in the text; Not a name puts the word on the allow-list', async () => {
    const { fake, user } = await writing();
    await user.type(screen.getByTestId('entry-body'), 'We met at the clinic, Sunshine room.');
    await vi.advanceTimersByTimeAsync(800);
    await flush();
    await waitFor(() => expect(screen.getAllByTestId('deid-finding')).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Show' }));
    const body = screen.getByTestId('entry-body') as HTMLTextAreaElement;
    expect(body).toHaveFocus();
    expect(body.value.slice(body.selectionStart, body.selectionEnd)).toBe('Sunshine');

    await user.click(screen.getByTestId('deid-allow'));
    await flush();
    await waitFor(() => expect(fake.settings.deid_allow).toEqual(['Sunshine']));
    await waitFor(() => expect(screen.queryAllByTestId('deid-finding')).toHaveLength(0));
    expect(screen.getByText(/will not be flagged again/)).toBeInTheDocument();
  });
});
