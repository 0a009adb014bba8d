import { correctStrayAnd } from './parse/errata.ts';
import { toLines } from './parse/lines.ts';
import { splitNoticeSeed } from './parse/regions.ts';

/**
 * The check that the site shows the official text unchanged: every sentence of the 纲要 in the
 * seed must appear, in order, in what the site renders. Whitespace is ignored on both sides (the PDF
 * put line breaks and spaces anywhere) and so are the listed 勘误 and the full-width article brackets.
 */
const squash = (text: string) => text.replace(/\s+/g, '');
const fullWidthOrdinals = (text: string) => text.replace(/\(([一二三四五六七八九十]+)\)/g, '（$1）');

export function officialSentences(noticeSeed: string): string[] {
  const { gangyao } = splitNoticeSeed(toLines(noticeSeed));
  const text = fullWidthOrdinals(
    squash(
      correctStrayAnd(gangyao)
        .lines.map((line) => line.text)
        .join(''),
    ),
  );
  return text.match(/[^。！？；]+[。！？；]?/g) ?? [];
}

/** Sentences not found in `rendered`, in order: an empty list means the text is complete and in order. */
export function missingSentences(sentences: string[], rendered: string): string[] {
  const haystack = squash(rendered);
  const missing: string[] = [];
  let from = 0;
  for (const sentence of sentences) {
    const at = haystack.indexOf(sentence, from);
    if (at < 0) missing.push(sentence);
    else from = at + sentence.length;
  }
  return missing;
}
