// Answers to guided prompts as the editor keeps them: one PromptAnswer per answered
// prompt, none for an empty one, in the order the pack asks them (lenses last).
import type { AnswerValue, Lens, Prompt, PromptAnswer, PromptPack } from '../../lib/ipc/types';

/** Every step of a pack in order: the opening (if any), the questions, the closing step last. */
export function steps(pack: PromptPack): Prompt[] {
  return [...(pack.opening ? [pack.opening] : []), ...pack.prompts, pack.closing];
}

/**
 * A heavy pack (vicarious trauma, critical incident), as PromptPack::is_heavy: every
 * step offers "Stop and close gently", and its closing step contains.
 */
export function isHeavy(pack: Pick<PromptPack, 'theme'>): boolean {
  return pack.theme === 'vicarious_trauma' || pack.theme === 'critical_incident';
}

/** Packs whose closing step points to where to turn and the person's own supports. */
export function closesWithSupports(pack: Pick<PromptPack, 'theme'>): boolean {
  return isHeavy(pack) || pack.theme === 'burnout';
}

/** A closing choice that means "bring this to supervision" (it also marks the reflection). */
export function meansBringToSupervision(value: string): boolean {
  return /\bbring (it|this)\b.*\bsupervision\b/i.test(value);
}

export function lensPromptId(lens: Lens): string {
  return `lens:${lens.id}`;
}

export function answerOf(answers: PromptAnswer[], promptId: string): AnswerValue | null {
  return answers.find((a) => a.prompt_id === promptId)?.value ?? null;
}

/** An answer with nothing in it is no answer. */
export function isEmpty(value: AnswerValue | null): boolean {
  if (value === null) return true;
  switch (value.type) {
    case 'text':
    case 'choice':
      return value.value.trim() === '';
    case 'scale':
      return false;
    case 'plan':
      return value.value.step.trim() === '' || value.value.by === '';
  }
}

/**
 * Set (or, with an empty value, remove) the answer to one prompt, keeping the pack's
 * order: `order` lists prompt ids as the pack asks them; lens answers keep their place
 * after them.
 */
export function setAnswer(
  answers: PromptAnswer[],
  promptId: string,
  promptText: string,
  value: AnswerValue | null,
  order: string[] = [],
): PromptAnswer[] {
  const rest = answers.filter((a) => a.prompt_id !== promptId);
  if (isEmpty(value)) return rest;
  const next = [...rest, { prompt_id: promptId, prompt: promptText, value: value as AnswerValue }];
  const rank = (id: string) => {
    const at = order.indexOf(id);
    return at >= 0 ? at : order.length + (id.startsWith('lens:') ? 1 : 0);
  };
  return next
    .map((a, i) => ({ a, i }))
    .sort((x, y) => rank(x.a.prompt_id) - rank(y.a.prompt_id) || x.i - y.i)
    .map((x) => x.a);
}

/** Answers that belong to a pack (lens answers are kept when the pack changes). */
export function packAnswers(answers: PromptAnswer[]): PromptAnswer[] {
  return answers.filter((a) => !a.prompt_id.startsWith('lens:'));
}

/** An answer as a person reads it. */
export function answerText(value: AnswerValue, formatDate: (iso: string) => string = (d) => d): string {
  switch (value.type) {
    case 'text':
    case 'choice':
      return value.value;
    case 'scale':
      return `${value.value} of 10`;
    case 'plan':
      return `${value.value.step} (by ${formatDate(value.value.by)})`;
  }
}
