/**
 * A closed <details> does not print, so notes open for printing (as footnotes, see print.css)
 * and close again afterwards.
 */
export function openNotesForPrint(root: Element): void {
  let opened: HTMLDetailsElement[] = [];
  window.addEventListener('beforeprint', () => {
    opened = [];
    const notes = root.querySelectorAll('details.note');
    for (let i = 0; i < notes.length; i += 1) {
      const note = notes[i];
      if (note instanceof HTMLDetailsElement && !note.open) {
        note.open = true;
        opened.push(note);
      }
    }
  });
  window.addEventListener('afterprint', () => {
    for (const note of opened) note.open = false;
    opened = [];
  });
}
