import { describe, expect, it } from 'vitest';
import { loadNotes } from '#reading/annotations/load.ts';
import { pressTurnOf, relatedParagraphOf } from '#reading/annotations/links.ts';
import { NOTICE_SEED, loadCorpus, readSeed } from '#reading/corpus.ts';
import { withoutWhitespace } from '#reading/annotations/term-marking.ts';

const notes = loadNotes();
const corpus = loadCorpus();
const pressNotes = notes.filter((note) => note.kind === 'press');
const compareNotes = notes.filter((note) => note.kind === 'compare');

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count += 1;
  return count;
}

/** The raw press excerpt of seeds/004, whitespace removed, independent of the parser. */
function rawPressText(): string {
  const seed = readSeed(NOTICE_SEED);
  const start = seed.indexOf('\n国务院新闻办公室发布会稿件（节选）\n');
  expect(start).toBeGreaterThan(0);
  return withoutWhitespace(seed.slice(start));
}

function speakersOf(target: string): string[] {
  const note = pressNotes.find((candidate) => candidate.target === target);
  expect(note, target).toBeDefined();
  return (note?.turnQuotes ?? []).map(
    (quote) => corpus.press.turns.find((turn) => turn.id === pressTurnOf(quote, corpus.press))?.speaker ?? '',
  );
}

describe('发布会 notes', () => {
  it('quote phrases that occur exactly once in the raw press excerpt', () => {
    const press = rawPressText();
    for (const note of pressNotes) {
      for (const quote of note.turnQuotes) expect(occurrences(press, withoutWhitespace(quote)), `${note.target}: ${quote}`).toBe(1);
    }
  });

  it('resolve every quote to exactly one turn of the parsed press conference', () => {
    for (const note of pressNotes) {
      for (const quote of note.turnQuotes) expect(pressTurnOf(quote, corpus.press), `${note.target}: ${quote}`).toMatch(/^turn-\d+$/);
    }
  });

  it('link the articles to the speakers who discussed them', () => {
    expect(speakersOf('art-10')).toEqual(['黄国梁']);
    expect(speakersOf('art-13')).toEqual(['黄国梁']);
    expect(speakersOf('art-14')).toEqual(['黄国梁']);
    expect(speakersOf('art-12')).toEqual(['黄国梁', '21世纪经济报道记者', '毕开春']);
    expect(speakersOf('art-21')).toEqual(['澎湃新闻记者', '龚桢桢']);
    expect(speakersOf('col-5')).toEqual(['龚桢桢']);
    for (const target of ['art-2', 'art-22', 'art-23', 'art-24', 'art-30', 'art-31', 'art-32']) {
      expect(speakersOf(target), target).toContain('田世宏');
    }
  });

  it('exist for every article whose title the press excerpt names', () => {
    const press = rawPressText();
    const named = corpus.gangyao.articles.filter((article) => press.includes(article.title)).map((article) => article.id);
    expect(named.length).toBeGreaterThan(20);
    const covered = new Set(pressNotes.map((note) => note.target));
    for (const id of named) expect(covered.has(id), id).toBe(true);
  });
});

describe('对照 notes', () => {
  const seedOf = new Map(corpus.related.map((document) => [document.slug, document.seed]));

  it('quote phrases that occur exactly once in the raw related seed', () => {
    for (const note of compareNotes) {
      for (const { slug, quote } of note.related) {
        const seed = seedOf.get(slug);
        expect(seed, slug).toBeDefined();
        expect(occurrences(withoutWhitespace(readSeed(seed ?? '')), withoutWhitespace(quote)), `${note.target}: ${quote}`).toBe(1);
      }
    }
  });

  it('resolve every quote to exactly one paragraph of the parsed related document', () => {
    for (const note of compareNotes) {
      for (const { slug, quote } of note.related) {
        expect(relatedParagraphOf(quote, slug, corpus.related), `${note.target}: ${quote}`).toBeDefined();
      }
    }
  });

  it('use every related document at least once, both as implementation and as forerunner', () => {
    const slugs = new Set(compareNotes.flatMap((note) => note.related.map((passage) => passage.slug)));
    expect([...slugs].sort()).toEqual(corpus.related.map((document) => document.slug).sort());
    const relations = new Set(compareNotes.flatMap((note) => note.related.map((passage) => passage.relation)));
    expect([...relations].sort()).toEqual(['implements', 'precedes']);
  });
});
