/**
 * The structured documents that the parser derives from seeds/. Every page of the reading site,
 * the annotations and the search index are built from these shapes; the ids are public contracts.
 */

/** A paragraph of official text exactly as issued, after re-joining PDF line breaks and the listed 勘误. */
export interface Paragraph {
  /** Stable anchor inside its page, e.g. `art-13-p2`. */
  id: string;
  text: string;
}

/** One —— item of 主要目标 or of a 专栏. */
export interface DashItem {
  /** `art-2-p3` for goals (the paragraph's id), `col-3-i2` for 专栏 items. */
  id: string;
  /** The lead phrase before the first 。 e.g. 经济发展质量效益明显提升 */
  lead: string;
  /** The whole item text without the leading ——. */
  text: string;
}

/** （一）…（三十二）: an article of the 纲要. */
export interface Article {
  /** `art-1` … `art-32` */
  id: string;
  number: number;
  /** Chinese ordinal as printed, e.g. 十三 */
  ordinal: string;
  /** Heading without the bracketed ordinal, e.g. 强化工程质量保障 */
  title: string;
  /**
   * Body paragraphs in source order; the first one starts after the heading's 。 where heading and
   * body share a line (print them run-in: （三）增强质量发展创新动能。建立…). Article 2's —— goal
   * items are paragraphs here too, so the order of the official text is kept.
   */
  paragraphs: Paragraph[];
  /** The —— items among the paragraphs (only article 2, 主要目标); ids equal the paragraph ids. */
  goals: DashItem[];
  partId: string;
}

/** 专栏1 … 专栏7 */
export interface Column {
  /** `col-1` … `col-7` */
  id: string;
  number: number;
  title: string;
  items: DashItem[];
  partId: string;
  /** The article this box stands after in the source. */
  afterArticleId: string;
}

/** 一、… 十一、: a part of the 纲要. */
export interface Part {
  /** `part-1` … `part-11` */
  id: string;
  number: number;
  ordinal: string;
  title: string;
  /** Paragraphs directly under the part heading (only 形势背景 has them). */
  paragraphs: Paragraph[];
  articleIds: string[];
  columnIds: string[];
}

export interface Gangyao {
  title: string;
  preamble: Paragraph[];
  parts: Part[];
  articles: Article[];
  columns: Column[];
  /** Articles whose ordinal the source printed with half-width brackets, e.g. (十三); shown as （十三）. */
  halfWidthArticles: number[];
}

/** A correction of an extraction error, shown to readers on the about page. */
export interface Erratum {
  /** 1-based line in the seed file. */
  line: number;
  seed: string;
  original: string;
  corrected: string;
  /** The phrase around the correction, as printed after correcting. */
  context: string;
  /** Where the corrected text appears on the site, e.g. `art-4`. */
  targetId: string;
}

/** A 说明 of the 勘误 table: text shown exactly as printed that readers should know about; not a correction. */
export interface ErratumNote {
  seed: string;
  /** 1-based lines in the seed file. */
  lines: number[];
  /** What the source prints, and where. */
  printed: string;
  /** Why the text stands unchanged, and what else is known. */
  remark: string;
  /** Where the text appears on the site, e.g. `turn-8` of the press excerpt. */
  targetId: string;
}

export interface NoticeSection {
  /** `sec-1` … `sec-5` */
  id: string;
  ordinal: string;
  title: string;
  paragraphs: Paragraph[];
}

export interface Notice {
  issuer: string;
  title: string;
  addressees: string;
  opening: Paragraph[];
  sections: NoticeSection[];
  requirement: {
    /** ISO date of the deadline as printed, e.g. 2023-02-27 */
    deadlineDate: string;
    /** as printed: 下班前 */
    deadlineTime: string;
    /** what must be sent, in the notice's words */
    materials: string[];
    /** the number of essays asked for */
    essayCount: number;
    recipient: string;
    text: string;
  };
  attachments: string[];
  contact: { person: string; phones: string[]; email: string };
}

export interface PressTurn {
  /** `turn-1` … */
  id: string;
  number: number;
  speaker: string;
  /** Role or organisation, e.g. 国家市场监管总局副局长、国家标准化管理委员会主任 or 新华社记者 */
  role: string;
  kind: 'question' | 'answer' | 'host' | 'statement';
  paragraphs: Paragraph[];
}

export interface PressConference {
  title: string;
  intro: Paragraph[];
  turns: PressTurn[];
}

export interface RelatedHeading {
  id: string;
  level: 1 | 2 | 3;
  text: string;
}

export type RelatedBlock = { type: 'heading'; heading: RelatedHeading } | { type: 'paragraph'; paragraph: Paragraph };

/** One of seeds 000–003: provincial documents kept as related reading. */
export interface RelatedDocument {
  /** URL slug, e.g. `jilin-shishi-jiedu` */
  slug: string;
  seed: string;
  title: string;
  /** True when the source has no title and the site supplied one (shown as 本站拟题). */
  titleSupplied: boolean;
  /** Date or issuer line when the source has one. */
  meta: string;
  blocks: RelatedBlock[];
}

export interface Corpus {
  notice: Notice;
  gangyao: Gangyao;
  press: PressConference;
  related: RelatedDocument[];
  errata: Erratum[];
  /** 说明 rows of the 勘误 table, listed after the corrections and never counted with them. */
  errataNotes: ErratumNote[];
}
