/**
 * When a reader selects across the 纲要 and its notes and copies, the clipboard gets the
 * official text only: notes, permalinks and buttons stay on the page.
 */
import { isAddedContent, officialText } from './official-text.ts';

function containsAddedContent(fragment: DocumentFragment): boolean {
  const elements = fragment.querySelectorAll('[data-note]');
  for (let i = 0; i < elements.length; i += 1) {
    const element = elements[i];
    if (element && isAddedContent(element)) return true;
  }
  return false;
}

export function keepCopiesOfficial(root: Element): void {
  root.addEventListener('copy', (event) => {
    const selection = window.getSelection();
    const clipboard = (event as ClipboardEvent).clipboardData;
    if (!selection || selection.rangeCount === 0 || !clipboard) return;
    const start = selection.anchorNode instanceof Element ? selection.anchorNode : selection.anchorNode?.parentElement;
    // A copy that starts inside a note is the reader quoting the note itself.
    if (start && start.closest('[data-note]:not([data-note="term"])')) return;
    const fragment = selection.getRangeAt(0).cloneContents();
    if (!containsAddedContent(fragment)) return;
    clipboard.setData('text/plain', officialText(fragment));
    event.preventDefault();
  });
}
