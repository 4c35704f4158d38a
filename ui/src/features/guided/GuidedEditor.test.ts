// Guided reflection in the editor: pick a pack, answer prompt by prompt, skip, jump,
// lenses; answers reach the core with the pack named; the entry view shows them.
import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, test } from 'vitest';
import { BUILT_IN_PACKS } from '../../lib/backend/fake-guided';
import { openJournal, unlockedFake } from '../../test/helpers';

const VT = BUILT_IN_PACKS.find((p) => p.id === 'vicarious-trauma')!;
const BURNOUT = BUILT_IN_PACKS.find((p) => p.id === 'preventing-burnout')!;

async function startWith(packId: string) {
  const fake = unlockedFake();
  const r = await openJournal(fake);
  await r.user.click(screen.getByTestId('new-entry'));
  const select = await screen.findByTestId('pack-select');
  await waitFor(() => expect(within(select).getAllByRole('option').length).toBe(8));
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
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(8));
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

  test('prompt by prompt with progress and help; skipping leaves no answer; the closing step ends it', async () => {
    const { fake, user } = await startWith('vicarious-trauma');
    const total = VT.prompts.length + 1;
    const first = VT.prompts[0];
    expect(screen.getByTestId('guided-progress')).toHaveTextContent(`Prompt 1 of ${total}`);
    expect(screen.getByText(first.help)).toBeInTheDocument();

    if (first.answer.type === 'long_text' || first.answer.type === 'short_text') {
      await user.type(screen.getByTestId('guided-answer'), 'The room went quiet.');
    }
    await user.click(screen.getByTestId('guided-next'));
    expect(screen.getByTestId('guided-progress')).toHaveTextContent(`Prompt 2 of ${total}`);
    await user.click(screen.getByTestId('guided-skip'));
    expect(screen.getByTestId('guided-progress')).toHaveTextContent(`Prompt 3 of ${total}`);

    // Jump straight to the closing step.
    await user.click(screen.getByRole('button', { name: /^Closing step/ }));
    expect(screen.getByTestId('guided-progress')).toHaveTextContent(`Closing step · ${total} of ${total}`);
    expect(screen.getByText(VT.closing.text)).toBeInTheDocument();
    await user.click(screen.getByTestId('guided-next'));
    expect(await screen.findByTestId('guided-done')).toHaveTextContent(`You answered 1 of ${total}`);

    await user.click(screen.getByTestId('entry-save'));
    await waitFor(() => expect(fake.callsTo('create_entry')).toHaveLength(1));
    const saved = fake.callsTo('create_entry')[0];
    expect(saved.prompt_pack).toEqual({ id: 'vicarious-trauma', version: VT.version });
    expect(saved.answers).toEqual([
      { prompt_id: first.id, prompt: first.text, value: { type: 'text', value: 'The room went quiet.' } },
    ]);
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
    const quick = BUILT_IN_PACKS.find((p) => p.id === 'quick-reflection')!;
    expect(answers).toHaveTextContent(quick.prompts[0].text);
    expect(answers).toHaveTextContent('A short visit.');
    expect(answers).toHaveTextContent('Rushed, like me.');
  });

  test('"Write with this pack" in Prompt packs opens a new reflection on that pack', async () => {
    const fake = unlockedFake();
    const { user } = await openJournal(fake);
    await user.click(screen.getByTestId('nav-packs'));
    const card = (await screen.findAllByTestId('pack-card')).find((c) => c.dataset.packId === 'preparing-for-supervision')!;
    await user.click(within(card).getByTestId('pack-write'));
    const select = (await screen.findByTestId('pack-select')) as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe('preparing-for-supervision'));
    expect(await screen.findByTestId('guided-progress')).toHaveTextContent(/^Prompt 1 of/);
  });
});
