import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, test, vi } from 'vitest';
import { AttuneError } from '../../lib/backend';
import { LATEST_BUILT_IN, LENSES, latestBuiltIn } from '../../lib/backend/fake-guided';
import { ELEMENT_LABELS, TASK_LABELS } from './rsc-labels';
import { alertText, unlockedFake } from '../../test/helpers';
import { renderScreen } from '../../test/render-screen';
import Packs from './Packs.svelte';

async function openPacks(fake = unlockedFake()) {
  const onwrite = vi.fn();
  const r = renderScreen(fake, Packs, { onwrite });
  await screen.findByRole('heading', { name: 'Packs' });
  await waitFor(() => expect(screen.queryAllByTestId('pack-card').length).toBeGreaterThan(0));
  return { ...r, onwrite };
}

function cardFor(title: string): HTMLElement {
  const card = screen.getAllByTestId('pack-card').find((c) => within(c).queryByRole('heading', { name: title }));
  if (!card) throw new Error(`no card titled ${title}`);
  return card;
}

const builtIn = latestBuiltIn;

describe('pack library', () => {
  test('lists every built-in pack from the content files, and no packs of my own yet', async () => {
    const { fake } = await openPacks();
    const builtIns = within(screen.getByTestId('pack-list-built-in')).getAllByTestId('pack-card');
    expect(builtIns).toHaveLength(LATEST_BUILT_IN.length);
    const shown = builtIns.map((c) => within(c).getByRole('heading').textContent?.trim());
    expect(shown.sort()).toEqual(LATEST_BUILT_IN.map((p) => p.title).sort());
    expect(shown).toContain('Processing vicarious trauma');
    expect(shown).toContain('Quick reflection');

    const burnout = builtIn('preventing-burnout');
    const card = cardFor(burnout.title);
    expect(card).toHaveTextContent(burnout.purpose);
    expect(card).toHaveTextContent(burnout.when_to_use);
    expect(card).toHaveTextContent(`About ${burnout.minutes} minutes`);
    expect(card).toHaveTextContent(`${burnout.prompts.length} questions and a closing step`);
    expect(within(card).queryByTestId('pack-heavy-note')).not.toBeInTheDocument();
    // Heavy packs say on the card that they can be stopped gently.
    for (const id of ['vicarious-trauma', 'critical-incident']) {
      expect(within(cardFor(builtIn(id).title)).getByTestId('pack-heavy-note')).toHaveTextContent(
        'You can stop at any question and close gently.',
      );
    }
    expect(within(card).getByTestId('pack-theme')).toHaveTextContent('Preventing burnout');
    expect(within(card).getByTestId('pack-duplicate')).toHaveTextContent('Make my own copy');
    expect(within(card).queryByTestId('pack-edit')).not.toBeInTheDocument();

    expect(screen.getByTestId('pack-list-mine-empty')).toBeInTheDocument();
    expect(screen.getByText(/Reflective Interaction Observation Scale \(RIOS\), Watson and colleagues/)).toBeInTheDocument();
    expect(fake.callsTo('list_packs')).toEqual([null]);
  });

  test('"Write with this pack" hands the pack id to the journal', async () => {
    const { user, onwrite } = await openPacks();
    await user.click(within(cardFor('Quick reflection')).getByTestId('pack-write'));
    expect(onwrite).toHaveBeenCalledTimes(1);
    expect(onwrite).toHaveBeenCalledWith('quick-reflection');
  });

  test('Look inside shows the opening, every question in order with its element and task, the closing step, and the lenses', async () => {
    const { fake, user, onwrite } = await openPacks();
    const pack = builtIn('vicarious-trauma');
    await user.click(within(cardFor(pack.title)).getByTestId('pack-open'));

    const detail = await screen.findByTestId('pack-detail');
    expect(fake.callsTo('get_pack')).toEqual([{ id: 'vicarious-trauma', version: null }]);
    expect(within(detail).getByRole('heading', { level: 1, name: pack.title })).toHaveFocus();

    const all = within(detail).getAllByTestId('pack-step');
    // The grounding step comes first.
    expect(all).toHaveLength(pack.prompts.length + 1);
    expect(all[0]).toHaveTextContent('Before you begin');
    expect(within(all[0]).getByRole('heading')).toHaveTextContent(pack.opening!.text);
    const steps = all.slice(1);
    expect(steps[0]).toHaveTextContent('Question 1');
    steps.forEach((step, i) => {
      const prompt = pack.prompts[i];
      expect(within(step).getByRole('heading')).toHaveTextContent(prompt.text);
      expect(step).toHaveTextContent(prompt.help);
      expect(within(step).getByTestId('pack-element-chip')).toHaveTextContent(ELEMENT_LABELS[prompt.element]);
      expect(within(step).getByTestId('pack-task-chip')).toHaveTextContent(TASK_LABELS[prompt.task]);
    });
    expect(within(steps[0]).getByTestId('pack-element-chip')).toHaveTextContent('Professional use of self');
    expect(within(steps[0]).getByTestId('pack-task-chip')).toHaveTextContent('Describing');

    const closing = within(detail).getByTestId('pack-closing-step');
    expect(closing).toHaveTextContent('Closing step');
    expect(closing).toHaveTextContent(pack.closing.text);

    const lensSection = within(detail).getByRole('region', { name: 'Lenses you can add to any reflection' });
    const lenses = within(lensSection).getAllByTestId('pack-lens');
    expect(lenses).toHaveLength(LENSES.length);
    expect(lenses[0]).toHaveTextContent(LENSES[0].principle);
    expect(lenses[0]).toHaveTextContent(LENSES[0].text);

    await user.click(within(detail).getByTestId('pack-write'));
    expect(onwrite).toHaveBeenCalledWith('vicarious-trauma');

    // Back to the list, with focus on the button that opened the pack.
    await user.click(screen.getByTestId('pack-back'));
    await waitFor(() => expect(within(cardFor(pack.title)).getByTestId('pack-open')).toHaveFocus());
  });

  test('Look inside shows examples and the words of a scale', async () => {
    const { user } = await openPacks();
    const pack = builtIn('preventing-burnout');
    await user.click(within(cardFor(pack.title)).getByTestId('pack-open'));
    const detail = await screen.findByTestId('pack-detail');
    const scaleAt = pack.prompts.findIndex((p) => p.answer.type === 'scale');
    const scale = pack.prompts[scaleAt].answer;
    if (scale.type !== 'scale') throw new Error('unreachable');
    const step = within(detail).getAllByTestId('pack-step')[scaleAt];
    expect(within(step).getByTestId('pack-answer-type')).toHaveTextContent(
      `Answer: 0 to 10 scale, from “${scale.low_label}” to “${scale.high_label}”`,
    );
    expect(within(within(detail).getByTestId('pack-closing-step')).getByTestId('pack-answer-type')).toHaveTextContent(
      'Answer: Plan (a step and a date)',
    );
    const withExamples = [...pack.prompts, pack.closing].find((p) => p.examples.length > 0);
    if (withExamples) expect(detail).toHaveTextContent(withExamples.examples[0]);
  });

  test('Make my own copy opens the editor on the new copy; leaving keeps it under My packs with Edit', async () => {
    const { fake, user } = await openPacks();
    await user.click(within(cardFor('After an encounter')).getByTestId('pack-duplicate'));

    const editor = await screen.findByTestId('pack-editor');
    expect(fake.callsTo('duplicate_pack')).toEqual([{ id: 'after-encounter', version: builtIn('after-encounter').version }]);
    expect(within(editor).getByTestId('pack-title')).toHaveValue('After an encounter (my copy)');
    expect(within(editor).getAllByTestId('pack-prompt')).toHaveLength(builtIn('after-encounter').prompts.length);

    await user.click(within(editor).getByTestId('pack-cancel'));
    const mine = await screen.findByTestId('pack-list-mine');
    const copy = within(mine).getByTestId('pack-card');
    expect(copy).toHaveTextContent('After an encounter (my copy)');
    expect(within(copy).getByTestId('pack-edit')).toBeInTheDocument();
    expect(within(copy).queryByTestId('pack-duplicate')).not.toBeInTheDocument();
    expect(fake.callsTo('save_pack')).toHaveLength(0);
  });

  test('Edit on my pack, then Save: the list shows the new title and says it is saved', async () => {
    const fake = unlockedFake();
    const copy = fake.guided.duplicatePack({ id: 'quick-reflection', version: null });
    const { user } = await openPacks(fake);

    await user.click(within(cardFor(copy.title)).getByTestId('pack-edit'));
    const title = await screen.findByTestId('pack-title');
    // The pack, and the one it was copied from (to compare containment steps with).
    await waitFor(() =>
      expect(fake.callsTo('get_pack')).toEqual([
        { id: copy.id, version: null },
        { id: 'quick-reflection', version: builtIn('quick-reflection').version },
      ]),
    );
    await user.clear(title);
    await user.type(title, 'My Friday check');
    await user.click(screen.getByTestId('pack-save'));

    await waitFor(() => expect(screen.getByText('Saved “My Friday check”.')).toBeInTheDocument());
    expect(within(screen.getByTestId('pack-list-mine')).getByRole('heading', { name: 'My Friday check' })).toBeInTheDocument();
    await waitFor(() => expect(within(cardFor('My Friday check')).getByTestId('pack-edit')).toHaveFocus());
  });

  test('deleting my pack from the editor takes it off the list', async () => {
    const fake = unlockedFake();
    const copy = fake.guided.duplicatePack({ id: 'implicit-bias', version: null });
    const { user } = await openPacks(fake);

    await user.click(within(cardFor(copy.title)).getByTestId('pack-edit'));
    await user.click(await screen.findByTestId('pack-delete'));
    await user.click(screen.getByTestId('pack-delete-confirm'));

    await waitFor(() => expect(screen.getByText('The pack is deleted.')).toBeInTheDocument());
    expect(screen.getByTestId('pack-list-mine-empty')).toBeInTheDocument();
    expect(fake.callsTo('delete_pack')).toEqual([{ id: copy.id, version: null }]);
  });

  test('a refused copy shows the core message and stays on the list', async () => {
    const { fake, user } = await openPacks();
    fake.failNext('duplicate_pack', new AttuneError('write_failed', 'Attune could not save just now. Please try again.'));
    await user.click(within(cardFor('Preparing for supervision')).getByTestId('pack-duplicate'));
    await waitFor(() => expect(alertText()).toBe('Attune could not save just now. Please try again.'));
    expect(screen.queryByTestId('pack-editor')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('pack-card')).toHaveLength(LATEST_BUILT_IN.length);
  });
});
