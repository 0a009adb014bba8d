/**
 * The frontmatter of every content file, one schema per kind. Each field says what it means,
 * its limit and its default; a file that breaks a rule stops the build (see annotations.ts).
 */
import { z } from 'zod';

const PART = '(?:part-(?:[1-9]|1[01]))';
const ARTICLE = '(?:art-(?:[1-9]|[12][0-9]|3[0-2]))';
const COLUMN = '(?:col-[1-7])';

/** Shortest quote, counted without whitespace: shorter phrases are rarely unique. */
export const QUOTE_MIN_CHARS = 8;
/** Longest quote: a quote points at a passage, it does not copy it. */
export const QUOTE_MAX_CHARS = 80;

export const RELATED_SLUGS = [
  'jilin-shishi-yijian-jiedu',
  'jilin-zhiliang-tisheng-2018',
  'jilin-zhiliang-tisheng-chengxiao',
  'jilin-zhiliang-qiangsheng-2012',
] as const;

export const RELATIONS = ['implements', 'precedes'] as const;

/**
 * The documents a note may draw on, by the name the page shows, with the text each stands for:
 * `gangyao`, `press` and `notice` are the three parts of seed 004, a slug is one of seeds 000–003.
 */
export const SOURCE_DOCUMENTS = {
  纲要原文: 'gangyao',
  '发布会稿件（节选）': 'press',
  新乡市水利局通知: 'notice',
  吉林省政策解读: 'jilin-shishi-yijian-jiedu',
  '吉林省质量提升行动实施意见（2018）': 'jilin-zhiliang-tisheng-2018',
  吉林省质量提升行动成效报道: 'jilin-zhiliang-tisheng-chengxiao',
  '吉林省质量强省意见（2012）': 'jilin-zhiliang-qiangsheng-2012',
} as const satisfies Record<string, 'gangyao' | 'press' | 'notice' | (typeof RELATED_SLUGS)[number]>;

/** The site's own wording: 本站归纳 for its summaries, glosses and advice; 通行释义 for definitions and sector practice that no seed contains. */
export const OWN_SOURCES = ['本站归纳', '通行释义'] as const;

export type SourceDocument = keyof typeof SOURCE_DOCUMENTS;
export type NoteSource = SourceDocument | (typeof OWN_SOURCES)[number];
export const NOTE_SOURCES = [...(Object.keys(SOURCE_DOCUMENTS) as SourceDocument[]), ...OWN_SOURCES] as const;

export const isSourceDocument = (source: NoteSource): source is SourceDocument => source in SOURCE_DOCUMENTS;

/** The name a document goes by in `source`, e.g. 吉林省政策解读 for jilin-shishi-yijian-jiedu. */
export const sourceNameOf = (document: string): string | undefined =>
  Object.entries(SOURCE_DOCUMENTS).find(([, text]) => text === document)?.[0];

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}必须填写，并且是一段文字` })
    .trim()
    .min(1, { error: `${label}不能为空` })
    .max(max, { error: `${label}最多 ${max} 个字` });

const targetOf = (pattern: string, allowed: string) =>
  z.string({ error: `必须填写所注释的位置，例如 ${allowed}` }).regex(new RegExp(`^${pattern}$`), { error: `应为 ${allowed} 之一` });

const anyTarget = targetOf(`(?:${PART}|${ARTICLE}|${COLUMN})`, 'part-1…part-11、art-1…art-32、col-1…col-7');

const quote = z
  .string({ error: '引文必须是一段文字' })
  .refine((value) => value.replace(/\s+/g, '').length >= QUOTE_MIN_CHARS, {
    error: `引文至少 ${QUOTE_MIN_CHARS} 个字（不计空白），太短难以唯一定位`,
  })
  .refine((value) => value.replace(/\s+/g, '').length <= QUOTE_MAX_CHARS, {
    error: `引文最多 ${QUOTE_MAX_CHARS} 个字，只摘能唯一定位的一句`,
  });

/**
 * Where the note's statements come from, shown beside it: 1–5 different names of NOTE_SOURCES,
 * written as a YAML list, e.g. `[纲要原文, 本站归纳]`; no default. A document name vouches for
 * quotation: every phrase the note puts in “…” occurs verbatim (whitespace aside) in one of the
 * documents named. The site's own wording (本站归纳, 通行释义) is never put in “…”; a coined phrase
 * that needs setting off goes in 「…」. tests/unit/annotations-sources.test.ts holds every file to this.
 */
const sources = z
  .array(z.enum(NOTE_SOURCES, { error: `来源应为以下之一：${NOTE_SOURCES.join('、')}` }), {
    error: `来源应写成列表，例如 [纲要原文, 本站归纳]`,
  })
  .min(1, { error: '至少写一个来源' })
  .max(5, { error: '最多写 5 个来源' })
  .refine((list) => new Set(list).size === list.length, { error: '同一来源只写一次' });

const common = {
  /** Heading shown above the note. Required, at most 40 characters. */
  title: text('标题', 40),
  source: sources,
};

/** 释义: a plain-language explanation of one article or 专栏; the body holds 80–250 汉字. */
export const shiyiSchema = z.strictObject({
  kind: z.literal('shiyi', { error: '应为 shiyi' }),
  /** The article or 专栏 explained: art-1…art-32 or col-1…col-7; no default. */
  target: targetOf(`(?:${ARTICLE}|${COLUMN})`, 'art-1…art-32、col-1…col-7'),
  ...common,
});

/** 发布会解读: what the 2023-02-16 press conference said about one part, article or 专栏. */
export const pressSchema = z
  .strictObject({
    kind: z.literal('press', { error: '应为 press' }),
    /** The part, article or 专栏 discussed; no default. */
    target: anyTarget,
    /** Verbatim phrases from the press excerpt, each found in exactly one turn; 1–6 of them. */
    turns: z.array(quote, { error: '应为引文列表，每行以“- ”开头' }).min(1, { error: '至少写一条引文' }).max(6, { error: '最多 6 条引文' }),
    /** As for every note; must name 发布会稿件（节选）, which the turns quote. */
    ...common,
  })
  .refine((note) => note.source.includes('发布会稿件（节选）'), {
    error: '发布会解读引用了发布会稿件，来源应包含 发布会稿件（节选）',
    path: ['source'],
  });

/** One provincial passage related to the target, found by a verbatim quote. */
const relatedPassage = z.strictObject({
  /** Slug of the related document (seeds 000–003). */
  slug: z.enum(RELATED_SLUGS, { error: `应为以下之一：${RELATED_SLUGS.join('、')}` }),
  /** Verbatim phrase found in exactly one paragraph of that document; whitespace is ignored. */
  quote,
  /** implements: the provincial text carries the article out; precedes: it came earlier on the same matter. */
  relation: z.enum(RELATIONS, { error: '应为 implements（落实）或 precedes（先行）' }),
});

/** 对照: how provincial documents implement or preceded one article or 专栏. */
export const compareSchema = z
  .strictObject({
    kind: z.literal('compare', { error: '应为 compare' }),
    target: anyTarget,
    /** 1–6 passages; no default. */
    related: z
      .array(relatedPassage, { error: '应为列表，每项写 slug、quote、relation' })
      .min(1, { error: '至少写一处对照' })
      .max(6, { error: '最多 6 处对照' }),
    /** As for every note; must name each document that `related` quotes. */
    ...common,
  })
  .superRefine((note, context) => {
    const named = new Set<string>(note.source.filter(isSourceDocument).map((name) => SOURCE_DOCUMENTS[name]));
    for (const slug of new Set(note.related.map((passage) => passage.slug))) {
      if (!named.has(slug))
        context.addIssue({ code: 'custom', path: ['source'], message: `related 引用了 ${slug}，来源应包含 ${sourceNameOf(slug)}` });
    }
  });

/** 水利: what an article means for a county water bureau's daily work. */
export const waterSchema = z.strictObject({
  kind: z.literal('water', { error: '应为 water' }),
  target: anyTarget,
  ...common,
});

/** 名词: one glossary term; the file name (without .md) is its slug. */
export const termSchema = z
  .strictObject({
    /** The term as displayed, at most 20 characters. */
    term: text('名词', 20),
    /** Every exact form marked in the official text, quotes included where printed with them; 1–6 forms of 2–20 characters. */
    aliases: z
      .array(
        z.string({ error: '每个写法必须是文字' }).min(2, { error: '每个写法至少 2 个字' }).max(20, { error: '每个写法最多 20 个字' }),
        { error: '应为写法列表，每行以“- ”开头' },
      )
      .min(1, { error: '至少写一个在原文中出现的写法' })
      .max(6, { error: '最多 6 个写法' }),
    /** English name or abbreviation where a standard one exists; optional, at most 80 characters. */
    english: text('英文名称', 80).optional(),
    ...common,
  })
  .omit({ title: true });

export type ShiyiFrontmatter = z.infer<typeof shiyiSchema>;
export type PressFrontmatter = z.infer<typeof pressSchema>;
export type CompareFrontmatter = z.infer<typeof compareSchema>;
export type WaterFrontmatter = z.infer<typeof waterSchema>;
export type TermFrontmatter = z.infer<typeof termSchema>;

export const NOTE_SCHEMAS = { shiyi: shiyiSchema, press: pressSchema, compare: compareSchema, water: waterSchema } as const;
export type NoteKind = keyof typeof NOTE_SCHEMAS;
export const NOTE_KINDS = Object.keys(NOTE_SCHEMAS) as NoteKind[];
/** Each kind's label, on the 纲要 page and in search results alike. */
export const NOTE_KIND_LABEL: Record<NoteKind, string> = { shiyi: '释义', press: '发布会解读', compare: '对照', water: '水利' };

/** Body length limits in 汉字, per kind: [min, max]. */
export const BODY_HAN_LIMITS: Record<NoteKind | 'term', readonly [number, number]> = {
  shiyi: [80, 250],
  press: [10, 150],
  compare: [10, 200],
  water: [60, 400],
  term: [15, 200],
};
