// The real uPlot, on a stand-in canvas: it must build and draw under the frozen
// Object.prototype the app runs with, and go away cleanly.
import { render, screen } from '@testing-library/svelte';
import { afterEach, expect, test, vi } from 'vitest';
import type uPlot from 'uplot';
import TrendChart from './TrendChart.svelte';

// The real uPlot, with each instance kept so a test can read the scales it settled on.
const made = vi.hoisted(() => [] as uPlot[]);
vi.mock('uplot', async (importOriginal) => {
  const real = ((await importOriginal()) as { default: typeof uPlot }).default;
  class Recorded extends real {
    constructor(...args: ConstructorParameters<typeof uPlot>) {
      super(...args);
      made.push(this);
    }
  }
  return { default: Recorded };
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  made.length = 0;
});

/** A window and canvas good enough for uPlot to lay out and "draw" (every call a no-op). */
function standInCanvas() {
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }));
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      disconnect() {}
    },
  );
  vi.stubGlobal(
    'Path2D',
    class {
      moveTo() {}
      lineTo() {}
      rect() {}
      arc() {}
      closePath() {}
      bezierCurveTo() {}
      addPath() {}
    },
  );
  // Every drawing call is a no-op; measureText answers with a width.
  const ctx = new Proxy({} as Record<string | symbol, unknown>, {
    get: (t, k) => (k in t ? t[k] : k === 'measureText' ? () => ({ width: 10 }) : () => undefined),
    set: (t, k, v) => {
      t[k] = v;
      return true;
    },
  });
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as unknown as CanvasRenderingContext2D);
}

test('real uPlot draws under a frozen prototype and is removed on unmount', async () => {
  standInCanvas();
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.error);
  window.addEventListener('error', onError);

  const points = [
    { at: '2026-03-02T12:00:00Z', value: 4 },
    { at: '2026-03-09T12:00:00Z', value: 6 },
  ];
  const { unmount } = render(TrendChart, { props: { series: [{ label: 'Overall', points }], yLabel: '0 to 10', testid: 'chart' } });
  const box = screen.getByTestId('chart');
  await vi.waitFor(() => expect(box.querySelector('.uplot canvas')).not.toBeNull());
  await new Promise((r) => setTimeout(r, 50));
  expect(errors).toEqual([]);
  // Still one labelled image: uPlot's own legend is off.
  expect(box.querySelector('.u-legend')).toBeNull();

  unmount();
  // The box leaves the page with its children; only uPlot's destroy empties it.
  expect(box.querySelector('.uplot')).toBeNull();
  window.removeEventListener('error', onError);
});

const DAY_S = 86_400;

async function xScaleFor(props: { series: { label: string; points: { at: string; value: number }[] }[]; period?: { from: string; to: string } }): Promise<{ min: number; max: number }> {
  standInCanvas();
  render(TrendChart, { props: { yLabel: '0 to 10', testid: 'chart', ...props } });
  await vi.waitFor(() => expect(made).toHaveLength(1));
  await vi.waitFor(() => expect(made[0].scales.x.max).not.toBeNull());
  const { min, max } = made[0].scales.x;
  return { min: min as number, max: max as number };
}

test('one check-in sits inside a few weeks of axis, not years to its right', async () => {
  const at = Date.parse('2026-11-30T09:00:00Z') / 1000;
  const { min, max } = await xScaleFor({
    series: [{ label: 'Overall', points: [{ at: '2026-11-30T09:00:00Z', value: 5 }] }],
  });
  expect(min).toBeLessThan(at - DAY_S);
  expect(max).toBeGreaterThan(at + DAY_S);
  expect(max - min).toBeLessThan(40 * DAY_S);
  // Not pinned to the left edge.
  expect((at - min) / (max - min)).toBeGreaterThan(0.25);
  expect((at - min) / (max - min)).toBeLessThan(0.75);
});

test('the axis covers the whole period shown, with a little room at each end', async () => {
  const from = '2026-09-07T12:00:00Z';
  const to = '2026-11-30T12:00:00Z';
  const { min, max } = await xScaleFor({
    series: [{ label: 'Overall', points: [{ at: '2026-11-20T09:00:00Z', value: 5 }] }],
    period: { from, to },
  });
  expect(min).toBeLessThan(Date.parse(from) / 1000);
  expect(max).toBeGreaterThan(Date.parse(to) / 1000);
  // The pad is small next to twelve weeks.
  expect(max - min).toBeLessThan(13 * 7 * DAY_S);
});
