import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Corpus, Erratum, Gangyao } from './types.ts';
import { correctStrayAnd, spellingNotes, type Correction } from './parse/errata.ts';
import { parseGangyao } from './parse/gangyao.ts';
import { toLines } from './parse/lines.ts';
import { parseNotice } from './parse/notice.ts';
import { parsePress } from './parse/press.ts';
import { parseRelated } from './parse/related.ts';
import { splitNoticeSeed } from './parse/regions.ts';

/** The seed that carries the notice, the 纲要 and the press excerpt. */
export const NOTICE_SEED = '004_a095563d9a1bfe59.txt';

const relatedList = z.array(
  z.object({
    /** File name in seeds/ */
    seed: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/),
    /** URL slug under /yuedu/ */
    slug: z.string().regex(/^[a-z0-9-]+$/),
    /** Only for sources without a title line of their own. */
    suppliedTitle: z.string().min(4).optional(),
  }),
);

/** The project root: where seeds/ and content/ are. Build and server both run from it. */
export function projectRoot(): string {
  return resolve(process.env['PROJECT_ROOT'] ?? process.cwd());
}

export function readSeed(name: string, root = projectRoot()): string {
  return readFileSync(join(root, 'seeds', name), 'utf8');
}

/** Where each correction lands: the article, part or 专栏 whose text now holds the corrected phrase. */
function placeCorrections(corrections: Correction[], gangyao: Gangyao): Erratum[] {
  const holders = [
    ...gangyao.articles.map((a) => ({ id: a.id, text: `${a.title}。` + a.paragraphs.map((p) => p.text).join('') })),
    ...gangyao.columns.map((c) => ({ id: c.id, text: c.items.map((i) => i.text).join('') })),
    ...gangyao.parts.map((p) => ({ id: p.id, text: p.paragraphs.map((x) => x.text).join('') })),
  ];
  return corrections.map((c) => ({
    ...c,
    seed: NOTICE_SEED,
    targetId: holders.find((h) => h.text.includes(c.context))?.id ?? 'gangyao',
  }));
}

/** Parses every seed. Pure apart from reading the files; call `loadCorpus()` for the memoised one. */
export function buildCorpus(root = projectRoot()): Corpus {
  const regions = splitNoticeSeed(toLines(readSeed(NOTICE_SEED, root)));
  const corrected = correctStrayAnd(regions.gangyao);
  const gangyao = parseGangyao(corrected.lines);
  const press = parsePress(regions.press);
  const sources = relatedList.parse(parseYaml(readFileSync(join(root, 'content', 'related.yaml'), 'utf8')));
  return {
    notice: parseNotice(regions.notice),
    gangyao,
    press,
    related: sources.map((source) => parseRelated(toLines(readSeed(source.seed, root)), source)),
    errata: placeCorrections(corrected.corrections, gangyao),
    errataNotes: spellingNotes(regions.press).map(({ lines, forms, printed, remark }) => ({
      seed: NOTICE_SEED,
      lines,
      printed,
      remark,
      targetId: press.turns.find((turn) => forms.includes(turn.speaker))?.id ?? 'press',
    })),
  };
}

let memo: Corpus | undefined;

export function loadCorpus(): Corpus {
  memo ??= buildCorpus();
  return memo;
}
