import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { debounce } from './throttle';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

test('a debounce asks for its pause at each call', () => {
  let pause = 100;
  const fn = vi.fn();
  const soon = debounce(fn, () => pause);
  soon();
  vi.advanceTimersByTime(99);
  expect(fn).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(fn).toHaveBeenCalledTimes(1);

  pause = 40;
  soon();
  soon();
  vi.advanceTimersByTime(40);
  expect(fn).toHaveBeenCalledTimes(2);

  soon();
  soon.cancel();
  vi.advanceTimersByTime(200);
  expect(fn).toHaveBeenCalledTimes(2);
});
