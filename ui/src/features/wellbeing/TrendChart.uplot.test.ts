// The real uPlot, on a stand-in canvas: it must build and draw under the frozen
// Object.prototype the app runs with, and go away cleanly.
import { render, screen } from '@testing-library/svelte';
import { afterEach, expect, test, vi } from 'vitest';
import TrendChart from './TrendChart.svelte';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

test('real uPlot draws under a frozen prototype and is removed on unmount', async () => {
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
