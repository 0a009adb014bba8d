/**
 * Explains a marked glossary term in place, on tap or click and on mouse hover. The explanation
 * is read from the glossary page itself, fetched once on first use, so the 纲要 page carries no
 * copy of the glossary. Without JavaScript, or when the fetch fails, the term is a plain link to
 * /mingci/#slug.
 */
import { make } from './dom.ts';

let glossary: Promise<DocumentFragment> | undefined;
let pop: HTMLElement | undefined;
let owner: HTMLAnchorElement | undefined;
/** Opened by a pointer resting on the term, so leaving it closes it; a tap or click keeps it until closed. */
let byHover = false;
let timer = 0;

function entryFor(link: HTMLAnchorElement): Promise<Element | null> {
  if (!glossary) {
    glossary = fetch(link.pathname)
      .then((response) => (response.ok ? response.text() : Promise.reject()))
      // An inert <template>, not DOMParser: a parsed document inherits this page's CSP and reports the
      // glossary page's own inline styles as violations, while template content is never styled.
      .then((html) => {
        const template = document.createElement('template');
        template.innerHTML = html;
        return template.content;
      });
    glossary.catch(() => (glossary = undefined));
  }
  return glossary.then((page) => page.querySelector(`[id="${CSS.escape(link.hash.slice(1))}"]`));
}

function close(returnFocus?: boolean): void {
  if (!pop || !owner) return;
  pop.parentNode?.removeChild(pop);
  owner.removeAttribute('aria-expanded');
  if (returnFocus) owner.focus();
  pop = owner = undefined;
}

function open(link: HTMLAnchorElement, entry: Element, takeFocus: boolean): void {
  close();
  const title = (entry.querySelector('.term-name') || link).textContent || '';
  const box = make('div', { class: 'term-pop', role: 'dialog', 'aria-label': title, 'data-note': 'popover', tabindex: '-1' });
  box.appendChild(make('p', {}, title)).style.fontWeight = '700';
  const definition = entry.querySelector('.term-def');
  if (definition) box.appendChild(definition.cloneNode(true));
  // The definition's 来源 travels with it: beside the official text it must say whose words it is.
  const source = entry.querySelector('.note-source');
  if (source) box.appendChild(source.cloneNode(true));
  box.appendChild(make('p', {})).appendChild(make('a', { href: link.href }, '查看名词解释'));
  box.appendChild(make('button', { type: 'button', 'aria-label': '关闭' }, '×')).addEventListener('click', () => close(true));
  box.addEventListener('mouseenter', () => clearTimeout(timer));
  box.addEventListener('mouseleave', () => byHover && later(close));
  // Inside main, so that the large-text mode scales the popover too.
  (document.getElementById('main') as HTMLElement).appendChild(box);
  const rect = link.getBoundingClientRect();
  const screenWidth = document.documentElement.clientWidth;
  // Measured where it may stand furthest left, and never wider than the screen less 8 px a side:
  // in 大字模式 on a narrow phone its 22em would run past the edge.
  box.style.left = '8px';
  box.style.maxWidth = `${Math.min(parseFloat(getComputedStyle(box).maxWidth) || screenWidth, screenWidth - 16)}px`;
  const left = Math.max(8, Math.min(rect.left, screenWidth - box.offsetWidth - 8));
  box.style.top = `${rect.bottom + window.pageYOffset + 6}px`;
  box.style.left = `${left + window.pageXOffset}px`;
  pop = box;
  owner = link;
  byHover = !takeFocus;
  link.setAttribute('aria-expanded', 'true');
  if (takeFocus) box.focus();
}

function later(run: () => void): void {
  clearTimeout(timer);
  timer = window.setTimeout(run, 300);
}

function termOf(target: EventTarget | null): HTMLAnchorElement | null {
  return target instanceof Element ? (target.closest('a.term') as HTMLAnchorElement | null) : null;
}

function show(link: HTMLAnchorElement, takeFocus: boolean): void {
  const follow = () => (location.href = link.href);
  entryFor(link).then(
    (entry) => (entry ? open(link, entry, takeFocus) : takeFocus && follow()),
    () => takeFocus && follow(),
  );
}

export function setUpTermPopovers(root: Element): void {
  const hover = matchMedia('(hover: hover)').matches;
  root.addEventListener('click', (event) => {
    const link = termOf(event.target);
    if (!link || (event as MouseEvent).ctrlKey || (event as MouseEvent).metaKey) return;
    event.preventDefault();
    clearTimeout(timer);
    // Clicking a term that hovering opened pins its explanation; clicking a pinned one closes it.
    if (owner === link && !byHover) close();
    else show(link, true);
  });
  root.addEventListener('mouseover', (event) => {
    const link = termOf(event.target);
    if (hover && link && link !== owner) later(() => link !== owner && show(link, false));
  });
  root.addEventListener('mouseout', (event) => {
    if (byHover && termOf(event.target)) later(close);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close(true);
  });
  document.addEventListener('click', (event) => {
    if (pop && !pop.contains(event.target as Node) && !termOf(event.target)) close();
  });
}
