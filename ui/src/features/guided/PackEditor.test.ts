import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, test, vi } from 'vitest';
import { AttuneError } from '../../lib/backend';
import type { FakeBackend } from '../../lib/backend/fake';
import type { PromptPack } from '../../lib/ipc/types';
import { alertText, unlockedFake } from '../../test/helpers';
import { renderScreen } from '../../test/render-screen';
import PackEditor from './PackEditor.svelte';

/** The editor on a fresh custom copy of a built-in pack (made directly in the fake). */
async function openEditor(from = 'after-encounter', fake: FakeBackend = unlockedFake()) {
  const pack = fake.guided.duplicatePack({ id: from, version: null });
  const onsaved = vi.fn();
  const oncancel = vi.fn();
  const ondeleted = vi.fn();
  const r = renderScreen(fake, PackEditor, { pack, onsaved, oncancel, ondeleted });
  await screen.findByRole('heading', { name: 'Edit your pack' });
  return { ...r, pack, onsaved, oncancel, ondeleted };
}

const prompts = () => screen.getAllByTestId('pack-prompt');
const promptIds = () => prompts().map((p) => p.dataset.promptId);
const lastSaved = (fake: FakeBackend): PromptPack => {
  const calls = fake.callsTo('save_pack');
  return calls[calls.length - 1];
};

describe('custom pack editor', () => {
  test('editing a prompt and saving sends the whole pack with that change', async () => {
    const { fake, user, pack, onsaved } = await openEditor();
    const second = within(prompts()[1]).getByTestId('pack-prompt-text');
    expect(second).toHaveValue(pack.prompts[1].text);
    await user.clear(second);
    await user.type(second, '  Who was in the room with the baby?  ');
    await user.click(screen.getByTestId('pack-save'));

    await waitFor(() => expect(onsaved).toHaveBeenCalledTimes(1));
    const expected: PromptPack = structuredClone(pack);
    expected.prompts[1].text = 'Who was in the room with the baby?';
    expect(fake.callsTo('save_pack')).toEqual([expected]);
    expect(onsaved.mock.calls[0][0]).toMatchObject({ id: pack.id, version: 2 });
    expect(alertText()).toBe('');
  });

  test('title, purpose, when to use and minutes travel trimmed', async () => {
    const { fake, user, pack } = await openEditor();
    await user.clear(screen.getByTestId('pack-title'));
    await user.type(screen.getByTestId('pack-title'), 'Evening wind-down ');
    await user.clear(screen.getByTestId('pack-purpose'));
    await user.type(screen.getByTestId('pack-purpose'), 'To set the day down.');
    await user.clear(screen.getByTestId('pack-when'));
    await user.type(screen.getByTestId('pack-when'), 'After the last visit.');
    await user.clear(screen.getByTestId('pack-minutes'));
    await user.type(screen.getByTestId('pack-minutes'), '5');
    await user.click(screen.getByTestId('pack-save'));

    await waitFor(() => expect(fake.callsTo('save_pack')).toHaveLength(1));
    expect(lastSaved(fake)).toEqual({
      ...pack,
      title: 'Evening wind-down',
      purpose: 'To set the day down.',
      when_to_use: 'After the last visit.',
      minutes: 5,
    });
  });

  test('moving and removing prompts changes their order in the request', async () => {
    const { fake, user, pack } = await openEditor();
    const ids = pack.prompts.map((p) => p.id);
    expect(promptIds()).toEqual(ids);

    await user.click(within(prompts()[0]).getByTestId('pack-prompt-down'));
    await user.click(within(prompts()[3]).getByTestId('pack-prompt-up'));
    await user.click(within(prompts()[ids.length - 1]).getByTestId('pack-prompt-remove'));

    const expected = [ids[1], ids[0], ids[3], ids[2], ...ids.slice(4, -1)];
    expect(promptIds()).toEqual(expected);
    await user.click(screen.getByTestId('pack-save'));
    await waitFor(() => expect(fake.callsTo('save_pack')).toHaveLength(1));
    expect(lastSaved(fake).prompts.map((p) => p.id)).toEqual(expected);
    expect(lastSaved(fake).prompts[0]).toEqual(pack.prompts[1]);
    expect(lastSaved(fake).closing).toEqual(pack.closing);
  });

  test('the first prompt cannot move up, the last cannot move down, and the last one left cannot be removed', async () => {
    const { user } = await openEditor('quick-reflection');
    expect(within(prompts()[0]).getByTestId('pack-prompt-up')).toBeDisabled();
    expect(within(prompts()[prompts().length - 1]).getByTestId('pack-prompt-down')).toBeDisabled();
    while (prompts().length > 1) {
      await user.click(within(prompts()[0]).getByTestId('pack-prompt-remove'));
    }
    expect(within(prompts()[0]).getByTestId('pack-prompt-remove')).toBeDisabled();
    // The closing step is edited the same way but has no move or remove controls.
    const closing = screen.getByTestId('pack-closing');
    expect(within(closing).getByTestId('pack-prompt-text')).toBeInTheDocument();
    expect(within(closing).queryByTestId('pack-prompt-remove')).not.toBeInTheDocument();
    expect(within(closing).queryByTestId('pack-prompt-up')).not.toBeInTheDocument();
  });

  test('Add a prompt makes a new one with a fresh id; its answer fields and lists travel as the format wants', async () => {
    const { fake, user, pack } = await openEditor('quick-reflection');
    await user.click(screen.getByTestId('pack-add-prompt'));
    await user.click(screen.getByTestId('pack-add-prompt'));
    expect(promptIds().slice(-2)).toEqual(['q-1', 'q-2']);

    const [scale, choice] = prompts().slice(-2);
    // The new prompt's question has focus, ready to type.
    expect(within(choice).getByTestId('pack-prompt-text')).toHaveFocus();

    await user.type(within(scale).getByTestId('pack-prompt-text'), 'How settled do I feel now?');
    await user.type(within(scale).getByTestId('pack-prompt-help'), 'Any number is fine.');
    await user.type(within(scale).getByTestId('pack-prompt-examples'), 'A bit calmer\n\n  Still buzzing  ');
    await user.selectOptions(within(scale).getByTestId('pack-prompt-element'), 'use_of_self');
    await user.selectOptions(within(scale).getByTestId('pack-prompt-task'), 'responding');
    await user.selectOptions(within(scale).getByTestId('pack-prompt-answer'), 'scale');
    await user.type(within(scale).getByTestId('pack-prompt-low'), 'Not at all');
    await user.type(within(scale).getByTestId('pack-prompt-high'), 'Very settled');

    await user.type(within(choice).getByTestId('pack-prompt-text'), 'What will I do next?');
    await user.type(within(choice).getByTestId('pack-prompt-help'), 'Pick one.');
    await user.selectOptions(within(choice).getByTestId('pack-prompt-task'), 'linking');
    await user.selectOptions(within(choice).getByTestId('pack-prompt-answer'), 'choice');
    await user.type(within(choice).getByTestId('pack-prompt-options'), 'Rest\nTalk to someone\n');

    await user.click(screen.getByTestId('pack-save'));
    await waitFor(() => expect(fake.callsTo('save_pack')).toHaveLength(1));
    const sent = lastSaved(fake);
    expect(sent.prompts).toHaveLength(pack.prompts.length + 2);
    expect(sent.prompts.slice(-2)).toEqual([
      {
        id: 'q-1',
        text: 'How settled do I feel now?',
        help: 'Any number is fine.',
        examples: ['A bit calmer', 'Still buzzing'],
        element: 'use_of_self',
        task: 'responding',
        answer: { type: 'scale', low_label: 'Not at all', high_label: 'Very settled' },
      },
      {
        id: 'q-2',
        text: 'What will I do next?',
        help: 'Pick one.',
        examples: [],
        element: 'use_of_self',
        task: 'linking',
        answer: { type: 'choice', options: ['Rest', 'Talk to someone'] },
      },
    ]);
  });

  test('a refused save shows the core message and keeps every edit; the next save sends them again', async () => {
    const { fake, user, onsaved } = await openEditor();
    const message = 'Prompt 2 steps back more than one task; a reflection moves from describing towards integrating.';
    fake.failNext('save_pack', new AttuneError('invalid_input', message));

    await user.selectOptions(within(prompts()[1]).getByTestId('pack-prompt-task'), 'integrating');
    const text = within(prompts()[0]).getByTestId('pack-prompt-text');
    await user.clear(text);
    await user.type(text, 'What happened, in a few lines?');
    await user.click(screen.getByTestId('pack-save'));

    await waitFor(() => expect(screen.getByTestId('pack-editor-error')).toHaveTextContent(message));
    expect(onsaved).not.toHaveBeenCalled();
    expect(text).toHaveValue('What happened, in a few lines?');
    expect(within(prompts()[1]).getByTestId('pack-prompt-task')).toHaveValue('integrating');
    expect(screen.getByTestId('pack-save')).toHaveTextContent('Save');

    await user.click(screen.getByTestId('pack-save'));
    await waitFor(() => expect(onsaved).toHaveBeenCalledTimes(1));
    const [first, second] = fake.callsTo('save_pack');
    expect(second).toEqual(first);
    expect(second.prompts[0].text).toBe('What happened, in a few lines?');
    expect(second.prompts[1].task).toBe('integrating');
    expect(alertText()).toBe('');
  });

  test('minutes that are not a whole number are caught before anything is sent', async () => {
    const { fake, user } = await openEditor();
    await user.clear(screen.getByTestId('pack-minutes'));
    await user.click(screen.getByTestId('pack-save'));
    expect(alertText()).toMatch(/whole number/);
    expect(fake.callsTo('save_pack')).toHaveLength(0);
  });

  test('Delete asks first; Keep it calls nothing; confirming calls delete_pack', async () => {
    const { fake, user, pack, ondeleted } = await openEditor();
    await user.click(screen.getByTestId('pack-delete'));
    const confirmation = screen.getByTestId('pack-delete-confirmation');
    expect(confirmation).toHaveTextContent(`Delete “${pack.title}” for good?`);
    expect(fake.callsTo('delete_pack')).toHaveLength(0);
    await waitFor(() => expect(screen.getByTestId('pack-delete-keep')).toHaveFocus());

    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('pack-delete-confirmation')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('pack-delete')).toHaveFocus());
    expect(fake.callsTo('delete_pack')).toHaveLength(0);

    await user.click(screen.getByTestId('pack-delete'));
    await user.click(screen.getByTestId('pack-delete-confirm'));
    await waitFor(() => expect(ondeleted).toHaveBeenCalledTimes(1));
    expect(fake.callsTo('delete_pack')).toEqual([{ id: pack.id, version: null }]);
    expect(fake.guided.customPacks).toHaveLength(0);
  });

  test('a refused delete shows the core message and keeps the editor open', async () => {
    const { fake, user, ondeleted } = await openEditor();
    fake.failNext('delete_pack', new AttuneError('not_found', 'That prompt pack is not here.'));
    await user.click(screen.getByTestId('pack-delete'));
    await user.click(screen.getByTestId('pack-delete-confirm'));
    await waitFor(() => expect(alertText()).toBe('That prompt pack is not here.'));
    expect(ondeleted).not.toHaveBeenCalled();
    expect(screen.getByTestId('pack-editor')).toBeInTheDocument();
  });

  test('keyboard: moving keeps focus on the moved prompt, and Ctrl+S saves', async () => {
    const { fake, user, pack } = await openEditor();
    within(prompts()[0]).getByTestId('pack-prompt-down').focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName('Move down: question 2'));
    expect(promptIds().slice(0, 2)).toEqual([pack.prompts[1].id, pack.prompts[0].id]);

    // At the top, "Move up" is disabled, so focus goes to "Move down".
    await user.click(within(prompts()[1]).getByTestId('pack-prompt-up'));
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName('Move down: question 1'));
    expect(promptIds()[0]).toBe(pack.prompts[0].id);

    fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    await waitFor(() => expect(fake.callsTo('save_pack')).toHaveLength(1));
  });

  test('Leave without saving calls oncancel and sends nothing', async () => {
    const { fake, user, oncancel } = await openEditor();
    await user.type(within(prompts()[0]).getByTestId('pack-prompt-text'), ' more');
    await user.click(screen.getByTestId('pack-cancel'));
    expect(oncancel).toHaveBeenCalledTimes(1);
    expect(fake.callsTo('save_pack')).toHaveLength(0);
  });

  test('every field has a label, and the closing step says what it is for in this pack', async () => {
    await openEditor('preventing-burnout');
    const fields = screen.getByTestId('pack-editor').querySelectorAll('input, textarea, select');
    expect(fields.length).toBeGreaterThan(10);
    for (const f of fields) expect(f).toHaveAccessibleName();
    expect(screen.getByTestId('pack-closing')).toHaveTextContent(/small plan with a date/);
    expect(within(screen.getByTestId('pack-closing')).getByTestId('pack-prompt-answer')).toHaveValue('plan');
  });

  test('a copy of a heavy pack keeps its grounding opening step, which can be edited, first', async () => {
    const { fake, user, pack } = await openEditor('vicarious-trauma');
    expect(pack.opening).toBeTruthy();
    const opening = screen.getByTestId('pack-opening');
    expect(opening).toHaveTextContent('Before you begin');
    expect(within(opening).getByTestId('pack-prompt-text')).toHaveValue(pack.opening!.text);
    await user.type(within(opening).getByTestId('pack-prompt-help'), ' Take your time.');
    await user.click(screen.getByTestId('pack-save'));
    await waitFor(() => expect(fake.callsTo('save_pack')).toHaveLength(1));
    expect(lastSaved(fake).opening).toEqual({ ...pack.opening, help: `${pack.opening!.help} Take your time.` });
    expect(lastSaved(fake).prompts.map((p) => p.id)).toEqual(pack.prompts.map((p) => p.id));
  });

  test('changing the containment words of a heavy pack brings a gentle warning, gone when they match again', async () => {
    const { fake, user, pack } = await openEditor('critical-incident');
    const closing = screen.getByTestId('pack-closing');
    expect(closing).toHaveTextContent(/set what you heard down for now/);
    // The original is read to compare with; nothing differs yet.
    await waitFor(() => expect(fake.callsTo('get_pack').length).toBe(1));
    expect(screen.queryByTestId('pack-containment-warning')).not.toBeInTheDocument();

    const help = within(closing).getByTestId('pack-prompt-help');
    await user.clear(help);
    await user.type(help, 'Rest.');
    const warning = await screen.findByTestId('pack-containment-warning');
    expect(warning).toHaveTextContent(/written with care/);
    expect(warning).toHaveTextContent(/child’s safety/);
    // A warning, not a block: saving still works.
    await user.click(screen.getByTestId('pack-save'));
    await waitFor(() => expect(fake.callsTo('save_pack')).toHaveLength(1));

    await user.clear(help);
    await user.type(help, pack.closing.help);
    await waitFor(() => expect(screen.queryByTestId('pack-containment-warning')).not.toBeInTheDocument());
  });

  test('other packs never show the containment warning', async () => {
    const { user } = await openEditor('preventing-burnout');
    const help = within(screen.getByTestId('pack-closing')).getByTestId('pack-prompt-help');
    await user.clear(help);
    await user.type(help, 'Something else.');
    expect(screen.queryByTestId('pack-containment-warning')).not.toBeInTheDocument();
  });
});
