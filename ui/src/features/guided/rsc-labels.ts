// What a person sees for the reflective-supervision tags a prompt carries. The element
// and task names come from the Reflective Interaction Observation Scale (RIOS), Watson
// and colleagues; they match the core's `label()`s so every screen says the same thing.
import type { AnswerType, CollaborativeTask, RiosElement, RscTheme } from '../../lib/ipc/types';

export const ELEMENT_LABELS: Record<RiosElement, string> = {
  family_story: 'Understanding the family story',
  holding_the_baby: 'Holding the baby in mind',
  use_of_self: 'Professional use of self',
  parallel_process: 'Parallel process',
  reflective_alliance: 'Reflective alliance',
};

/** In the framework's order. */
export const ELEMENTS = Object.keys(ELEMENT_LABELS) as RiosElement[];

export const TASK_LABELS: Record<CollaborativeTask, string> = {
  describing: 'Describing',
  responding: 'Responding',
  exploring: 'Exploring',
  linking: 'Linking',
  integrating: 'Integrating',
};

/** In the order a reflection roughly moves through them. */
export const TASKS = Object.keys(TASK_LABELS) as CollaborativeTask[];

/** The RS/C themes of the built-in packs (not the light/dark theme of Settings). */
export const THEME_LABELS: Record<RscTheme, string> = {
  challenging_relationships: 'Unpacking challenging relationships',
  implicit_bias: 'Exploring implicit bias',
  vicarious_trauma: 'Processing vicarious trauma',
  burnout: 'Preventing burnout',
  reflective_process: 'Facilitated reflective process',
  critical_incident: 'After a critical incident',
};

export type AnswerKind = AnswerType['type'];

export const ANSWER_TYPE_LABELS: Record<AnswerKind, string> = {
  long_text: 'Long text',
  short_text: 'Short text',
  scale: '0 to 10 scale',
  choice: 'Choice',
  plan: 'Plan (a step and a date)',
};

export const ANSWER_KINDS = Object.keys(ANSWER_TYPE_LABELS) as AnswerKind[];

/**
 * The pack that stands for each theme where several packs share it (Insights offers it).
 * A theme whose pack is missing falls back to any built-in pack of that theme.
 */
export const THEME_PACK: Record<RscTheme, string> = {
  challenging_relationships: 'challenging-relationship',
  implicit_bias: 'implicit-bias',
  vicarious_trauma: 'vicarious-trauma',
  burnout: 'preventing-burnout',
  reflective_process: 'after-encounter',
  critical_incident: 'critical-incident',
};
