// Leading-edge throttle: run at once, then at most once per `ms`.
export function throttle(fn: () => void, ms: number, now: () => number = () => Date.now()): () => void {
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    const t = now();
    if (t - last >= ms) {
      last = t;
      fn();
    }
  };
}

/** Run `fn` once `ms` after the last call (`ms` may be asked afresh at each call). */
export function debounce(fn: () => void, ms: number | (() => number)): { (): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fn();
    }, typeof ms === 'function' ? ms() : ms);
  };
  run.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  return run;
}
