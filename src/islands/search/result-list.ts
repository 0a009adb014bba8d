/**
 * The result list's items as one HTML string. Ten results are replaced on every keystroke; on an
 * old phone building them node by node costs as much as the search itself, and setting one string
 * costs a fraction of it. Every text is escaped; the only markup is the list's own.
 */
import type { ResultView } from '#shared/search/present.ts';
import { escapeHtml, partsToHtml } from '#shared/search/snippet.ts';

function resultHtml({ href, kind, kindLabel, context, title, snippet }: ResultView): string {
  const meta = `<span class="result-meta"><span class="result-kind kind-${kind}">${escapeHtml(kindLabel)}</span>${escapeHtml(context)}</span>`;
  const heading = `<span class="result-title">${partsToHtml(title)}</span>`;
  const excerpt = snippet.length > 0 ? `<span class="result-snippet">${partsToHtml(snippet)}</span>` : '';
  return `<li><a href="${escapeHtml(href)}" data-kind="${kind}">${meta}${heading}${excerpt}</a></li>`;
}

export function resultListHtml(results: readonly ResultView[]): string {
  return results.map(resultHtml).join('');
}
