/**
 * The text behind each document name that a note's `source` may give, as the seeds have it: what a
 * phrase in “…” is looked up in. The 纲要 is read with its listed 勘误 applied, as the site shows it.
 */
import { SOURCE_DOCUMENTS, type SourceDocument } from './schema.ts';
import { NOTICE_SEED, loadCorpus, readSeed } from '#reading/corpus.ts';
import { correctStrayAnd } from '#reading/parse/errata.ts';
import { toLines, type SourceLine } from '#reading/parse/lines.ts';
import { splitNoticeSeed } from '#reading/parse/regions.ts';

const joined = (lines: SourceLine[]) => lines.map((line) => line.text).join('\n');

export function sourceDocumentText(name: SourceDocument): string {
  const document = SOURCE_DOCUMENTS[name];
  if (document === 'gangyao' || document === 'press' || document === 'notice') {
    const regions = splitNoticeSeed(toLines(readSeed(NOTICE_SEED)));
    return joined(document === 'gangyao' ? correctStrayAnd(regions.gangyao).lines : regions[document]);
  }
  const seed = loadCorpus().related.find((related) => related.slug === document)?.seed;
  if (seed === undefined) throw new Error(`content/related.yaml 中没有 ${document}，来源“${name}”无从查对`);
  return readSeed(seed);
}
