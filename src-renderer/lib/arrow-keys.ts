// Arrow keys, Home and End inside a tab list or a radio group (WAI-ARIA: one Tab stop for the
// group, arrows move between its items and select the one reached).
import type { Attachment } from 'svelte/attachments';

const ITEMS = '[role="tab"], [role="radio"]';

/** The item an arrow, Home or End key moves to from item i of n (-1: not a key of the group). */
export function nextIndex(key: string, i: number, n: number): number {
  if (n === 0) return -1;
  if (key === 'ArrowRight' || key === 'ArrowDown') return (i + 1) % n;
  if (key === 'ArrowLeft' || key === 'ArrowUp') return (i - 1 + n) % n;
  if (key === 'Home') return 0;
  if (key === 'End') return n - 1;
  return -1;
}

/** Put on the element with role="tablist" or role="radiogroup": its items are its tab or radio buttons. */
export const arrowKeys: Attachment<HTMLElement> = (group) => {
  const onKey = (e: KeyboardEvent) => {
    const items = [...group.querySelectorAll<HTMLElement>(ITEMS)].filter((x) => !(x as HTMLButtonElement).disabled);
    const i = items.indexOf(e.target as HTMLElement);
    if (i < 0) return;
    const j = nextIndex(e.key, i, items.length);
    if (j < 0) return;
    e.preventDefault();
    items[j]!.focus();
    items[j]!.click();
  };
  group.addEventListener('keydown', onKey);
  return () => group.removeEventListener('keydown', onKey);
};
