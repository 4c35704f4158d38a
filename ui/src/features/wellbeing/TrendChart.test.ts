import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, test, vi } from 'vitest';
import TrendChart from './TrendChart.svelte';

// A stand-in for uPlot that records how it was made and whether it was destroyed.
const plots = vi.hoisted(() => {
  const made: { opts: Record<string, unknown>; data: unknown[]; target: HTMLElement; destroyed: boolean }[] = [];
  class FakePlot {
    width = 0;
    constructor(opts: Record<string, unknown>, data: unknown[], target: HTMLElement) {
      made.push({ opts, data, target, destroyed: false });
      this.width = opts.width as number;
    }
    destroy() {
      made[made.length - 1].destroyed = true;
    }
    setSize() {}
  }
  return { made, FakePlot };
});
vi.mock('uplot', () => ({ default: plots.FakePlot }));

const series = [
  {
    label: 'Overall',
    points: [
      { at: '2026-03-02T12:00:00Z', value: 4 },
      { at: '2026-03-09T12:00:00Z', value: 6.5 },
      { at: '2026-03-16T12:00:00Z', value: 3 },
    ],
  },
];

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  plots.made.length = 0;
  document.documentElement.style.removeProperty('--accent');
});

describe('trend chart', () => {
  test('in jsdom (no canvas) it draws only the labelled box, without throwing', () => {
    render(TrendChart, { props: { series, yLabel: '0 light, 10 heavy', testid: 'chart' } });
    const chart = screen.getByTestId('chart');
    expect(chart).toHaveAttribute('role', 'img');
    expect(screen.getByRole('img')).toBe(chart);
    expect(chart.querySelector('canvas, table')).toBeNull();
    expect(plots.made).toHaveLength(0);
  });

  test('its accessible name summarises every series', () => {
    render(TrendChart, {
      props: {
        series: [...series, { label: 'Sleep', points: [] }],
        yLabel: '0 light, 10 heavy',
        testid: 'chart',
      },
    });
    const label = screen.getByTestId('chart').getAttribute('aria-label') ?? '';
    expect(label).toMatch(/^Chart over time, 0 light, 10 heavy\./);
    expect(label).toMatch(/Overall: 3 readings from .+ to .+; latest 3, lowest 3, highest 6[.,]5\./);
    expect(label).toContain('Sleep: no readings yet.');
  });

  test('with a canvas, uPlot draws 0 to 10 over time in the theme colour and is destroyed on unmount', async () => {
    vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }));
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        disconnect() {}
      },
    );
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({} as CanvasRenderingContext2D);
    document.documentElement.style.setProperty('--accent', '#123456');

    const { unmount } = render(TrendChart, { props: { series, yLabel: '0 light, 10 heavy', testid: 'chart' } });
    await vi.waitFor(() => expect(plots.made).toHaveLength(1));
    const [plot] = plots.made;
    expect(plot.target).toBe(screen.getByTestId('chart'));
    expect(plot.data).toEqual([
      [Date.parse('2026-03-02T12:00:00Z') / 1000, Date.parse('2026-03-09T12:00:00Z') / 1000, Date.parse('2026-03-16T12:00:00Z') / 1000],
      [4, 6.5, 3],
    ]);
    const opts = plot.opts as { scales: { y: { range: number[] }; x: { time: boolean } }; series: { stroke?: string }[] };
    expect(opts.scales.y.range).toEqual([0, 10]);
    expect(opts.scales.x.time).toBe(true);
    expect(opts.series[1].stroke).toBe('#123456');

    unmount();
    expect(plot.destroyed).toBe(true);
  });
});
