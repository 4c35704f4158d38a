// Dev-only entry (preview.html): the app against the in-memory fake, with sample
// entries, so each screen can be looked at without the desktop shell.
//
//   ?state=first-run | locked | unlocked | empty   where to start (default unlocked)
//   &theme=light | dark                            the saved theme setting
//   &privacy                                       privacy mode on
//   &kept                                          a draft kept at the last lock
//   &slow=ms                                       how long key derivation takes
//   &checkins=one | heavy | mixed                  seed wellbeing check-ins (one on
//                                                  Nov 30, 2026; a heavy stretch; a mix)
//   &supports                                      a few of "My supports", and a crisis line
//   &supervisor                                    a confirmed supervisor to share with
//   &copy=pack-id                                  my own copy of that pack, its closing
//                                                  step's help shortened
//   &seen                                          "Before you write" and the sharing limits
//                                                  already shown
//   &do=step;step;…                                steps run after start, e.g.
//        click:new-entry  text:Get started  type:entry-body:Some words
//        select:filter-kind:private  key:ctrl+l  wait:500
//        scroll:test-id (shift the page so it is at the top)  open:test-id (a <details>)
//        pick:test-id:value (a radio inside it)
import { mount } from 'svelte';
import App from './App.svelte';
import { FakeBackend, type SeedEntry } from './lib/backend/fake';
import type { Theme } from './lib/ipc/types';
import './app.css';

const PASSPHRASE = 'quiet river morning tea';
const params = new URLSearchParams(location.search);
const state = params.get('state') ?? 'unlocked';

function day(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() - offset);
  return d.toISOString().slice(0, 10);
}

const SAMPLE: SeedEntry[] = [
  {
    title: 'The baby turned away',
    encounter_date: day(0),
    kind: 'encounter',
    setting: 'home_visit',
    family_code: 'FAM-7',
    tags: ['sleep', 'feeding'],
    carrying: 7,
    bring_to_supervision: true,
    body: 'Mom was so tired she could hardly keep her eyes open. Every time I spoke to her the baby turned away and fussed, and I caught myself talking faster to fill the silence. I want to think about what the baby might have been telling us, and why I rushed.',
  },
  {
    title: 'Clinic follow-up',
    encounter_date: day(1),
    kind: 'encounter',
    setting: 'clinic',
    family_code: 'FAM-2',
    tags: ['growth'],
    carrying: 3,
    body: 'Dad came alone this time and was more open than before. He asked good questions about weaning. I noticed how much calmer I felt when the visit was not rushed.',
  },
  {
    title: null,
    encounter_date: day(2),
    kind: 'private',
    tags: ['self-care'],
    carrying: 6,
    body: 'A heavy week. Three visits in a row where the home felt unsafe. Writing it down so I can set it aside until Thursday.',
  },
  {
    title: 'Telehealth with grandmother',
    encounter_date: day(4),
    kind: 'encounter',
    setting: 'telehealth',
    family_code: 'FAM-11',
    tags: ['grandparents', 'sleep'],
    bring_to_supervision: true,
    body: 'Grandma held the baby in front of the camera the whole time. I kept wanting to see the baby’s face. What was I assuming about her role, and what else could be true?',
  },
  {
    title: 'Group at the family centre',
    encounter_date: day(6),
    kind: 'encounter',
    setting: 'community',
    family_code: 'GRP-3',
    tags: ['group'],
    carrying: 2,
    body: 'A lovely morning. Two of the parents started supporting each other without me.',
  },
];

const theme = (params.get('theme') ?? 'system') as Theme;
const seen = params.has('seen');
const supports = params.has('supports')
  ? {
      my_supports: [
        { label: 'My supervisor, Dana', reach: 'Tuesdays at 10, or text 555-0142' },
        { label: 'EAP', reach: '1-800-555-0100, any time' },
        { label: 'Sam (a friend)', reach: '' },
      ],
      crisis_line: 'Call or text 988',
    }
  : {};
const unlocked = state === 'unlocked' || state === 'empty';
const fake = new FakeBackend({
  passphrase: state === 'first-run' ? undefined : PASSPHRASE,
  unlocked,
  entries: state === 'empty' || state === 'first-run' ? [] : SAMPLE,
  settings: { theme, privacy_mode: params.has('privacy'), seen_before_you_write: seen, seen_share_limits: seen, ...supports },
  slowMs: Number(params.get('slow') ?? 900),
  keptDraft: params.has('kept')
    ? {
        entry_id: null,
        saved_at: new Date().toISOString(),
        fields: {
          encounter_date: day(0),
          kind: 'encounter',
          setting: 'home_visit',
          family_code: 'FAM-7',
          title: 'Before I forget',
          prompt_pack: null,
          answers: [],
          body: 'The moment the baby reached for her mum and she did not notice. I',
          tags: ['attachment'],
          carrying: 5,
          bring_to_supervision: false,
          not_names: [],
        },
      }
    : null,
});

/** Check-ins to start with: answers as strain (0 light, 10 heavy) on every question. */
function checkinAt(id: number, at: Date, s: number) {
  return {
    id: id.toString(16).padStart(32, 'c'),
    taken_at: at.toISOString(),
    item_set_version: 1,
    answers: [
      { item_id: 'energy', value: 10 - s },
      { item_id: 'exhaustion', value: s },
      { item_id: 'intrusive', value: Math.max(0, s - 1) },
      { item_id: 'support', value: Math.min(10, 11 - s) },
      { item_id: 'sleep', value: 10 - s },
    ],
    note: null,
  };
}
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
const seeded = params.get('checkins');
if (seeded === 'one') fake.guided.checkins.push(checkinAt(1, new Date('2026-11-30T09:00:00Z'), 5));
if (seeded === 'heavy') [27, 20, 13, 6, 1].forEach((d, i) => fake.guided.checkins.push(checkinAt(i + 1, daysAgo(d), 7 + (i % 2))));
if (seeded === 'mixed') [60, 45, 33, 20, 12, 5].forEach((d, i) => fake.guided.checkins.push(checkinAt(i + 1, daysAgo(d), [3, 5, 6, 4, 7, 5][i])));

const copyOf = params.get('copy');
if (copyOf) {
  const copy = fake.guided.duplicatePack({ id: copyOf, version: null });
  fake.guided.savePack({ ...copy, closing: { ...copy.closing, help: 'Breathe, then rest.' } });
}
if (params.has('supervisor')) fake.exchange.addContact('Dr. Rivera', 'my_supervisor');

const target = document.getElementById('app');
if (target) mount(App, { target, props: { backend: fake, reload: () => location.reload() } });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function byTestId(id: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`preview: no [data-testid="${id}"]`);
  return el;
}

async function run(step: string) {
  const [verb, arg = '', ...rest] = step.split(':');
  const value = rest.join(':');
  switch (verb) {
    case 'wait':
      await sleep(Number(arg));
      return;
    case 'click':
      byTestId(arg).click();
      break;
    case 'text': {
      const el = [...document.querySelectorAll<HTMLElement>('button, a')].find((b) => b.textContent?.trim() === arg);
      el?.click();
      break;
    }
    case 'type': {
      const el = byTestId(arg) as HTMLInputElement;
      el.focus();
      el.value = value === 'KEY' ? (fake.recoveryKey ?? '') : value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      break;
    }
    case 'select': {
      const el = byTestId(arg) as HTMLSelectElement;
      el.value = value;
      el.dispatchEvent(new Event('change', { bubbles: true }));
      break;
    }
    case 'key': {
      const key = arg.split('+').pop() ?? '';
      window.dispatchEvent(new KeyboardEvent('keydown', { key, ctrlKey: arg.includes('ctrl') }));
      break;
    }
    case 'focus':
      byTestId(arg).focus();
      break;
    case 'scroll': {
      // Shift the page up (headless screenshots of a scrolled window come out blank).
      const page = document.getElementById('app');
      if (page) {
        window.scrollTo(0, 0);
        page.style.transform = '';
        const top = byTestId(arg).getBoundingClientRect().top - 16;
        page.style.transform = `translateY(${-top}px)`;
      }
      break;
    }
    case 'pick':
      byTestId(arg).querySelector<HTMLInputElement>(`input[value="${value}"]`)?.click();
      break;
    case 'open':
      (byTestId(arg) as HTMLDetailsElement).open = true;
      break;
    case 'blur':
      (document.activeElement as HTMLElement | null)?.blur();
      break;
    default:
      throw new Error(`preview: unknown step ${verb}`);
  }
  await sleep(120);
}

const steps = params.get('do');
if (steps) {
  void (async () => {
    await sleep(300);
    for (const step of steps.split(';')) await run(step);
  })();
}
