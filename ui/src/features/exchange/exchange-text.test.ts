import { describe, expect, test } from 'vitest';
import { importOutcomeWords, markPassages } from './exchange-text';
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

describe('what importing a confirmation file did', () => {
  const base = {
    contact_id: 'c'.repeat(32),
    contact_name: 'Ana',
    already_imported: false,
    entries: 0,
    withdrawn: 0,
    responses: 0,
    unknown_entries: 0,
    requests: 0,
    answers: 0,
  };

  test('requests and answers are said in a sentence, counted', () => {
    expect(importOutcomeWords({ ...base, kind: 'confirm_request', requests: 1 })).toBe(
      'Ana asks you to confirm one session. You will find it under Sessions to confirm, in the Inbox.',
    );
    expect(importOutcomeWords({ ...base, kind: 'confirm_answer', answers: 2 })).toBe(
      'Ana answered about 2 sessions. See them under Supervision.',
    );
  });
});
