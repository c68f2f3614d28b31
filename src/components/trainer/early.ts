// The trainer's first screen (who you are, what to start) is drawn with the page, and can be filled
// in before the island has started. When it starts, it draws its own values over those fields: what
// was typed or chosen there is read first, so that it is kept. Each function reads a field the page
// drew: what differs from what was drawn, or `null` (unchanged, not drawn, or on the server).

// Going back (or forward) to a visit of the page, or reloading it, the browser may put back what the
// fields held then: that is not typing, and taken for it, a name corrected since would be stored
// over with the old one. Nothing is read then. (A page the browser keeps whole in its back/forward
// cache never starts again, so it does not come here.)
let restoredVisit: boolean | undefined;
function restored(): boolean {
  if (restoredVisit === undefined) {
    const nav = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
    restoredVisit = nav?.type === 'back_forward' || nav?.type === 'reload';
  }
  return restoredVisit;
}

/** The text typed in the input with this id. */
export function typedEarly(id: string): string | null {
  if (typeof document === 'undefined' || restored()) return null;
  const input = document.getElementById(id);
  return input instanceof HTMLInputElement && input.value !== input.defaultValue ? input.value : null;
}

/** The value of the radio button chosen in the group with this name. */
export function chosenEarly(name: string): string | null {
  if (typeof document === 'undefined' || restored()) return null;
  const radio = [...document.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${name}"]`)].find((r) => r.checked);
  return radio && !radio.defaultChecked ? radio.value : null;
}

/** The value of the option chosen in the list with this id. */
export function selectedEarly(id: string): string | null {
  if (typeof document === 'undefined' || restored()) return null;
  const select = document.getElementById(id);
  if (!(select instanceof HTMLSelectElement)) return null;
  const options = [...select.options];
  const drawn = options.find((o) => o.defaultSelected) ?? options[0];
  const chosen = select.selectedOptions[0];
  return chosen && chosen !== drawn ? chosen.value : null;
}
