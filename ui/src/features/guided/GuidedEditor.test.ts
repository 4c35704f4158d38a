// Guided reflection in the editor: pick a pack, answer question by question, skip, jump,
// lenses; heavy packs stop gently and contain; answers reach the core with the pack
// named; the reflection's view shows them.
import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, test } from 'vitest';
import { BUILT_IN_PACKS, LATEST_BUILT_IN, latestBuiltIn } from '../../lib/backend/fake-guided';
import { openJournal, unlockedFake } from '../../test/helpers';

const VT = latestBuiltIn('vicarious-trauma');
const BIAS = latestBuiltIn('implicit-bias');
const BURNOUT = latestBuiltIn('preventing-burnout');
const OPTIONS = LATEST_BUILT_IN.length + 1;
/** The first versions, which reflections written before the new ones still name. */
const BUILT_IN_PACKS_V1 = BUILT_IN_PACKS.filter((p) => p.version === 1);

async function startWith(packId: string) {
  const fake = unlockedFake();
  const r = await openJournal(fake);
  await r.user.click(screen.getByTestId('new-entry'));
  const select = await screen.findByTestId('pack-select');
  await waitFor(() => expect(within(select).getAllByRole('option').length).toBe(OPTIONS));
  await r.user.selectOptions(select, packId);
  await screen.findByTestId('guided-prompt');
  return r;
}

describe('guided reflection in the editor', () => {
  test('every built-in pack can be picked, and "write freely" is the default', async () => {
    const fake = unlockedFake();
    const { user } = await openJournal(fake);
    await user.click(screen.getByTestId('new-entry'));
    const select = await screen.findByTestId('pack-select');
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(OPTIONS));
    expect((select as HTMLSelectElement).value).toBe('');
    const titles = within(select).getAllByRole('option').map((o) => o.textContent);
    for (const title of [
      'After an encounter',
      'Unpacking a challenging relationship',
      'Exploring implicit bias',
      'Processing vicarious trauma',
      'Preventing burnout',
      'Quick reflection',
      'Preparing for supervision',
    ]) {
      expect(titles.some((t) => t?.startsWith(title))).toBe(true);
    }
    expect(screen.queryByTestId('guided-prompt')).not.toBeInTheDocument();
    expect(screen.getByTestId('entry-body')).toBeInTheDocument();
  });

  test('question by question with progress and help; skipping leaves no answer; the end gives no count', async () => {
    const { fake, user } = await startWith('implicit-bias');
    const n = BIAS.prompts.length;
    if (BIAS.opening) await user.click(screen.getByTestId('guided-next'));
    const first = BIAS.prompts[0];
    expect(screen.getByTestId('guided-progress')).toHaveTextContent(`Question 1 of ${n}`);
    expect(screen.getByText(first.help)).toBeInTheDocument();
    // Not a heavy pack: no "Stop and close gently".
    expect(screen.queryByTestId('guided-stop-gently')).not.toBeInTheDocument();

    if (first.answer.type === 'long_text' || first.answer.type === 'short_text') {
      await user.type(screen.getByTestId('guided-answer'), 'The room went quiet.');
    }
    await user.click(screen.getByTestId('guided-next'));
    expect(screen.getByTestId('guided-progress')).toHaveTextContent(`Question 2 of ${n}`);
    await user.click(screen.getByTestId('guided-skip'));
    expect(screen.getByTestId('guided-progress')).toHaveTextContent(`Question 3 of ${n}`);

    // Jump straight to the closing step.
    await user.click(screen.getByRole('button', { name: /^Closing step/ }));
    expect(screen.getByTestId('guided-progress')).toHaveTextContent('Closing step');
    expect(screen.getByText(BIAS.closing.text)).toBeInTheDocument();
    await user.click(screen.getByTestId('guided-next'));
    const done = await screen.findByTestId('guided-done');
    expect(done).toHaveTextContent('You reached the end');
    // No tally of what was answered.
    expect(done.textContent).not.toMatch(/\d/);
    expect(screen.queryByTestId('guided-contained')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('entry-save'));
    await waitFor(() => expect(fake.callsTo('create_entry')).toHaveLength(1));
    const saved = fake.callsTo('create_entry')[0];
    expect(saved.prompt_pack).toEqual({ id: 'implicit-bias', version: BIAS.version });
    expect(saved.answers).toEqual([
      { prompt_id: first.id, prompt: first.text, value: { type: 'text', value: 'The room went quiet.' } },
    ]);
  });

  test('a heavy pack grounds first and offers "Stop and close gently" on every step until the containment step', async () => {
    const { user } = await startWith('vicarious-trauma');
    expect(VT.opening).toBeTruthy();
    expect(screen.getByTestId('guided-progress')).toHaveTextContent('Before you begin');
    expect(screen.getByText(VT.opening!.text)).toBeInTheDocument();
    for (let i = 0; i <= VT.prompts.length; i++) {
      expect(screen.getByTestId('guided-stop-gently')).toHaveTextContent('Stop and close gently');
      if (i < VT.prompts.length) await user.click(screen.getByTestId('guided-next'));
    }
    await user.click(screen.getByTestId('guided-back'));
    await user.click(screen.getByTestId('guided-back'));
    await user.click(screen.getByTestId('guided-stop-gently'));
    expect(screen.getByTestId('guided-progress')).toHaveTextContent('Closing step');
    expect(screen.getByText(VT.closing.text)).toBeInTheDocument();
    expect(screen.queryByTestId('guided-stop-gently')).not.toBeInTheDocument();
    // Where to turn and the person's own supports are a click away here.
    const supports = screen.getByTestId('guided-supports');
    await user.click(within(supports).getByText('Where to turn, and my supports'));
    expect(within(supports).getByTestId('crisis-contacts')).toHaveTextContent(/988/);
  });

  test('after containment nothing asks for more writing: put it away saves, then locks', async () => {
    const { fake, reload, user } = await startWith('vicarious-trauma');
    await user.click(screen.getByTestId('guided-stop-gently'));
    await user.type(screen.getByTestId('guided-answer'), 'On the shelf until Thursday. A walk.');
    await user.click(screen.getByTestId('guided-next'));

    const contained = await screen.findByTestId('guided-contained');
    expect(within(contained).getByRole('heading', { name: 'Set down for now' })).toHaveFocus();
    expect(contained).toHaveTextContent(/saved and encrypted in your journal until you bring it to supervision/);
    expect(contained).toHaveTextContent(/“Put it away” also locks Attune/);
    expect(contained).toHaveTextContent(/child may not be safe.*child-protection steps today/);
    expect(screen.queryByTestId('guided-done')).not.toBeInTheDocument();
    // No steps to go back into, no lenses, and the free text folded away (it can be opened).
    expect(screen.queryByRole('navigation', { name: 'Steps in this pack' })).not.toBeInTheDocument();
    expect(screen.queryByText('Add a lens')).not.toBeInTheDocument();
    expect(screen.getByTestId('entry-body')).not.toBeVisible();
    await user.click(screen.getByTestId('entry-body-open'));
    expect(screen.getByTestId('entry-body')).toBeVisible();

    await user.click(within(contained).getByTestId('guided-put-away'));
    await waitFor(() => expect(reload).toHaveBeenCalled());
    const order = fake.names().filter((n) => n === 'create_entry' || n === 'lock');
    expect(order).toEqual(['create_entry', 'lock']);
    expect(fake.entries[0].answers.map((a) => a.prompt_id)).toEqual([VT.closing.id]);
    expect(fake.unlocked).toBe(false);
  });

  test('after containment, "Back to my journal" saves and goes back to the list', async () => {
    const { fake, user } = await startWith('critical-incident');
    await user.click(screen.getByTestId('guided-stop-gently'));
    await user.type(screen.getByTestId('guided-answer'), 'Water, then bed.');
    await user.click(screen.getByTestId('guided-next'));
    await user.click(await screen.findByTestId('guided-back-to-journal'));
    await screen.findByTestId('entry-list');
    expect(fake.callsTo('create_entry')).toHaveLength(1);
    expect(fake.unlocked).toBe(true);
  });

  test('the burnout closing links to where to turn and my supports', async () => {
    const fake = unlockedFake([], { settings: { my_supports: [{ label: 'EAP', reach: '1-800-555-0100' }] } });
    const r = await openJournal(fake);
    await r.user.click(screen.getByTestId('new-entry'));
    const select = await screen.findByTestId('pack-select');
    await waitFor(() => expect(within(select).getAllByRole('option').length).toBe(OPTIONS));
    await r.user.selectOptions(select, 'preventing-burnout');
    await r.user.click(await screen.findByRole('button', { name: /^Closing step/ }));
    const supports = screen.getByTestId('guided-supports');
    await r.user.click(within(supports).getByText('Where to turn, and my supports'));
    expect(await within(supports).findByTestId('support-list')).toHaveTextContent('EAP');
    expect(within(supports).getByTestId('support-list')).toHaveTextContent('1-800-555-0100');
    // Other packs' closings do not.
    await r.user.selectOptions(select, 'implicit-bias');
    await r.user.click(await screen.findByRole('button', { name: /^Closing step/ }));
    expect(screen.queryByTestId('guided-supports')).not.toBeInTheDocument();
  });

  test('choosing "Bring it to supervision" in a closing marks the reflection, with Undo', async () => {
    const { fake, user } = await startWith('quick-reflection');
    const flag = screen.getByTestId('entry-flag');
    expect(flag).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: /^Closing step/ }));
    await user.click(screen.getByRole('radio', { name: 'Bring it to supervision' }));
    expect(flag).toBeChecked();
    const note = screen.getByTestId('guided-flag-note');
    expect(note).toHaveTextContent('Marked to bring to supervision.');
    await user.click(within(note).getByTestId('guided-flag-undo'));
    expect(flag).not.toBeChecked();
    expect(screen.queryByTestId('guided-flag-note')).not.toBeInTheDocument();
    // The answer itself stays.
    expect(screen.getByRole('radio', { name: 'Bring it to supervision' })).toBeChecked();

    await user.click(screen.getByRole('radio', { name: 'Let it rest for now' }));
    await user.click(screen.getByRole('radio', { name: 'Bring it to supervision' }));
    expect(flag).toBeChecked();
    await user.click(screen.getByTestId('entry-save'));
    await waitFor(() => expect(fake.callsTo('create_entry')).toHaveLength(1));
    expect(fake.callsTo('create_entry')[0].bring_to_supervision).toBe(true);
  });

  test('a plan is kept once it has a step and a date', async () => {
    const { fake, user } = await startWith('preventing-burnout');
    await user.click(screen.getByRole('button', { name: /^Closing step/ }));
    await user.type(screen.getByTestId('guided-plan-step'), 'Leave on time on Friday');
    expect(screen.getByText('The plan is kept once it has a date.')).toBeInTheDocument();
    await user.type(screen.getByTestId('guided-plan-by'), '2026-03-27');
    await user.click(screen.getByTestId('entry-save'));
    await waitFor(() => expect(fake.callsTo('create_entry')).toHaveLength(1));
    expect(fake.callsTo('create_entry')[0].answers).toEqual([
      {
        prompt_id: BURNOUT.closing.id,
        prompt: BURNOUT.closing.text,
        value: { type: 'plan', value: { step: 'Leave on time on Friday', by: '2026-03-27' } },
      },
    ]);
  });

  test('changing the pack asks before answers are removed', async () => {
    const { fake, user } = await startWith('quick-reflection');
    await user.type(screen.getByTestId('guided-answer'), 'A short visit.');
    await user.selectOptions(screen.getByTestId('pack-select'), 'implicit-bias');
    expect(screen.getByRole('alertdialog')).toHaveTextContent(/removes your answer/);
    expect((screen.getByTestId('pack-select') as HTMLSelectElement).value).toBe('quick-reflection');
    await user.click(screen.getByRole('button', { name: 'Keep my answers' }));
    expect(screen.getByDisplayValue('A short visit.')).toBeInTheDocument();

    await user.selectOptions(screen.getByTestId('pack-select'), 'implicit-bias');
    await user.click(screen.getByTestId('pack-switch-confirm'));
    await waitFor(() => expect((screen.getByTestId('pack-select') as HTMLSelectElement).value).toBe('implicit-bias'));
    expect(screen.queryByDisplayValue('A short visit.')).not.toBeInTheDocument();
    await user.type(screen.getByTestId('entry-body'), 'Still thinking.');
    await user.click(screen.getByTestId('entry-save'));
    await waitFor(() => expect(fake.entries).toHaveLength(1));
    const last = fake.entries[0];
    expect(last.prompt_pack?.id).toBe('implicit-bias');
    expect(last.answers).toEqual([]);
  });

  test('a lens can be added to any reflection, with no pack at all', async () => {
    const fake = unlockedFake();
    const { user } = await openJournal(fake);
    await user.click(screen.getByTestId('new-entry'));
    await screen.findByTestId('pack-select');
    await user.click(screen.getByText('Add a lens'));
    await user.click(await screen.findByRole('button', { name: 'Holding the baby in mind' }));
    await user.type(screen.getByTestId('lens-answer'), 'She watched the door all visit.');
    await user.click(screen.getByTestId('entry-save'));
    await waitFor(() => expect(fake.callsTo('create_entry')).toHaveLength(1));
    const saved = fake.callsTo('create_entry')[0];
    expect(saved.prompt_pack).toBeNull();
    expect(saved.answers.map((a) => [a.prompt_id, a.value])).toEqual([
      ['lens:holding-the-baby', { type: 'text', value: 'She watched the door all visit.' }],
    ]);
  });

  test('removing a lens with writing in it asks first; an empty one goes at once', async () => {
    const fake = unlockedFake();
    const { user } = await openJournal(fake);
    await user.click(screen.getByTestId('new-entry'));
    await screen.findByTestId('pack-select');
    await user.click(screen.getByText('Add a lens'));
    const lens = await screen.findByRole('button', { name: 'Holding the baby in mind' });
    await user.click(lens);
    await user.click(lens);
    expect(screen.queryByTestId('lens-card')).not.toBeInTheDocument();
    expect(screen.queryByTestId('lens-remove-confirmation')).not.toBeInTheDocument();

    await user.click(lens);
    await user.type(screen.getByTestId('lens-answer'), 'She watched the door.');
    await user.click(lens);
    const ask = screen.getByTestId('lens-remove-confirmation');
    expect(ask).toHaveTextContent('Remove the lens “Holding the baby in mind” and what you wrote in it?');
    await user.click(within(ask).getByTestId('lens-remove-keep'));
    expect(screen.getByTestId('lens-answer')).toHaveValue('She watched the door.');

    await user.click(lens);
    await user.click(screen.getByTestId('lens-remove-confirm'));
    expect(screen.queryByTestId('lens-card')).not.toBeInTheDocument();
  });

  test('the entry view shows each answer under its question, and the pack it was written with', async () => {
    const fake = unlockedFake([
      {
        title: 'After the clinic',
        prompt_pack: { id: 'quick-reflection', version: 1 },
        answers: [
          { prompt_id: 'what', prompt: '', value: { type: 'text', value: 'A short visit.' } },
          { prompt_id: 'lens:parallel-process', prompt: '', value: { type: 'text', value: 'Rushed, like me.' } },
        ],
      },
    ]);
    const { user } = await openJournal(fake);
    await user.click(await screen.findByText('After the clinic'));
    const answers = await screen.findByTestId('entry-answers');
    expect(answers).toHaveTextContent('Written with “Quick reflection”');
    const quick = BUILT_IN_PACKS_V1.find((p) => p.id === 'quick-reflection')!;
    expect(answers).toHaveTextContent(quick.prompts[0].text);
    expect(answers).toHaveTextContent('A short visit.');
    expect(answers).toHaveTextContent('Rushed, like me.');
  });

  test('"Write with this pack" in Packs opens a new reflection on that pack', async () => {
    const fake = unlockedFake();
    const { user } = await openJournal(fake);
    await user.click(screen.getByTestId('nav-packs'));
    const card = (await screen.findAllByTestId('pack-card')).find((c) => c.dataset.packId === 'preparing-for-supervision')!;
    await user.click(within(card).getByTestId('pack-write'));
    const select = (await screen.findByTestId('pack-select')) as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe('preparing-for-supervision'));
    const prep = latestBuiltIn('preparing-for-supervision');
    expect(await screen.findByTestId('guided-progress')).toHaveTextContent(prep.opening ? 'Before you begin' : /^Question 1 of/);
  });
});
