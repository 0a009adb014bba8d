/**
 * Two checks that a note says no more than its source. Both are pure text functions, so the tests
 * run them over every file in content/ and over planted violations alike.
 *
 * 1. Quotation marks. A phrase in “…” is a verbatim quote: it must occur in one of the documents the
 *    note's `source` names. The site's own wording carries no quotation marks, or 「…」 where it
 *    needs setting off (「五个着力」). Whitespace is ignored: the PDF text breaks lines anywhere.
 * 2. Verbs. Where a note says an article 要求 something, the article must not introduce that
 *    something with 鼓励, 支持 or 引导: those ask for less than a requirement does.
 */
import { chineseToNumber } from '#reading/parse/numerals.ts';

/** Whitespace removed: the seeds break lines and put spaces anywhere, 2025 年 included. */
export const squash = (text: string): string => text.replace(/\s+/g, '');

/** The phrases a text puts in Chinese double quotation marks “…”; of nested pairs, the innermost. */
export function quotedPhrases(text: string): string[] {
  return [...text.matchAll(/“([^“”]*)”/g)].map((match) => match[1] ?? '');
}

/** The phrases in “…” found in none of the source texts; an empty list means every quote is verbatim. */
export function unsourcedQuotes(text: string, sources: readonly string[]): string[] {
  const haystacks = sources.map(squash);
  return quotedPhrases(text).filter((phrase) => !haystacks.some((source) => source.includes(squash(phrase))));
}

export const SOFT_VERBS = ['鼓励', '支持', '引导'] as const;
export type SoftVerb = (typeof SOFT_VERBS)[number];

export interface OverstatedRequirement {
  /** The note's sentence that says 要求. */
  sentence: string;
  /** The beginning of the clause that the source introduces with a softer verb. */
  phrase: string;
  /** The verb the source uses instead. */
  verb: SoftVerb;
  /** The source's sentence that holds the phrase. */
  sourceSentence: string;
}

/** Shortest clause beginning worth looking up: shorter ones (加强质量) occur anywhere. */
export const MIN_PHRASE_CHARS = 5;

/** Words that join a clause to the one before it and are not part of what is asked for. */
const CONNECTIVE = /^(?:并且|并|以及|和|及|同时|还要|还|也要|也|要)/;

/**
 * Every clause that a note's 要求 governs (from 要求 to the next 要求 or the end of the note's
 * sentence, split at ，；：) whose beginning occurs in the source after 鼓励, 支持 or 引导 in the
 * same source sentence (up to 。！？；). A clause whose verb the note itself gives before it
 * (…，引导优质优价，促进…) is left alone: the note said it. The rule is deliberately strict where
 * the source is ambiguous about how far its 鼓励 reaches; a finding is reworded with the source's
 * own verb, or with the neutral 提出.
 */
export function overstatedRequirements(note: string, source: string): OverstatedRequirement[] {
  const sourceSentences = sentencesOf(squash(source), /[。！？；]/);
  const findings: OverstatedRequirement[] = [];
  for (const sentence of note.split('\n').flatMap((line) => sentencesOf(squash(line), /[。！？]/))) {
    for (const scope of sentence.split('要求').slice(1)) {
      const clauses = scope.split(/[，；：]/);
      clauses.forEach((raw, index) => {
        const clause = raw.replace(CONNECTIVE, '');
        const saidBefore = clauses.slice(0, index).join('，');
        if (SOFT_VERBS.some((verb) => clause.startsWith(verb))) return;
        const phrase = longestPrefixIn(clause, sourceSentences);
        if (phrase === undefined) return;
        for (const sourceSentence of sourceSentences) {
          const verb = softVerbBefore(sourceSentence, phrase);
          if (verb !== undefined && !saidBefore.includes(verb)) {
            findings.push({ sentence, phrase, verb, sourceSentence });
            return;
          }
        }
      });
    }
  }
  return findings;
}

function sentencesOf(text: string, end: RegExp): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (let at = 0; at < text.length; at += 1) {
    if (end.test(text[at] ?? '')) {
      sentences.push(text.slice(start, at + 1));
      start = at + 1;
    }
  }
  if (start < text.length) sentences.push(text.slice(start));
  return sentences;
}

/**
 * The longest beginning of the clause, at least MIN_PHRASE_CHARS long, that some source sentence
 * holds; failing that, the same without the clause's first two characters, since a note often
 * words the verb its own way (推进全员… for the source's 推动全员…).
 */
function longestPrefixIn(clause: string, sentences: readonly string[]): string | undefined {
  for (const text of [clause, clause.slice(2)]) {
    for (let length = text.length; length >= MIN_PHRASE_CHARS; length -= 1) {
      const prefix = text.slice(0, length);
      if (sentences.some((sentence) => sentence.includes(prefix))) return prefix;
    }
  }
  return undefined;
}

/** The soft verb nearest before the phrase in this sentence, if any. */
function softVerbBefore(sentence: string, phrase: string): SoftVerb | undefined {
  const at = sentence.indexOf(phrase);
  if (at < 0) return undefined;
  const before = sentence.slice(0, at);
  let nearest: { verb: SoftVerb; at: number } | undefined;
  for (const verb of SOFT_VERBS) {
    const found = before.lastIndexOf(verb);
    if (found >= 0 && (nearest === undefined || found > nearest.at)) nearest = { verb, at: found };
  }
  return nearest?.verb;
}

/**
 * The articles and 专栏 a text names: 第（十三）条 → art-13, 第（二十二）至（二十四）条 → art-22 and
 * art-24, 专栏7 → col-7. A note's 要求 may speak of another article than the one it explains.
 */
export function namedTargets(text: string): string[] {
  const articles = [...text.matchAll(/第((?:（[一二三四五六七八九十]+）[至、和]?)+)条/g)].flatMap((match) =>
    [...(match[1] ?? '').matchAll(/（([一二三四五六七八九十]+)）/g)].map((ordinal) => `art-${chineseToNumber(ordinal[1] ?? '')}`),
  );
  const columns = [...text.matchAll(/专栏\s*(\d)/g)].map((match) => `col-${match[1]}`);
  return [...new Set([...articles, ...columns])];
}
