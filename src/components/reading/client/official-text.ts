/**
 * Reads the official text back out of the page: everything except what carries data-note.
 * Glossary marks (data-note="term") wrap official words, so their text stays and only the
 * markup goes; every other data-note element (notes, permalinks, buttons) is left out.
 */

const BLOCK = /^(P|H[1-6]|LI|SECTION|ARTICLE|DIV|UL|OL|DETAILS|SUMMARY|BLOCKQUOTE)$/;

export function isAddedContent(element: Element): boolean {
  const note = element.getAttribute('data-note');
  return note !== null && note !== 'term';
}

function collect(node: Node, out: string[]): void {
  if (node.nodeType === 3) {
    out.push(node.nodeValue ?? '');
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 11) return;
  const element = node.nodeType === 1 ? (node as Element) : null;
  if (element && isAddedContent(element)) return;
  const block = element !== null && BLOCK.test(element.tagName);
  if (block) out.push('\n');
  for (let child = node.firstChild; child; child = child.nextSibling) collect(child, out);
  if (block) out.push('\n');
}

/** The official text under a node (an element or a copied fragment), one line per block. */
export function officialText(node: Node): string {
  const parts: string[] = [];
  collect(node, parts);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}
