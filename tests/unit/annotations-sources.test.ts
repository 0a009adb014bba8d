import { describe, expect, it } from 'vitest';
import { namedTargets, overstatedRequirements, unsourcedQuotes } from '#reading/annotations/fidelity.ts';
import { isSourceDocument, NOTE_SOURCES, type NoteSource } from '#reading/annotations/schema.ts';
import { loadNotes, loadTerms } from '#reading/annotations/load.ts';
import { loadCorpus } from '#reading/corpus.ts';
import { articleText, columnText, partLabel } from '#reading/gangyao-text.ts';
import { sourceDocumentText } from '#reading/annotations/source-documents.ts';

// Every file in content/notes/** and content/glossary/**, as the site renders it.
const notes = loadNotes();
const terms = loadTerms();
const { gangyao } = loadCorpus();

const annotations = [
  ...notes.map((note) => ({
    file: `${note.kind}/${note.target}`,
    title: note.title,
    text: note.text,
    source: note.source,
    target: note.target as string | undefined,
  })),
  ...terms.map((term) => ({ file: `glossary/${term.slug}`, title: '', text: term.text, source: term.source, target: undefined })),
];

const documentTexts = new Map(NOTE_SOURCES.filter(isSourceDocument).map((name) => [name, sourceDocumentText(name)]));
const textsOf = (source: readonly NoteSource[]) => source.filter(isSourceDocument).map((name) => documentTexts.get(name) ?? '');

/** The official text of a part, article or 专栏 id, as the 纲要 page prints it. */
function officialText(id: string): string {
  const article = gangyao.articles.find((candidate) => candidate.id === id);
  if (article) return articleText(article).join('\n');
  const column = gangyao.columns.find((candidate) => candidate.id === id);
  if (column) return columnText(column).join('\n');
  const part = gangyao.parts.find((candidate) => candidate.id === id);
  return part ? [partLabel(part), ...part.paragraphs.map((paragraph) => paragraph.text)].join('\n') : '';
}

const wholeGangyao = [...gangyao.articles, ...gangyao.columns].map((item) => officialText(item.id)).join('\n');

/** What a note's 要求 is checked against: its target and every article it names; a glossary entry naming none, the whole 纲要. */
function articlesOf(text: string, target: string | undefined): string {
  const ids = [...(target === undefined ? [] : [target]), ...namedTargets(text)];
  return ids.length === 0 ? wholeGangyao : ids.map(officialText).join('\n');
}

describe('every note and glossary entry', () => {
  it('are read from all four note folders and the glossary', () => {
    expect(new Set(notes.map((note) => note.kind))).toEqual(new Set(['shiyi', 'press', 'compare', 'water']));
    expect(annotations.length).toBe(notes.length + terms.length);
    expect(terms.length).toBeGreaterThanOrEqual(30);
  });

  it('puts in “…” only phrases found verbatim in a document its source names', () => {
    const unsourced = annotations.flatMap(({ file, title, text, source }) =>
      unsourcedQuotes(`${title}\n${text}`, textsOf(source)).map((phrase) => `${file}: “${phrase}” 不见于 ${source.join('、')}`),
    );
    expect(unsourced).toEqual([]);
  });

  it('never says 要求 where the article it paraphrases says 鼓励, 支持 or 引导', () => {
    const overstated = annotations.flatMap(({ file, text, target }) =>
      overstatedRequirements(text, articlesOf(text, target)).map(
        (finding) => `${file}: 要求“${finding.phrase}”，原文为${finding.verb}：${finding.sourceSentence}`,
      ),
    );
    expect(overstated).toEqual([]);
  });

  it('is caught when a planted quote or 要求 misstates a real article', () => {
    const planted = '本条要求规范旅游市场秩序，建设新型消费体验中心。具体可以概括为“五个生活”。';
    expect(overstatedRequirements(planted, articlesOf(planted, 'art-17')).map((finding) => finding.verb)).toEqual(['支持']);
    expect(unsourcedQuotes(planted, textsOf(['纲要原文', '本站归纳']))).toEqual(['五个生活']);
  });
});

describe('水利 notes', () => {
  it('each end with the line that national and higher water-authority rules prevail', () => {
    for (const note of notes.filter((candidate) => candidate.kind === 'water')) {
      expect(note.text.trim(), note.target).toMatch(/以国家和上级水行政主管部门的规定为准。$/);
    }
  });
});
