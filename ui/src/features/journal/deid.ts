// The texts of an entry that the de-identification check reads, and where each sits.
import type { PromptAnswer } from '../../lib/ipc/types';

export interface ScannedText {
  /** The id of the input or textarea holding it, when it is on screen. */
  fieldId: string | null;
  /** Where it is, in words ("your reflection", "your answer to …"). */
  place: string;
  text: string;
  /** A short field (family code, tag): read as if it named someone. */
  field?: boolean;
}

function shortened(text: string, max = 48): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Title, free text, every written answer, the family code and the tags of a reflection
 * being edited: people type initials or a first name in the short fields too.
 */
export function entryTexts(
  title: string,
  body: string,
  answers: PromptAnswer[],
  familyCode = '',
  tags: string[] = [],
): ScannedText[] {
  const out: ScannedText[] = [
    { fieldId: 'entry-title', place: 'the title', text: title },
    { fieldId: 'entry-body', place: 'your reflection', text: body },
    { fieldId: 'entry-family', place: 'the family code', text: familyCode, field: true },
  ];
  for (const tag of tags) out.push({ fieldId: null, place: 'a tag', text: tag, field: true });
  for (const a of answers) {
    const text =
      a.value.type === 'text' || a.value.type === 'choice'
        ? a.value.value
        : a.value.type === 'plan'
          ? a.value.value.step
          : '';
    if (text.trim() !== '') out.push({ fieldId: null, place: `your answer to “${shortened(a.prompt)}”`, text });
  }
  return out;
}
