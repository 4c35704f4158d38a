import { describe, expect, test } from 'vitest';
import { markPassages } from './exchange-text';
import type { Finding } from '../../lib/ipc/types';

const finding = (text: string): Finding => ({ kind: 'person_name', start: 0, end: 0, start_utf16: 0, end_utf16: 0, text });

describe('marking flagged passages', () => {
  test('marks every occurrence, in any part of the entry, without offsets', () => {
    expect(markPassages('Mrs Okafor called; Mrs Okafor again.', [finding('Mrs Okafor')])).toEqual([
      { text: 'Mrs Okafor', mark: true },
      { text: ' called; ', mark: false },
      { text: 'Mrs Okafor', mark: true },
      { text: ' again.', mark: false },
    ]);
  });

  test('overlapping passages are merged and text without findings is one plain piece', () => {
    expect(markPassages('call 555-0147 now', [finding('555-0147'), finding('0147 now')])).toEqual([
      { text: 'call ', mark: false },
      { text: '555-0147', mark: true },
      { text: ' now', mark: true },
    ]);
    expect(markPassages('A calm visit.', [])).toEqual([{ text: 'A calm visit.', mark: false }]);
  });
});
