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

/** Whether a popover is open: the site's menu on a phone is one (Starlight's sidebar), drawn over the trainer. */
function popoverOpen(): boolean {
  try {
    return document.querySelector(':popover-open') !== null;
  } catch {
    // A browser without popovers shows the menu as part of the page: where the focus is says enough.
    return false;
  }
}

/**
 * Whether a key pressed with the focus here is meant for the trainer: in the trainer, with nothing
 * focused, or in the page's own words; never in the site's header, menu or navigation (the
 * sidebar, the links to the previous page), nor while a popover (the phone's menu) is open.
 */
function forTrainer(t: EventTarget | null): boolean {
  if (popoverOpen()) return false;
  if (!(t instanceof Element) || t === document.body || t === document.documentElement) return true;
  if (t.closest('#trainer')) return true;
  return t.closest('main') !== null && t.closest('nav, header, footer, aside, dialog, [popover]') === null;
}

/**
 * The shortcut a key stands for: `?` wherever a layout puts it, a Latin letter whatever the case
 * (Caps Lock gives `P`), and on a layout of another script (Russian, Arabic, Greek) the Latin letter
 * of the key's place, as on a US keyboard (`з` is on the key of `p`). Anything else (a digit, a
 * dot, a dead key) is no shortcut, wherever it is.
 */
export function shortcutKey(e: Pick<KeyboardEvent, 'key' | 'code'>): string | null {
  if (e.key === '?') return '?';
  const key = e.key.toLowerCase();
  if (/^[a-z]$/.test(key)) return key;
  if (/^\p{L}$/u.test(key)) return /^Key([A-Z])$/.exec(e.code)?.[1]?.toLowerCase() ?? null;
  return null;
}

/** Clicks the button with this exact visible name inside the trainer, if there is one. */
function press(name: string): boolean {
  const button = [...document.querySelectorAll<HTMLButtonElement>('#trainer button')].find((b) => b.textContent?.trim() === name && !b.disabled);
  button?.click();
  return Boolean(button);
}

/**
 * Handles a key press anywhere on the page: shortcuts apply when the trainee has them on, no field
 * or dialog has the keys, and the key is meant for the trainer (see `forTrainer`). A key held down
 * does its work once, not once for each repeat.
 */
export function shortcut(trainer: Trainer, e: KeyboardEvent): void {
  // In a tab where the trainer is not running (another tab runs it), no key does anything.
  if (trainer.elsewhere || !trainer.singleKeys || e.repeat || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
  if (typing(e.target) || document.querySelector('dialog[open]') || !forTrainer(e.target)) return;
  const focus = (id: string) => document.getElementById(id)?.focus();
  let handled = true;
  switch (shortcutKey(e)) {
    case '?':
      trainer.shortcutsAsked++;
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
