/**
 * Browser code for the comparison pages of the search benchmark, bundled by search-harness.ts:
 * lunr with its default English pipeline, and our own search loading a prebuilt index instead of
 * building one. Each turns a query into the same result shape the page renders.
 */
import lunr from 'lunr';
import { docsMap, search } from '#shared/search/engine.ts';
import { loadSearchIndex } from '#shared/search/index-build.ts';
import { glossaryTermsOf, presentSearch } from '#shared/search/present.ts';
import type { SearchData } from '#shared/search/types.ts';

export interface HarnessResult {
  id: string;
  kind: string;
  href: string;
  title: string;
  snippet: string;
}

export interface HarnessEngine {
  run(query: string): HarnessResult[];
}

export function defaultLunr(data: SearchData): HarnessEngine {
  const index = lunr(function () {
    this.ref('id');
    this.field('title');
    this.field('text');
    for (const doc of data.docs) this.add(doc);
  });
  const byId = docsMap(data.docs);
  return {
    run(query) {
      let results: lunr.Index.Result[] = [];
      try {
        results = index.search(query);
      } catch {
        // lunr's query syntax rejects some input (互联网+监管); a reader would see nothing.
      }
      return results.slice(0, 30).flatMap((r) => {
        const doc = byId.get(r.ref);
        return doc ? [{ id: doc.id, kind: doc.kind, href: doc.href, title: doc.title, snippet: doc.text.slice(0, 90) }] : [];
      });
    },
  };
}

export function prebuiltOurs(data: SearchData, serialised: object): HarnessEngine {
  const index = loadSearchIndex(serialised);
  const byId = docsMap(data.docs);
  const glossary = glossaryTermsOf(data.docs);
  const joined = (parts: { text: string; mark: boolean }[]) => parts.map((p) => (p.mark ? `<mark>${p.text}</mark>` : p.text)).join('');
  return {
    run(query) {
      return presentSearch(search(index, byId, query), glossary).results.map((r) => ({
        id: r.id,
        kind: r.kind,
        href: r.href,
        title: joined(r.title),
        snippet: joined(r.snippet),
      }));
    },
  };
}
