/**
 * Loads the reading tools (term popovers, citation copying) when a reader first reaches for
 * them, so a cold load of the long 纲要 page on a weak phone link carries none of their code.
 * Loading starts on the first touch, press, hover or keyboard focus of a term or a button, which
 * comes before the click; a click that arrives before the code is held and replayed after it.
 */
// Vite bundles a ?worker entry into one self-contained classic script and hands back its URL:
// unlike import(), that brings no preload helper into the page.
import toolsScript from './reading-tools.ts?worker&url';

const WANTED = 'a.term, .cite';
const INTENT = ['touchstart', 'mousedown', 'mouseover', 'focusin'];

export function loadToolsOnFirstUse(root: Element): void {
  let state: 'idle' | 'loading' | 'ready' | 'failed' = 'idle';
  let held: HTMLElement | null = null;
  let hovered: Element | null = null;

  const load = () => {
    if (state !== 'idle') return;
    state = 'loading';
    const script = document.createElement('script');
    script.src = toolsScript;
    script.onload = () => {
      state = 'ready';
      root.removeEventListener('click', hold, true);
      if (held) held.click();
      else if (hovered && hovered.matches(':hover')) hovered.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      held = null;
    };
    script.onerror = () => {
      state = 'failed';
      // Without the tools a term is an ordinary link to the glossary again.
      if (held instanceof HTMLAnchorElement) location.href = held.href;
      const status = held && held.nextElementSibling;
      if (status) status.textContent = '网络不畅，请手动复制';
    };
    document.head.appendChild(script);
  };

  const intent = (event: Event) => {
    const target = event.target instanceof Element ? event.target.closest(WANTED) : null;
    if (!target) return;
    if (event.type === 'mouseover') hovered = target;
    load();
  };

  // Capturing, so the held click never reaches the link's default action or a half-loaded tool.
  const hold = (event: Event) => {
    const target = event.target instanceof Element ? event.target.closest(WANTED) : null;
    if (!target || state === 'ready' || state === 'failed' || (event as MouseEvent).ctrlKey || (event as MouseEvent).metaKey) return;
    event.preventDefault();
    event.stopPropagation();
    held = target as HTMLElement;
    load();
  };

  for (const type of INTENT) root.addEventListener(type, intent, { passive: true });
  root.addEventListener('click', hold, true);
}
