// The theme is a class on <html>: none follows the system (prefers-color-scheme),
// `theme-light` or `theme-dark` overrides it. Before unlock there are no settings, so
// the system decides.
import type { Theme } from './ipc/types';

export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  root.classList.remove('theme-light', 'theme-dark');
  if (theme !== 'system') root.classList.add(`theme-${theme}`);
}
