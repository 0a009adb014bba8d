import type { SourceLine } from './lines.ts';

/** A correction made to a source line, before it is placed on a page. */
export interface Correction {
  line: number;
  original: string;
  corrected: string;
  /** The corrected phrase with a few characters either side, to find it on the page. */
  context: string;
}

/**
 * The PDF of the 纲要 carries the English word "and" where the official text has 和, between two
 * Chinese words ("重点行业 and 重点产品"). Only that exact shape is corrected, and every correction
 * is returned so the site lists it openly as 勘误. Nothing else of the text is touched.
 */
const STRAY_AND = /([\u4e00-\u9fff]) and ([\u4e00-\u9fff])/g;

export function correctStrayAnd(lines: SourceLine[]): { lines: SourceLine[]; corrections: Correction[] } {
  const corrections: Correction[] = [];
  const corrected = lines.map(({ no, text }) => ({
    no,
    text: text.replace(STRAY_AND, (match, before: string, after: string, offset: number) => {
      const fixed = `${before}和${after}`;
      const head = text.slice(Math.max(0, offset - 3), offset);
      const tail = text.slice(offset + match.length, offset + match.length + 3);
      corrections.push({ line: no, original: head + match + tail, corrected: head + fixed + tail, context: head + fixed + tail });
      return fixed;
    }),
  }));
  return { lines: corrected, corrections };
}

/** A name the source itself prints in more than one way. */
export interface Spelling {
  /** The office printed right before the name, which pins down the lines. */
  office: string;
  /** Each printed form with the place it stands in, in source order. */
  forms: { text: string; where: string }[];
  /** The form public reports give. The seeds cannot settle it, so the site only reports it. */
  reported: string;
}

/**
 * The press excerpt names the NDRC speaker 龚楨楮 in the host's list of who attends and 龚桢桢 above
 * his answer; public reports of the conference give 龚桢梽. Which is right is not the site's to
 * decide from the seeds, so both stay as printed and the about page lists them as a 说明.
 */
export const SPELLINGS: readonly Spelling[] = [
  {
    office: '国家发展和改革委员会产业发展司负责人',
    forms: [
      { text: '龚楨楮', where: '出席人员名单' },
      { text: '龚桢桢', where: '答问发言人标题' },
    ],
    reported: '龚桢梽',
  },
];

/** A 说明 of the 勘误 table: something shown exactly as printed, with what readers should know about it. */
export interface SpellingNote {
  /** 1-based lines of the seed that hold the forms, in source order. */
  lines: number[];
  /** The printed forms as found, e.g. ["龚楨楮", "龚桢桢"]. */
  forms: string[];
  /** What the source prints, e.g. 出席人员名单作“龚楨楮”；答问发言人标题作“龚桢桢”. */
  printed: string;
  remark: string;
}

/** Finds each spelling in the lines; a form that is missing stops the build, since the note would no longer be true. */
export function spellingNotes(lines: readonly SourceLine[], spellings: readonly Spelling[] = SPELLINGS): SpellingNote[] {
  return spellings.map(({ office, forms, reported }) => {
    const found = forms.map(({ text, where }) => {
      const line = lines.find((candidate) => candidate.text.includes(`${office}${text}`));
      if (line === undefined)
        throw new Error(`原文中找不到“${office}${text}”，勘误表中的说明已与原文不符，请核对 src/reading/parse/errata.ts`);
      return { no: line.no, text, where };
    });
    return {
      lines: found.map((form) => form.no),
      forms: found.map((form) => form.text),
      printed: found.map((form) => `${form.where}作“${form.text}”`).join('；'),
      remark: `原文前后写法不一，本站照录，未作改动；公开报道中的写法为“${reported}”。`,
    };
  });
}
