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

const common = {
  /** Heading shown above the note. Required, at most 40 characters. */
  title: text('标题', 40),
  /** Where the content comes from, e.g. 《质量强国建设纲要》原文 or 本站编写，依据纲要原文. Required, at most 80 characters. */
  source: text('来源', 80),
};

/** 释义: a plain-language explanation of one article or 专栏; the body holds 80–250 汉字. */
export const shiyiSchema = z.strictObject({
  kind: z.literal('shiyi', { error: '应为 shiyi' }),
  /** The article or 专栏 explained: art-1…art-32 or col-1…col-7; no default. */
  target: targetOf(`(?:${ARTICLE}|${COLUMN})`, 'art-1…art-32、col-1…col-7'),
  ...common,
});

/** 发布会解读: what the 2023-02-16 press conference said about one part, article or 专栏. */
export const pressSchema = z.strictObject({
  kind: z.literal('press', { error: '应为 press' }),
  /** The part, article or 专栏 discussed; no default. */
  target: anyTarget,
  /** Verbatim phrases from the press excerpt, each found in exactly one turn; 1–6 of them. */
  turns: z.array(quote, { error: '应为引文列表，每行以“- ”开头' }).min(1, { error: '至少写一条引文' }).max(6, { error: '最多 6 条引文' }),
  ...common,
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
export const compareSchema = z.strictObject({
  kind: z.literal('compare', { error: '应为 compare' }),
  target: anyTarget,
  /** 1–6 passages; no default. */
  related: z
    .array(relatedPassage, { error: '应为列表，每项写 slug、quote、relation' })
    .min(1, { error: '至少写一处对照' })
    .max(6, { error: '最多 6 处对照' }),
  ...common,
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

/** Body length limits in 汉字, per kind: [min, max]. */
export const BODY_HAN_LIMITS: Record<NoteKind | 'term', readonly [number, number]> = {
  shiyi: [80, 250],
  press: [10, 150],
  compare: [10, 200],
  water: [60, 400],
  term: [15, 200],
};
