/** Enhancements of the 纲要 page; the page reads, links and prints its text fully without them. */
import { addCiteButtons } from './cite-buttons.ts';
import { spyContents } from './contents-spy.ts';
import { loadToolsOnFirstUse } from './load-tools.ts';
import { openNotesForPrint } from './print-notes.ts';

const root = document.getElementById('gangyao');
const toc = document.getElementById('mulu') as HTMLDetailsElement | null;
// The contents stand open beside the text on wide screens; phones keep them folded.
if (toc && matchMedia('(min-width: 62em)').matches) toc.open = true;
if (root) {
  addCiteButtons(root);
  if (toc) spyContents(toc, root);
  openNotesForPrint(root);
  loadToolsOnFirstUse(root);
}
