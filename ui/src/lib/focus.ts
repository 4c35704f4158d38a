// Move focus to an element once it is in the document (a Svelte action).
export function focusOnMount(node: HTMLElement, enabled: boolean = true): void {
  if (enabled) queueMicrotask(() => node.focus());
}
