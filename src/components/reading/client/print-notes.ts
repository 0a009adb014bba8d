/**
 * A closed <details> does not print, so notes open for printing (as footnotes, see print.css)
 * and close again afterwards.
 */
import { each } from './dom.ts';

export function openNotesForPrint(root: Element): void {
  let opened: HTMLDetailsElement[] = [];
  window.addEventListener('beforeprint', () => {
    each(root, 'details:not([open])', (note) => {
      (note as HTMLDetailsElement).open = true;
      opened.push(note as HTMLDetailsElement);
    });
  });
  window.addEventListener('afterprint', () => {
    for (const note of opened) note.open = false;
    opened = [];
  });
}
