/**
 * Puts an 引用本条 button under each article heading. The copying itself lives in cite.ts, loaded
 * with the other reading tools on first use (see load-tools.ts).
 */
import { each, make } from './dom.ts';

export function addCiteButtons(root: Element): void {
  each(root, 'section.art', (section) => {
    const plain = section.querySelector('.cite-plain');
    if (plain && plain.parentNode) plain.parentNode.removeChild(plain);
    const tools = make('p', { class: 'tools', 'data-note': 'tools' });
    tools.appendChild(make('button', { type: 'button', class: 'cite' }, '引用本条'));
    tools.appendChild(make('span', { class: 'cite-status', role: 'status' }));
    const heading = section.firstElementChild;
    section.insertBefore(tools, heading ? heading.nextSibling : null);
  });
}
