/**
 * Where an anchor id lives on the site. Ids are public: shared links and search results use
 * them, so this is the one place that maps an id to its page.
 */
import type { Corpus } from '#reading/types.ts';

export const PAGE = {
  gangyao: '/gangyao/',
  notice: '/tongzhi/',
  press: '/fabuhui/',
  related: (slug: string) => `/yuedu/${slug}/`,
  glossary: '/mingci/',
} as const;

function gangyaoIds(corpus: Corpus): Set<string> {
  const { gangyao } = corpus;
  return new Set([
    'gangyao',
    ...gangyao.preamble.map((p) => p.id),
    ...gangyao.parts.flatMap((p) => [p.id, ...p.paragraphs.map((x) => x.id)]),
    ...gangyao.articles.flatMap((a) => [a.id, ...a.paragraphs.map((x) => x.id)]),
    ...gangyao.columns.flatMap((c) => [c.id, ...c.items.map((x) => x.id)]),
  ]);
}

function noticeIds(corpus: Corpus): Set<string> {
  const { notice } = corpus;
  return new Set([...notice.opening.map((p) => p.id), ...notice.sections.flatMap((s) => [s.id, ...s.paragraphs.map((x) => x.id)])]);
}

function pressIds(corpus: Corpus): Set<string> {
  const { press } = corpus;
  return new Set([...press.intro.map((p) => p.id), ...press.turns.flatMap((t) => [t.id, ...t.paragraphs.map((x) => x.id)])]);
}

/** The page and anchor of an id, or undefined when no page holds it. Related ids need their slug. */
export function locate(corpus: Corpus, id: string, relatedSlug?: string): string | undefined {
  if (relatedSlug) {
    const doc = corpus.related.find((d) => d.slug === relatedSlug);
    const held = doc?.blocks.some((b) => (b.type === 'heading' ? b.heading.id : b.paragraph.id) === id);
    return held ? `${PAGE.related(relatedSlug)}#${id}` : undefined;
  }
  if (id === 'gangyao') return PAGE.gangyao;
  if (gangyaoIds(corpus).has(id)) return `${PAGE.gangyao}#${id}`;
  if (noticeIds(corpus).has(id)) return `${PAGE.notice}#${id}`;
  if (pressIds(corpus).has(id)) return `${PAGE.press}#${id}`;
  return undefined;
}
