/**
 * The search document: one addressable section of the site (a part, article or 专栏 of the 纲要, a
 * note, a glossary term, a press turn, a notice section, a section of a related document).
 */

export const searchKinds = ['gangyao', 'note', 'term', 'press', 'notice', 'related'] as const;
export type SearchKind = (typeof searchKinds)[number];

/** How each kind is labelled on a result, in reading order of importance. */
export const searchKindLabels: Record<SearchKind, string> = {
  gangyao: '纲要原文',
  note: '注释',
  term: '名词',
  press: '发布会',
  notice: '通知',
  related: '延伸阅读',
};

export interface SearchDoc {
  /** Unique across kinds, e.g. `art-13`, `note-art-13-1`, `term-shouxi-zhiliangguan`. */
  id: string;
  kind: SearchKind;
  title: string;
  /** Where the section sits, shown above its title and not searched, e.g. 六、提升建设工程品质. */
  context: string;
  /** The page and the exact anchor, e.g. `/gangyao/#art-13`. */
  href: string;
  /** Plain text, paragraphs joined by newlines. */
  text: string;
  /** Notes only: which kind of note, e.g. 对照 or 水利, shown instead of the kind's own label. */
  label?: string;
  /** Glossary terms only: other exact names of the term, as printed. */
  aliases?: string[];
}

/** What /search-data.json carries: the documents, from which the index is built or loaded. */
export interface SearchData {
  version: 1;
  docs: SearchDoc[];
}
