// The custom-pack editor's fields, and the way back to the pack format. Lists the
// person types one per line (examples, choice options) are text here; each answer
// type's extra fields stay in the form while another type is picked, so switching back
// loses nothing. The core does every check; this only trims, splits and assembles.
import type { AnswerType, CollaborativeTask, Prompt, PromptPack, RiosElement } from '../../lib/ipc/types';
import type { AnswerKind } from './rsc-labels';

export interface PromptFields {
  /** Stable for the page's lifetime (keyed lists, label ids); never sent. */
  key: number;
  /** The prompt's id in the pack: kept from the pack, or generated. Never typed. */
  id: string;
  text: string;
  help: string;
  /** One example per line. */
  examples: string;
  element: RiosElement;
  task: CollaborativeTask;
  answer: AnswerKind;
  lowLabel: string;
  highLabel: string;
  /** One option per line. */
  options: string;
}

export interface PackFields {
  title: string;
  purpose: string;
  whenToUse: string;
  minutes: number | null;
  /** The grounding step before the questions, when the pack has one. */
  opening: PromptFields | null;
  prompts: PromptFields[];
  closing: PromptFields;
}

let nextKey = 0;

export function promptFields(p: Prompt): PromptFields {
  return {
    key: ++nextKey,
    id: p.id,
    text: p.text,
    help: p.help,
    examples: p.examples.join('\n'),
    element: p.element,
    task: p.task,
    answer: p.answer.type,
    lowLabel: p.answer.type === 'scale' ? p.answer.low_label : '',
    highLabel: p.answer.type === 'scale' ? p.answer.high_label : '',
    options: p.answer.type === 'choice' ? p.answer.options.join('\n') : '',
  };
}

export function packFields(pack: PromptPack): PackFields {
  return {
    title: pack.title,
    purpose: pack.purpose,
    whenToUse: pack.when_to_use,
    minutes: pack.minutes,
    opening: pack.opening ? promptFields(pack.opening) : null,
    prompts: pack.prompts.map(promptFields),
    closing: promptFields(pack.closing),
  };
}

/** `q-<n>` with the smallest n no prompt (or the closing step) uses yet. */
export function freshPromptId(fields: PackFields): string {
  const taken = new Set([...(fields.opening ? [fields.opening] : []), ...fields.prompts, fields.closing].map((p) => p.id));
  let n = 1;
  while (taken.has(`q-${n}`)) n++;
  return `q-${n}`;
}

/** A new prompt, added after the others: a long answer, exploring, until edited. */
export function blankPrompt(fields: PackFields): PromptFields {
  return {
    key: ++nextKey,
    id: freshPromptId(fields),
    text: '',
    help: '',
    examples: '',
    element: 'use_of_self',
    task: 'exploring',
    answer: 'long_text',
    lowLabel: '',
    highLabel: '',
    options: '',
  };
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function answerOf(f: PromptFields): AnswerType {
  switch (f.answer) {
    case 'scale':
      return { type: 'scale', low_label: f.lowLabel.trim(), high_label: f.highLabel.trim() };
    case 'choice':
      return { type: 'choice', options: lines(f.options) };
    default:
      return { type: f.answer };
  }
}

export function toPrompt(f: PromptFields): Prompt {
  return {
    id: f.id,
    text: f.text.trim(),
    help: f.help.trim(),
    examples: lines(f.examples),
    element: f.element,
    task: f.task,
    answer: answerOf(f),
  };
}

/**
 * The pack to send to `save_pack`: the original's id, version, format, theme, brevity
 * and origin with the person's edits; its opening step kept (edited) when it has one.
 * `minutes` must already be a whole number.
 */
export function toPack(original: PromptPack, fields: PackFields, minutes: number): PromptPack {
  return {
    format: original.format,
    id: original.id,
    version: original.version,
    title: fields.title.trim(),
    purpose: fields.purpose.trim(),
    when_to_use: fields.whenToUse.trim(),
    minutes,
    ...(original.brief ? { brief: true } : {}),
    theme: original.theme,
    ...(fields.opening ? { opening: toPrompt(fields.opening) } : {}),
    prompts: fields.prompts.map(toPrompt),
    closing: toPrompt(fields.closing),
    origin: original.origin,
  };
}

/**
 * Whether a copy's containment step no longer says what the pack it was copied from says
 * (as PromptPack::containment_edited): its question, help or examples changed.
 */
export function containmentEdited(closing: PromptFields, base: PromptPack | null): boolean {
  if (!base || base.closing.id !== 'containment') return false;
  const now = toPrompt(closing);
  return (
    now.id !== base.closing.id ||
    now.text !== base.closing.text ||
    now.help !== base.closing.help ||
    JSON.stringify(now.examples) !== JSON.stringify(base.closing.examples)
  );
}

/** The core keeps a custom pack to 1 to 20 prompts before its closing step. */
export const MAX_CUSTOM_PROMPTS = 20;
