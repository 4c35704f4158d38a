// Answers to guided prompts as the editor keeps them: one PromptAnswer per answered
// prompt, none for an empty one, in the order the pack asks them (lenses last).
import type { AnswerValue, Lens, Prompt, PromptAnswer, PromptPack } from '../../lib/ipc/types';

/** The prompts of a pack in order, the closing step last. */
export function steps(pack: PromptPack): Prompt[] {
  return [...pack.prompts, pack.closing];
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
