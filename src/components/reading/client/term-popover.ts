/**
 * Explains a marked glossary term in place: on tap or click, and on hover with a mouse. The
 * explanation is read from the glossary page itself, fetched once on first use, so the 纲要 page
 * carries no copy of the glossary. Without JavaScript (or if the fetch fails) the term is a plain
 * link to /mingci/#slug.
 */

interface Explanation {
  title: string;
  html: string;
}

let glossary: Promise<Document> | undefined;

function loadGlossary(url: string): Promise<Document> {
  glossary ??= fetch(url, { credentials: 'same-origin' })
    .then((response) => {
      if (!response.ok) throw new Error(String(response.status));
      return response.text();
    })
    .then((html) => new DOMParser().parseFromString(html, 'text/html'))
    .catch((error: unknown) => {
      glossary = undefined;
      throw error;
    });
  return glossary;
}

function explain(link: HTMLAnchorElement): Promise<Explanation | undefined> {
  const slug = decodeURIComponent(link.hash.slice(1));
  return loadGlossary(link.pathname).then((doc) => {
    const entry = doc.getElementById(slug);
    const body = entry?.querySelector('.term-def');
    if (!entry || !body) return undefined;
    return { title: entry.querySelector('.term-name')?.textContent?.trim() ?? link.textContent ?? '', html: body.innerHTML };
  });
}

let pop: HTMLElement | undefined;
let owner: HTMLAnchorElement | undefined;
let hideTimer = 0;

function close(returnFocus: boolean): void {
  if (!pop) return;
  pop.parentNode?.removeChild(pop);
  owner?.removeAttribute('aria-expanded');
  if (returnFocus && owner) owner.focus();
  pop = undefined;
  owner = undefined;
}

function place(box: HTMLElement, link: HTMLElement): void {
  const rect = link.getBoundingClientRect();
  const scrollX = window.pageXOffset;
  const width = document.documentElement.clientWidth;
  box.style.top = `${rect.bottom + window.pageYOffset + 6}px`;
  const left = Math.min(rect.left, width - box.offsetWidth - 8);
  box.style.left = `${Math.max(8, left) + scrollX}px`;
}

function open(link: HTMLAnchorElement, explanation: Explanation, takeFocus: boolean): void {
  close(false);
  const box = document.createElement('div');
  box.className = 'term-pop';
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-label', explanation.title);
  box.setAttribute('data-note', 'popover');
  box.tabIndex = -1;
  box.innerHTML = `<p class="term-pop-title"></p>${explanation.html}<p><a class="term-pop-more"></a></p>`;
  const title = box.querySelector('.term-pop-title');
  if (title) title.textContent = explanation.title;
  const more = box.querySelector('.term-pop-more');
  if (more) {
    more.setAttribute('href', link.href);
    more.textContent = '在名词解释页查看';
  }
  const closer = document.createElement('button');
  closer.type = 'button';
  closer.className = 'term-pop-close';
  closer.setAttribute('aria-label', '关闭解释');
  closer.textContent = '×';
  closer.addEventListener('click', () => close(true));
  box.appendChild(closer);
  box.addEventListener('mouseenter', () => window.clearTimeout(hideTimer));
  box.addEventListener('mouseleave', () => scheduleHide());
  (document.getElementById('main') ?? document.body).appendChild(box);
  place(box, link);
  pop = box;
  owner = link;
  link.setAttribute('aria-expanded', 'true');
  if (takeFocus) box.focus();
}

function scheduleHide(): void {
  window.clearTimeout(hideTimer);
  hideTimer = window.setTimeout(() => close(false), 400);
}

function termLink(target: EventTarget | null): HTMLAnchorElement | null {
  const element = target instanceof Element ? target.closest('a.term') : null;
  return element instanceof HTMLAnchorElement ? element : null;
}

export function setUpTermPopovers(root: Element): void {
  root.addEventListener('click', (event) => {
    const link = termLink(event.target);
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    if (owner === link && pop) {
      close(false);
      return;
    }
    explain(link).then(
      (explanation) => (explanation ? open(link, explanation, true) : (location.href = link.href)),
      () => (location.href = link.href),
    );
  });
  let hoverTimer = 0;
  root.addEventListener('mouseover', (event) => {
    const link = termLink(event.target);
    if (!link || (window.matchMedia && !window.matchMedia('(hover: hover)').matches)) return;
    window.clearTimeout(hideTimer);
    window.clearTimeout(hoverTimer);
    if (owner === link) return;
    hoverTimer = window.setTimeout(() => {
      explain(link).then((explanation) => explanation && open(link, explanation, false), () => undefined);
    }, 250);
  });
  root.addEventListener('mouseout', (event) => {
    if (!termLink(event.target)) return;
    window.clearTimeout(hoverTimer);
    if (pop) scheduleHide();
  });
  document.addEventListener('keydown', (event) => {
    if (pop && (event.key === 'Escape' || event.key === 'Esc')) close(true);
  });
  document.addEventListener('click', (event) => {
    if (pop && event.target instanceof Node && !pop.contains(event.target) && !termLink(event.target)) close(false);
  });
}
