import { describe, expect, test } from 'vitest';
import { BUILT_IN_PACKS, CHECKIN_FORM, FakeGuided, LENSES, fakeDeid } from './fake-guided';

const fail = (code: string, message: string) => new Error(`${code}: ${message}`);

describe('the guided fake reads the real content', () => {
  test('seven built-in packs, five lenses, six check-in questions', () => {
    expect(new Set(BUILT_IN_PACKS.map((p) => p.id)).size).toBe(7);
    expect(LENSES).toHaveLength(5);
    expect(CHECKIN_FORM.items).toHaveLength(6);
  });

  test('a heavy check-in brings the supervision suggestion first; a moderate one none', () => {
    const g = new FakeGuided(() => new Date('2026-03-02T10:00:00Z'), fail);
    const heavy = g.saveCheckin({
      answers: [
        { item_id: 'energy', value: 1 },
        { item_id: 'exhaustion', value: 9 },
      ],
      note: null,
    });
    expect(heavy.overall).toBe(9);
    expect(heavy.suggestions[0].item_id).toBeNull();
    const calm = g.saveCheckin({ answers: [{ item_id: 'energy', value: 6 }], note: null });
    expect(calm.overall).toBe(4);
    expect(calm.suggestions).toEqual([]);
    const t = g.trends(0);
    expect(t.count).toBe(2);
    expect(t.nudge).toBe(false);
    expect(t.items.find((i) => i.item_id === 'energy')?.average).toBe(3.5);
  });

  test('the de-identification stand-in gives code-point and UTF-16 offsets and honours the allow-list', () => {
    const r = fakeDeid('🙂 Call 555-0147, or Mrs Okafor.', []);
    expect(r.findings.map((f) => [f.kind, f.start, f.start_utf16])).toEqual([
      ['phone', 7, 8],
      ['person_name', 20, 21],
    ]);
    expect(fakeDeid('Mrs Okafor', ['okafor']).total).toBe(0);
  });
});
