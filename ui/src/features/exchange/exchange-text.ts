// Text for the supervision exchange screens: labels, answers as plain text, and the
// passages the de-identification scan flagged, marked as text pieces (never an HTML string).
import type { AnswerValue, CardRole, Finding, FolderCopy, ImportOutcome, MyRelation, SavedFile } from '../../lib/ipc/types';
import type { Segment } from '../journal/highlight';

export const RELATION_LABELS: Record<MyRelation, string> = {
  my_supervisor: 'My supervisor',
  my_supervisee: 'My supervisee',
  both: 'My supervisor and my supervisee',
};

export const ROLE_LABELS: Record<CardRole, string> = {
  supervisee: 'Supervisee',
  supervisor: 'Supervisor',
  both: 'Both supervisee and supervisor',
};

/** How withdrawing works, said before anyone presses the button. */
export const WITHDRAW_HINT =
  "Withdrawing is a request, not a recall: the next file asks your supervisor's Attune to remove the reflection, but a copy someone already made cannot be taken back.";

/** An answer as plain text. */
export function answerText(value: AnswerValue): string {
  switch (value.type) {
    case 'scale':
      return `${value.value} of 10`;
    case 'plan':
      return value.value.by ? `${value.value.step} (by ${value.value.by})` : value.value.step;
    default:
      return value.value;
  }
}

/**
 * Split `text` into plain and marked pieces, marking every place a flagged passage
 * occurs. The findings of a shared entry cover its title, text, tags and answers, with
 * offsets into whichever of those they came from, so the passages are found by their
 * text in each part rather than by offset.
 */
export function markPassages(text: string, findings: readonly Finding[]): Segment[] {
  const needles = [...new Set(findings.map((f) => f.text).filter((t) => t.length > 0))];
  const ranges: Array<[number, number]> = [];
  for (const n of needles) {
    for (let at = text.indexOf(n); at !== -1; at = text.indexOf(n, at + n.length)) ranges.push([at, at + n.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const out: Segment[] = [];
  let pos = 0;
  for (const [a, b] of ranges) {
    if (b <= pos) continue;
    const start = Math.max(a, pos);
    if (start > pos) out.push({ text: text.slice(pos, start), mark: false });
    out.push({ text: text.slice(start, b), mark: true });
    pos = b;
  }
  if (pos < text.length || out.length === 0) out.push({ text: text.slice(pos), mark: false });
  return out;
}

/** What importing a file did, in a sentence or two. */
export function importOutcomeWords(o: ImportOutcome): string {
  if (o.already_imported) return `This file from ${o.contact_name} was opened before. Nothing changed.`;
  if (o.kind === 'share') {
    const parts = [
      `${o.contact_name} now shares ${o.entries === 1 ? 'one reflection' : `${o.entries} reflections`} with you.`,
    ];
    if (o.withdrawn > 0) {
      parts.push(`${o.withdrawn === 1 ? 'One reflection was' : `${o.withdrawn} reflections were`} withdrawn and removed.`);
    }
    parts.push('They are in your Inbox.');
    return parts.join(' ');
  }
  if (o.kind === 'confirm_request') {
    const n = o.requests === 1 ? 'one session' : `${o.requests} sessions`;
    return `${o.contact_name} asks you to confirm ${n}. You will find ${o.requests === 1 ? 'it' : 'them'} under Sessions to confirm, in the Inbox.`;
  }
  if (o.kind === 'confirm_answer') {
    const n = o.answers === 1 ? 'one session' : `${o.answers} sessions`;
    return `${o.contact_name} answered about ${n}. See ${o.answers === 1 ? 'it' : 'them'} under Supervision.`;
  }
  const parts = [
    `${o.responses === 1 ? 'One response' : `${o.responses} responses`} from ${o.contact_name} arrived. You will find ${o.responses === 1 ? 'it under the reflection it answers' : 'them under the reflections they answer'}.`,
  ];
  if (o.unknown_entries > 0) {
    parts.push(
      o.unknown_entries === 1
        ? 'One answers a reflection no longer in this journal; it is kept.'
        : `${o.unknown_entries} answer reflections no longer in this journal; they are kept.`,
    );
  }
  return parts.join(' ');
}

/** What became of a packet's copy in the contact's exchange folder ('' when they have none). */
export function folderCopyWords(copy: FolderCopy | null | undefined, name: string): string {
  if (!copy) return '';
  if (copy.written) return `It is also in the exchange folder you share with ${name}, as ${copy.file_name ?? 'a new file'}.`;
  return copy.problem ?? '';
}

/** A save note, with what became of the folder copy after it. */
export function withFolder(note: string, saved: SavedFile, name: string): string {
  const more = saved.saved ? folderCopyWords(saved.folder, name) : '';
  return more ? `${note} ${more}` : note;
}
