/** Enhancements of the 纲要 page; the page reads and links fully without them. */
import { setUpCiting } from './cite.ts';
import { keepCopiesOfficial } from './copy-official.ts';
import { openNotesForPrint } from './print-notes.ts';
import { setUpTermPopovers } from './term-popover.ts';

const root = document.getElementById('gangyao');
if (root) {
  setUpCiting(root);
  setUpTermPopovers(root);
  openNotesForPrint(root);
  keepCopiesOfficial(root);
  const toc = document.getElementById('mulu');
  const openToc = () => {
    if (toc instanceof HTMLDetailsElement && location.hash === '#mulu') toc.open = true;
  };
  window.addEventListener('hashchange', openToc);
  openToc();
  const toTop = document.querySelector('.to-toc');
  if (toTop) toTop.addEventListener('click', () => toc instanceof HTMLDetailsElement && (toc.open = true));
}
