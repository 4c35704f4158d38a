import { describe, expect, test } from 'vitest';
import { applyTheme } from './theme';

function fakeMedia(matches: boolean) {
  const listeners = new Set<() => void>();
  return {
    matches,
    addEventListener: (_: string, fn: () => void) => listeners.add(fn),
    removeEventListener: (_: string, fn: () => void) => listeners.delete(fn),
    flip(to: boolean) {
      this.matches = to;
      for (const fn of listeners) fn();
    },
    listeners,
  };
}

describe('theme', () => {
  test('a chosen theme wins over the system', () => {
    const root = document.createElement('html');
    const media = fakeMedia(true);
    applyTheme('light', root, media as unknown as MediaQueryList);
    expect([...root.classList]).toEqual(['theme-light']);
    applyTheme('dark', root, fakeMedia(false) as unknown as MediaQueryList);
    expect([...root.classList]).toEqual(['theme-dark']);
  });

  test('"system" follows the desktop, also when it changes, until another theme is chosen', () => {
    const root = document.createElement('html');
    const media = fakeMedia(false);
    applyTheme('system', root, media as unknown as MediaQueryList);
    expect([...root.classList]).toEqual(['theme-light']);
    media.flip(true);
    expect([...root.classList]).toEqual(['theme-dark']);
    applyTheme('light', root, media as unknown as MediaQueryList);
    expect(media.listeners.size).toBe(0);
    media.flip(true);
    expect([...root.classList]).toEqual(['theme-light']);
  });

  test('without matchMedia, "system" is light', () => {
    const root = document.createElement('html');
    applyTheme('system', root, null);
    expect([...root.classList]).toEqual(['theme-light']);
  });
});
