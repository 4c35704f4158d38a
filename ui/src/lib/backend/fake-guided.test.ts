import { describe, expect, test } from 'vitest';
import { CHECKIN_FORM, FakeGuided, LATEST_BUILT_IN, LENSES, fakeDeid, latestBuiltIn } from './fake-guided';

const fail = (code: string, message: string) => new Error(`${code}: ${message}`);

describe('the guided fake reads the real content', () => {
  test('every built-in pack at its latest version, five lenses, six check-in questions', () => {
    expect(LATEST_BUILT_IN.length).toBeGreaterThanOrEqual(7);
    expect(new Set(LATEST_BUILT_IN.map((p) => p.id)).size).toBe(LATEST_BUILT_IN.length);
    // Shipped versions stay, and the latest is the one listed.
    expect(latestBuiltIn('vicarious-trauma').version).toBeGreaterThan(1);
    expect(latestBuiltIn('vicarious-trauma').opening).toBeTruthy();
    expect(LENSES.length).toBeGreaterThanOrEqual(5);
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

  test('heavy packs and an edited containment step are said in the summaries', () => {
    const g = new FakeGuided(() => new Date('2026-03-02T10:00:00Z'), fail);
    const summaries = g.listPacks();
    expect(summaries.find((s) => s.id === 'vicarious-trauma')?.heavy).toBe(true);
    expect(summaries.find((s) => s.id === 'critical-incident')?.heavy).toBe(true);
    expect(summaries.find((s) => s.id === 'preventing-burnout')?.heavy).toBe(false);
    const copy = g.duplicatePack({ id: 'vicarious-trauma', version: null });
    expect(g.listPacks().find((s) => s.id === copy.id)?.containment_edited).toBe(false);
    g.savePack({ ...copy, closing: { ...copy.closing, help: 'Shorter.' } });
    expect(g.listPacks().find((s) => s.id === copy.id)?.containment_edited).toBe(true);
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
