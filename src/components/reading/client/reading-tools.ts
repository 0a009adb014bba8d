/**
 * The interactive reading tools of the 纲要 page, bundled on their own and run once a reader
 * first reaches for a term or an 引用本条 button (see load-tools.ts).
 */
import { setUpCiting } from './cite.ts';
import { setUpTermPopovers } from './term-popover.ts';

const root = document.getElementById('gangyao');
if (root) {
  setUpCiting(root);
  setUpTermPopovers(root);
}
