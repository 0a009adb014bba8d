/**
 * Marks in the 纲要's contents the article or 专栏 the reader is in (aria-current="location"), and
 * keeps it in view in the contents column. Without IntersectionObserver (or JavaScript) the
 * contents still mark the link last followed (:focus) and the article it led to (:target).
 */
import { each } from './dom.ts';

export function spyContents(toc: Element, root: Element): void {
  if (typeof IntersectionObserver !== 'function') return;
  const links: Record<string, Element> = {};
  each(toc, 'a[href^="#"]', (link) => (links[(link.getAttribute('href') || '').slice(1)] = link));
  const sections: Element[] = [];
  each(root, 'section.art, section.zhuanlan', (section) => {
    if (links[section.id]) sections.push(section);
  });
  const inView: Element[] = [];
  let current: Element | undefined;
  const mark = () => {
    // The first section in reading order among those crossing the upper part of the screen.
    const first = sections.filter((section) => inView.indexOf(section) >= 0)[0];
    const link = first ? links[first.id] : undefined;
    if (!link || link === current) return;
    if (current) current.removeAttribute('aria-current');
    link.setAttribute('aria-current', 'location');
    current = link;
    // Beside the text (wide screens) the contents scroll on their own; the page itself never moves.
    if (toc.scrollHeight > toc.clientHeight) {
      const box = toc.getBoundingClientRect();
      const at = link.getBoundingClientRect();
      if (at.top < box.top || at.bottom > box.bottom) toc.scrollTop += at.top - box.top - box.height / 3;
    }
  };
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const at = inView.indexOf(entry.target);
        // A section that only touches the zone's edge (the one just above a link's target) counts
        // as intersecting for the observer, but the reader sees none of it.
        const seen = entry.isIntersecting && entry.intersectionRect.height > 0;
        if (seen && at < 0) inView.push(entry.target);
        else if (!seen && at >= 0) inView.splice(at, 1);
      }
      mark();
    },
    // Only the upper 40% of the screen counts: the article being read, not the one coming up.
    { rootMargin: '0px 0px -60% 0px' },
  );
  for (const section of sections) observer.observe(section);
}
