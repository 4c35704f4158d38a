// The test-id module is the one spelling of every id: the components and the
// end-to-end journeys (which TypeScript never sees) must both go through it.
import { describe, expect, test } from 'vitest';
import { testIds } from './testids.js';

const components = import.meta.glob<string>('../**/*.svelte', { query: '?raw', import: 'default', eager: true });
const journeys = import.meta.glob<string>(['../../../tests/e2e/{lib,journeys}/*.js', '../../../tests/e2e/figures.js'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

const names = Object.keys(testIds) as (keyof typeof testIds)[];
const fixedIds = Object.values(testIds as Record<string, unknown>).filter((v): v is string => typeof v === 'string');
const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
/** A component or a journey writing an id out itself, as an attribute or in a selector. */
const SPELLED_OUT = /(?:data-testid|\btestid|passTestid|confirmTestid)="[a-z0-9]/;

describe('test ids', () => {
  test('every id is kebab case, unique, and named after itself', () => {
    expect(new Set(fixedIds).size).toBe(fixedIds.length);
    for (const id of fixedIds) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const [name, id] of Object.entries(testIds)) if (typeof id === 'string') expect(name).toBe(camel(id));
    expect(testIds.checkinItem('energy')).toBe('checkin-item-energy');
    expect(testIds.exchangeTab('share')).toBe('exchange-tab-share');
  });

  test('components take every id from the module', () => {
    expect(Object.keys(components).length).toBeGreaterThan(40);
    const spelled = Object.entries(components).filter(([, text]) => SPELLED_OUT.test(text));
    expect(spelled.map(([file]) => file)).toEqual([]);
  });

  test('every id in the module is rendered by some component', () => {
    const all = Object.values(components).join('\n');
    expect(names.filter((name) => !new RegExp(`testIds\\.${name}\\b`).test(all))).toEqual([]);
  });

  test('the end-to-end journeys use only ids the module has, and spell none out', () => {
    expect(Object.keys(journeys).length).toBeGreaterThan(10);
    for (const [file, text] of Object.entries(journeys)) {
      const used = [...text.matchAll(/testIds\.(\w+)/g)].map((m) => m[1]);
      expect(used.filter((name) => !(name in testIds)), file).toEqual([]);
      expect(SPELLED_OUT.test(text), file).toBe(false);
    }
  });
});
