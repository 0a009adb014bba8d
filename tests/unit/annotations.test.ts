import { describe, expect, it } from 'vitest';
import { hanCount, loadNotes, loadTerms } from '#reading/annotations/load.ts';
import { NOTICE_SEED, loadCorpus, readSeed } from '#reading/corpus.ts';

const notes = loadNotes();
const terms = loadTerms();
const { gangyao } = loadCorpus();

/** seeds/004 from the 纲要's title line to the end (the press excerpt follows the 纲要), line breaks joined. */
function gangyaoAndPressText(): string {
  const lines = readSeed(NOTICE_SEED).split('\n');
  const start = lines.findIndex((line) => line.trim() === '质量强国建设纲要');
  expect(start).toBeGreaterThan(0);
  expect(lines.slice(start).some((line) => line.startsWith('国务院新闻办公室发布会稿件（节选）'))).toBe(true);
  return lines.slice(start).join('');
}

describe('the 释义', () => {
  const shiyi = notes.filter((note) => note.kind === 'shiyi');
  const expected = [...gangyao.articles.map((a) => a.id), ...gangyao.columns.map((c) => c.id)];

  it('explain every one of the 32 articles and 7 专栏 exactly once', () => {
    expect(expected).toHaveLength(39);
    expect(shiyi.map((note) => note.target).sort()).toEqual([...expected].sort());
  });

  it('are each 80–250 汉字 of plain language', () => {
    for (const note of shiyi) {
      const count = hanCount(note.text);
      expect(count, note.target).toBeGreaterThanOrEqual(80);
      expect(count, note.target).toBeLessThanOrEqual(250);
      expect(note.html.startsWith('<p>'), note.target).toBe(true);
    }
  });
});

describe('every note', () => {
  const knownTargets = new Set([...gangyao.parts, ...gangyao.articles, ...gangyao.columns].map((item) => item.id));

  it('points at a part, article or 专栏 that exists in the parsed 纲要', () => {
    for (const note of notes) expect(knownTargets.has(note.target), `${note.kind} ${note.target}`).toBe(true);
  });

  it('names its source and has a title', () => {
    for (const note of notes) {
      expect(note.source.length, `${note.kind} ${note.target}`).toBeGreaterThan(0);
      expect(note.title.length, `${note.kind} ${note.target}`).toBeGreaterThan(1);
    }
  });

  it('carries press quotes only on 发布会 notes and provincial passages only on 对照 notes', () => {
    for (const note of notes) {
      expect(note.turnQuotes.length > 0, `${note.kind} ${note.target}`).toBe(note.kind === 'press');
      expect(note.related.length > 0, `${note.kind} ${note.target}`).toBe(note.kind === 'compare');
    }
  });

  it('for water work covers the engineering articles and 专栏3', () => {
    const water = new Set(notes.filter((note) => note.kind === 'water').map((note) => note.target));
    for (const target of ['art-13', 'art-14', 'art-15', 'col-3', 'art-4', 'art-25', 'art-27', 'art-30', 'art-31', 'art-32']) {
      expect(water.has(target), target).toBe(true);
    }
  });
});

describe('the glossary', () => {
  const source = gangyaoAndPressText();

  it('has at least 30 terms, each with a definition and a source', () => {
    expect(terms.length).toBeGreaterThanOrEqual(30);
    for (const term of terms) {
      expect(hanCount(term.text), term.slug).toBeGreaterThanOrEqual(15);
      expect(term.source.length, term.slug).toBeGreaterThan(0);
    }
  });

  it('only lists forms that occur in the 纲要 or the press excerpt of seeds/004', () => {
    for (const term of terms) {
      for (const alias of term.aliases) expect(source.includes(alias), `${term.slug}: ${alias}`).toBe(true);
    }
  });

  it('includes the terms readers ask about most', () => {
    const names = new Set(terms.map((term) => term.term));
    for (const name of [
      '质量基础设施',
      '双随机、一公开',
      '四个最严',
      '首席质量官',
      '三品',
      '碳达峰碳中和',
      '工程质量终身责任',
      '中国品牌日',
      '项目法人责任制',
    ]) {
      expect(names.has(name), name).toBe(true);
    }
    const carbon = terms.find((term) => term.term === '碳达峰碳中和');
    expect(carbon?.aliases).toContain('碳达峰、碳中和');
    expect(terms.find((term) => term.term === '质量基础设施')?.english).toContain('NQI');
  });
});
