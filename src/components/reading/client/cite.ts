/**
 * 引用本条: copies 《质量强国建设纲要》第十三条, the article as printed and its link. Intranet
 * pages over plain http have no navigator.clipboard, and WeChat may refuse both ways of copying,
 * so the last resort shows the text selected in a box for a long-press copy.
 */
import { make } from './dom.ts';

/**
 * The article's own paragraphs only: notes, tools and links are marked data-note and skipped;
 * glossary marks inside a paragraph wrap official words, so textContent keeps them.
 */
export function citationFor(section: Element, docTitle: string, href: string): string {
  const heading = section.firstElementChild;
  const title = heading && heading.firstChild ? (heading.firstChild.nodeValue || '').trim() : '';
  const lines: string[] = [];
  for (let child = heading; child; child = child.nextElementSibling) {
    if (child.tagName === 'P' && !child.hasAttribute('data-note')) lines.push(child.textContent || '');
  }
  // A heading that ends in 。 runs into its first paragraph as printed: （三）增强质量发展创新动能。建立…
  const body = /。$/.test(title) ? [title + (lines.shift() || ''), ...lines] : [title, ...lines];
  const ordinal = /^（(.+?)）/.exec(title);
  return [`《${docTitle}》第${ordinal ? ordinal[1] : ''}条`, ...body, href].join('\n');
}

function copyBySelection(text: string): boolean {
  const area = make('textarea', { readonly: '' });
  // Set through the style object: a style attribute would be refused by the page's CSP.
  area.style.position = 'fixed';
  area.style.opacity = '0';
  area.value = text;
  document.body.appendChild(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    // old WebViews throw instead of returning false
  }
  document.body.removeChild(area);
  return copied;
}

function copyText(text: string): Promise<boolean> {
  const clipboard = navigator.clipboard;
  if (clipboard && clipboard.writeText)
    return clipboard.writeText(text).then(
      () => true,
      () => copyBySelection(text),
    );
  return Promise.resolve(copyBySelection(text));
}

function cite(button: Element, docTitle: string): void {
  const section = button.closest('section');
  const tools = button.parentElement;
  if (!section || !tools) return;
  const text = citationFor(section, docTitle, `${location.origin}${location.pathname}#${section.id}`);
  void copyText(text).then((copied) => {
    const status = tools.querySelector('.cite-status');
    if (status) status.textContent = copied ? '已复制' : '请长按下面的文字复制';
    if (copied) return;
    const box = tools.querySelector('textarea') || tools.appendChild(make('textarea', { readonly: '', 'aria-label': '引用文字' }));
    box.value = text;
    box.focus();
    box.select();
  });
}

/** Copies on a click of any 引用本条 button under root (see cite-buttons.ts). */
export function setUpCiting(root: Element): void {
  const title = root.querySelector('h1');
  root.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('.cite') : null;
    if (button) cite(button, title ? (title.textContent || '').trim() : '');
  });
}
