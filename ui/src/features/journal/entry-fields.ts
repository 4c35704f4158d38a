// What the editor holds, and how it maps to the core's NewEntry and EntryChange.
import type { Entry, EntryChange, EntryKind, NewEntry, PackRef, PromptAnswer, Setting } from '../../lib/ipc/types';
import { addTags } from './tags';

/** The editor's fields: plain strings where the form has text boxes. */
export interface EditorFields {
  kind: EntryKind;
  encounter_date: string;
  setting: Setting | null;
  family_code: string;
  title: string;
  body: string;
  tags: string[];
  carrying: number | null;
  bring_to_supervision: boolean;
  /** Words marked "not a name here" in this reflection. */
  not_names: string[];
  /** Guided prompts arrive later; answers already stored are carried through untouched. */
  prompt_pack: PackRef | null;
  answers: PromptAnswer[];
}

export function blankFields(today: string): EditorFields {
  return {
    kind: 'encounter',
    encounter_date: today,
    setting: null,
    family_code: '',
    title: '',
    body: '',
    tags: [],
    carrying: null,
    bring_to_supervision: false,
    not_names: [],
    prompt_pack: null,
    answers: [],
  };
}

export function fieldsFromEntry(e: Entry): EditorFields {
  return {
    kind: e.kind,
    encounter_date: e.encounter_date,
    setting: e.setting,
    family_code: e.family_code ?? '',
    title: e.title ?? '',
    body: e.body,
    tags: [...e.tags],
    carrying: e.carrying,
    bring_to_supervision: e.bring_to_supervision,
    not_names: [...e.not_names],
    prompt_pack: e.prompt_pack,
    answers: e.answers.map((a) => ({ ...a })),
  };
}

export function fieldsFromDraft(n: NewEntry, today: string): EditorFields {
  return {
    kind: n.kind ?? 'encounter',
    encounter_date: n.encounter_date ?? today,
    setting: n.setting,
    family_code: n.family_code ?? '',
    title: n.title ?? '',
    body: n.body,
    tags: [...n.tags],
    carrying: n.carrying,
    bring_to_supervision: n.bring_to_supervision,
    not_names: [...n.not_names],
    prompt_pack: n.prompt_pack,
    answers: n.answers.map((a) => ({ ...a })),
  };
}

function orNull(text: string): string | null {
  const t = text.trim();
  return t === '' ? null : t;
}

/** The fields as the core takes them; a tag still being typed counts as a tag. */
export function toNewEntry(f: EditorFields, pendingTag = ''): NewEntry {
  return {
    encounter_date: f.encounter_date === '' ? null : f.encounter_date,
    kind: f.kind,
    setting: f.setting,
    family_code: orNull(f.family_code),
    title: orNull(f.title),
    prompt_pack: f.prompt_pack,
    answers: f.answers.map((a) => ({ ...a })),
    body: f.body,
    tags: addTags(f.tags, [pendingTag]),
    carrying: f.carrying,
    bring_to_supervision: f.bring_to_supervision,
    not_names: [...f.not_names],
  };
}

/** The editor always holds the whole entry, so a change names every field. */
export function toChange(n: NewEntry): EntryChange {
  return {
    encounter_date: n.encounter_date,
    kind: n.kind,
    setting: n.setting,
    family_code: n.family_code,
    title: n.title,
    prompt_pack: n.prompt_pack,
    answers: n.answers,
    body: n.body,
    tags: n.tags,
    carrying: n.carrying,
    bring_to_supervision: n.bring_to_supervision,
    not_names: n.not_names,
  };
}

/** Nothing written yet: no reason to create an entry. */
export function isBlank(n: NewEntry): boolean {
  return (
    n.body.trim() === '' &&
    n.title === null &&
    n.family_code === null &&
    n.tags.length === 0 &&
    n.carrying === null &&
    !n.bring_to_supervision &&
    n.answers.length === 0
  );
}
