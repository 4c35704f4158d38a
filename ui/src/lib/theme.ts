// The theme is one class on <html>, `theme-light` or `theme-dark`, always resolved:
// "system" follows prefers-color-scheme and keeps following it while chosen. Before
// unlock there are no settings, so the system decides. One class means one block of
// dark tokens in app.css.
import type { Theme } from './ipc/types';

type Media = Pick<MediaQueryList, 'matches' | 'addEventListener' | 'removeEventListener'>;

function systemMedia(): Media | null {
  return typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
}

let stopFollowing: (() => void) | null = null;

export function applyTheme(
  theme: Theme,
  root: HTMLElement = document.documentElement,
  media: Media | null = systemMedia(),
): void {
  stopFollowing?.();
  stopFollowing = null;
  const paint = () => {
    const dark = theme === 'dark' || (theme === 'system' && media?.matches === true);
    root.classList.toggle('theme-dark', dark);
    root.classList.toggle('theme-light', !dark);
  };
  paint();
  if (theme === 'system' && media) {
    media.addEventListener('change', paint);
    stopFollowing = () => media.removeEventListener('change', paint);
  }
}
