/**
 * Every `[data-print]` button prints the page. A bundled script rather than an onclick attribute,
 * which the pages' Content-Security-Policy refuses.
 */
for (const button of Array.prototype.slice.call(document.querySelectorAll('[data-print]')) as HTMLElement[]) {
  button.addEventListener('click', () => window.print());
}
