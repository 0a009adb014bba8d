import { describe, expect, it } from 'vitest';
import { locate } from '#reading/model/locate.ts';
import { loadNotes, loadTerms } from '#reading/annotations/load.ts';
import { loadCorpus } from '#reading/corpus.ts';
import { assembleSearchDocs, loadSearchDocs } from '#reading/search/docs.ts';
import { relatedDocs } from '#reading/search/docs-corpus.ts';
import { searchKinds } from '#shared/search/types.ts';

const corpus = loadCorpus();
const docs = loadSearchDocs();
const byId = new Map(docs.map((d) => [d.id, d]));

describe('search documents', () => {
  it('cover every part, article and 专栏 of the 纲要 with its anchor on /gangyao/', () => {
    const { parts, articles, columns } = corpus.gangyao;
    for (const { id } of [...parts, ...articles, ...columns]) {
      expect(byId.get(id), id).toMatchObject({ kind: 'gangyao', href: `/gangyao/#${id}` });
    }
  });

  it('point every section of the seeds at an anchor the reading pages print', () => {
    for (const doc of docs.filter((d) => ['gangyao', 'notice', 'press', 'related'].includes(d.kind))) {
      const [path, anchor = ''] = doc.href.split('#');
      const slug = path!.startsWith('/yuedu/') ? path!.split('/')[2] : undefined;
      expect(locate(corpus, anchor, slug), doc.id).toBe(doc.href);
    }
  });

  it('have unique ids, a kind, a title and some text to search', () => {
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
    for (const doc of docs) {
      expect(searchKinds, doc.id).toContain(doc.kind);
      expect(doc.title.trim(), doc.id).not.toBe('');
      expect((doc.title + doc.text).trim(), doc.id).not.toBe('');
    }
  });

  it('include every note and every glossary term, linked to the article and the glossary entry', () => {
    const notes = loadNotes();
    const terms = loadTerms();
    expect(docs.filter((d) => d.kind === 'note')).toHaveLength(notes.length);
    for (const term of terms) expect(byId.get(`term-${term.slug}`)?.href).toBe(`/mingci/#${term.slug}`);
    for (const note of notes) expect(byId.get(`note-${note.kind}-${note.target}`)?.href).toBe(`/gangyao/#${note.target}`);
  });

  it('make each press turn findable by its speaker', () => {
    const turn = corpus.press.turns.find((t) => t.kind === 'answer')!;
    expect(byId.get(`press-${turn.id}`)?.title).toContain(turn.speaker);
  });

  it('cut a related document at its headings and keep the text before the first heading', () => {
    const sections = relatedDocs({
      slug: 'demo',
      seed: '000.txt',
      title: '示例文件',
      titleSupplied: false,
      meta: '',
      blocks: [
        { type: 'paragraph', paragraph: { id: 'p-1', text: '引言' } },
        { type: 'heading', heading: { id: 'h-1', level: 1, text: '一、总体要求' } },
        { type: 'paragraph', paragraph: { id: 'p-2', text: '正文' } },
      ],
    });
    expect(sections.map((s) => [s.title, s.href, s.text])).toEqual([
      ['示例文件', '/yuedu/demo/#p-1', '引言'],
      ['一、总体要求', '/yuedu/demo/#h-1', '正文'],
    ]);
  });

  it('refuse two sections with the same id', () => {
    const note = loadNotes()[0]!;
    expect(() => assembleSearchDocs(corpus, [note, note], [])).toThrow(/not unique/);
  });
});
