/**
 * Every search document of the site: the parsed seeds plus the notes and the glossary. Ids are
 * unique; a duplicate is a programming error and stops the build.
 */
import type { SearchDoc } from '#shared/search/types.ts';
import { loadNotes, loadTerms, type Note, type Term } from '#reading/annotations/load.ts';
import { loadCorpus } from '#reading/corpus.ts';
import { NOTE_KIND_LABEL } from '#reading/annotations/schema.ts';
import { corpusDocs } from './docs-corpus.ts';
import type { Corpus } from '#reading/types.ts';

/** The heading of the part, article or 专栏 a note is attached to, as printed. */
function targetTitle(corpus: Corpus, target: string): string {
  const { parts, articles, columns } = corpus.gangyao;
  const part = parts.find((p) => p.id === target);
  if (part) return `${part.ordinal}、${part.title}`;
  const article = articles.find((a) => a.id === target);
  if (article) return `（${article.ordinal}）${article.title}`;
  const column = columns.find((c) => c.id === target);
  return column ? `专栏${column.number} ${column.title}` : corpus.gangyao.title;
}

export function noteDoc(note: Note, corpus: Corpus): SearchDoc {
  return {
    id: `note-${note.kind}-${note.target}`,
    kind: 'note',
    label: NOTE_KIND_LABEL[note.kind],
    title: note.title,
    context: `${NOTE_KIND_LABEL[note.kind]} · ${targetTitle(corpus, note.target)}`,
    href: `/gangyao/#${note.target}`,
    text: note.text,
  };
}

export function termDoc(term: Term): SearchDoc {
  const names = [...term.aliases.filter((alias) => alias !== term.term), term.english].filter(Boolean).join('；');
  return {
    id: `term-${term.slug}`,
    kind: 'term',
    title: term.term,
    context: '名词解释',
    href: `/mingci/#${term.slug}`,
    text: names ? `${names}\n${term.text}` : term.text,
    aliases: term.aliases,
  };
}

export function assembleSearchDocs(corpus: Corpus, notes: readonly Note[], terms: readonly Term[]): SearchDoc[] {
  const docs = [...corpusDocs(corpus), ...notes.map((note) => noteDoc(note, corpus)), ...terms.map(termDoc)];
  const seen = new Set<string>();
  for (const doc of docs) {
    if (seen.has(doc.id)) throw new Error(`search document id ${doc.id} is not unique`);
    seen.add(doc.id);
  }
  return docs;
}

let memo: SearchDoc[] | undefined;

export function loadSearchDocs(): SearchDoc[] {
  memo ??= assembleSearchDocs(loadCorpus(), loadNotes(), loadTerms());
  return memo;
}
