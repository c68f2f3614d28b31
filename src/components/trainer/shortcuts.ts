// The trainer's keyboard shortcuts: one list, used by the key handler and shown in the dialog.
import type { Trainer } from './trainer.svelte.ts';

/** Each shortcut: the key, what it does, and whether it works while typing in a field. */
export const SHORTCUTS = [
  { key: 'p', label: 'Play or Stop the queue' },
  { key: 'r', label: 'Go to the reply text' },
  { key: 'Ctrl+Enter', label: 'Send the reply (in the reply text)' },
  { key: 'n', label: 'Next conversation (after feedback)' },
  { key: 's', label: 'Skip the conversation (where skipping is allowed)' },
  { key: 'q', label: 'Go to the queue' },
  { key: 'e', label: 'Export results' },
  { key: '?', label: 'Show these shortcuts' },
] as const;

/** Inputs that take no typed letters (a tick, a choice, a button): single keys stay shortcuts there. */
const NOT_TYPED = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color']);

/** Whether keys go to a field: shortcuts leave them to it, and the clock does not take its focus. */
export const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || /^(TEXTAREA|SELECT)$/.test(t.tagName) || (t instanceof HTMLInputElement && !NOT_TYPED.has(t.type)));

/** Clicks the button with this exact visible name inside the trainer, if there is one. */
function press(name: string): boolean {
  const button = [...document.querySelectorAll<HTMLButtonElement>('#trainer button')].find((b) => b.textContent?.trim() === name && !b.disabled);
  button?.click();
  return Boolean(button);
}

/** Handles a key press anywhere on the page: shortcuts apply when no field or dialog has the keys. */
export function shortcut(trainer: Trainer, e: KeyboardEvent): void {
  // In a tab where the trainer is not running (another tab runs it), no key does anything.
  if (trainer.elsewhere || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typing(e.target) || document.querySelector('dialog[open]')) return;
  const focus = (id: string) => document.getElementById(id)?.focus();
  let handled = true;
  switch (e.key) {
    case '?':
      trainer.shortcutsOpen = true;
      break;
    case 'p':
      handled = press(trainer.state.session?.clock.playing ? 'Stop' : 'Play');
      break;
    case 'r':
      focus('trainer-reply-text');
      break;
    case 'n':
      handled = press('Next conversation');
      break;
    case 's':
      handled = press('Skip');
      break;
    case 'q':
      focus('trainer-queue-heading');
      break;
    case 'e':
      handled = press('Export results');
      break;
    default:
      handled = false;
  }
  if (handled) e.preventDefault();
}
