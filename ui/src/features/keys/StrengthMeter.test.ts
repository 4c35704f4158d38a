import { render, screen } from '@testing-library/svelte';
import { beforeAll, describe, expect, test } from 'vitest';
import StrengthMeter from './StrengthMeter.svelte';
import { loadGuessability } from './strength';

// zxcvbn's dictionaries are their own chunk: load them once, before the meter needs them.
beforeAll(async () => {
  await loadGuessability();
});

const words = () => document.querySelector('.words')?.textContent?.replace(/\s+/g, ' ').trim();

describe('the strength meter', () => {
  test('a very common password is called weak, with the reason and what to do', async () => {
    render(StrengthMeter, { props: { id: 'm', value: 'password123' } });
    expect(await screen.findByText('Weak.')).toBeInTheDocument();
    expect(words()).toBe(
      'Weak. Many people use this one. Attune needs one that is harder to guess: try three or four unrelated words, like a short, odd sentence only you would write.',
    );
    expect(document.querySelectorAll('.bar.on')).toHaveLength(1);
  });

  test('a long passphrase of unrelated words fills all four bars', async () => {
    render(StrengthMeter, { props: { id: 'm', value: 'marmalade otter violin cactus' } });
    expect(await screen.findByText('Strong.')).toBeInTheDocument();
    expect(document.querySelectorAll('.bar.on')).toHaveLength(4);
  });

  test('too short is said at once, with the count, and no bars', () => {
    render(StrengthMeter, { props: { id: 'm', value: 'quiet' } });
    expect(words()).toBe('Too short. A passphrase needs at least 10 characters.');
    expect(screen.getByText('5 of 10 characters')).toBeInTheDocument();
    expect(document.querySelectorAll('.bar.on')).toHaveLength(0);
  });

  test('a new value is judged again after the pause', async () => {
    const { rerender } = render(StrengthMeter, { props: { id: 'm', value: 'marmalade otter violin cactus' } });
    expect(await screen.findByText('Strong.')).toBeInTheDocument();
    await rerender({ id: 'm', value: 'password1234' });
    expect(await screen.findByText('Weak.')).toBeInTheDocument();
    expect(screen.queryByText('Strong.')).not.toBeInTheDocument();
  });
});
