/**
 * The annotations of the reading site, read from content/ at build time: notes on the 纲要's
 * parts, articles and 专栏, and the glossary. A malformed file stops the build with a Chinese
 * message naming the file and the field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import { BODY_HAN_LIMITS, NOTE_KINDS, NOTE_SCHEMAS, termSchema, type NoteKind, type NoteSource } from './schema.ts';
import { ContentError } from './content-error.ts';
import { projectRoot } from '#reading/corpus.ts';
import { checkFrontmatter } from './frontmatter-check.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { renderMarkdown, type RenderedMarkdown } from './markdown.ts';

export interface Note {
  kind: NoteKind;
  /** part-N, art-N or col-N */
  target: string;
  title: string;
  /** Where its statements come from, in the order written (see the schema's `source`). */
  source: NoteSource[];
  html: string;
  text: string;
  /** press only: quotes that each identify one turn of the press excerpt (resolve with resolveQuote). */
  turnQuotes: string[];
  /** compare only: provincial passages, each identified by a quote. */
  related: { slug: string; quote: string; relation: 'implements' | 'precedes' }[];
}

export interface Term {
  /** File name without .md, used as the anchor id. */
  slug: string;
  term: string;
  /** Exact forms marked in the official text. */
  aliases: string[];
  english?: string;
  html: string;
  text: string;
  source: NoteSource[];
}

let notesCache: Note[] | undefined;
let termsCache: Term[] | undefined;

export function loadNotes(): Note[] {
  notesCache ??= readNotes(join(projectRoot(), 'content', 'notes'));
  return notesCache;
}

export function loadTerms(): Term[] {
  termsCache ??= readTerms(join(projectRoot(), 'content', 'glossary'));
  return termsCache;
}

/** Reads content/notes/<kind>/*.md; exported for tests with their own folders. */
export function readNotes(notesDir: string): Note[] {
  const notes: Note[] = [];
  const seen = new Map<string, string>();
  for (const kind of readdirSync(notesDir).filter(visible).sort()) {
    if (!(NOTE_KINDS as string[]).includes(kind)) {
      throw new ContentError(shown(join(notesDir, kind)), undefined, `注释文件夹只能是 ${NOTE_KINDS.join('、')} 之一`);
    }
    for (const path of markdownFiles(join(notesDir, kind))) {
      const note = readNote(kind as NoteKind, path);
      const key = `${note.kind}:${note.target}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        throw new ContentError(shown(path), 'target', `${note.target} 已由 ${earlier} 注释；同一类注释每个位置只写一篇`);
      }
      seen.set(key, shown(path));
      notes.push(note);
    }
  }
  return notes.sort(byKindThenTarget);
}

/** Reads content/glossary/*.md; exported for tests with their own folders. */
export function readTerms(glossaryDir: string): Term[] {
  const terms = markdownFiles(glossaryDir).map(readTerm);
  const owner = new Map<string, string>();
  for (const term of terms) {
    for (const alias of term.aliases) {
      const other = owner.get(alias);
      if (other !== undefined)
        throw new ContentError(
          shown(join(glossaryDir, `${term.slug}.md`)),
          'aliases',
          `写法“${alias}”已属于名词 ${other}，一个写法只能对应一个名词`,
        );
      owner.set(alias, term.slug);
    }
  }
  return terms.sort((a, b) => a.term.localeCompare(b.term, 'zh-CN'));
}

function readNote(kind: NoteKind, path: string): Note {
  const file = shown(path);
  const { data, body } = splitFrontmatter(readFileSync(path, 'utf8'), file);
  const front = checkFrontmatter(NOTE_SCHEMAS[kind], data, file);
  const rendered = checkedBody(renderMarkdown(body), kind, file);
  return {
    kind,
    target: front.target,
    title: front.title,
    source: front.source,
    ...rendered,
    turnQuotes: 'turns' in front ? front.turns : [],
    related: 'related' in front ? front.related : [],
  };
}

function readTerm(path: string): Term {
  const file = shown(path);
  const slug = path.slice(path.lastIndexOf('/') + 1, -'.md'.length);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
    throw new ContentError(file, undefined, '文件名只能用小写拼音字母、数字和连字符，例如 zhiliang-jichu-sheshi.md');
  }
  const { data, body } = splitFrontmatter(readFileSync(path, 'utf8'), file);
  const front = checkFrontmatter(termSchema, data, file);
  const rendered = checkedBody(renderMarkdown(body), 'term', file);
  const term: Term = { slug, term: front.term, aliases: front.aliases, source: front.source, ...rendered };
  if (front.english !== undefined) term.english = front.english;
  return term;
}

/** Counts 汉字 only, so that numbers and punctuation do not pad a note. */
export function hanCount(text: string): number {
  return text.match(/\p{Script=Han}/gu)?.length ?? 0;
}

function checkedBody(rendered: RenderedMarkdown, kind: NoteKind | 'term', file: string): RenderedMarkdown {
  const [min, max] = BODY_HAN_LIMITS[kind];
  const count = hanCount(rendered.text);
  if (count < min || count > max) {
    throw new ContentError(file, '正文', `应有 ${min}–${max} 个汉字，现在是 ${count} 个`);
  }
  return rendered;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => visible(name) && name.endsWith('.md'))
    .sort()
    .map((name) => join(dir, name));
}

function visible(name: string): boolean {
  return !name.startsWith('.');
}

function shown(path: string): string {
  const fromRoot = relative(projectRoot(), path);
  return fromRoot.startsWith('..') || isAbsolute(fromRoot) ? path : fromRoot;
}

const KIND_ORDER: Record<NoteKind, number> = { shiyi: 0, press: 1, compare: 2, water: 3 };
const TARGET_ORDER: Record<string, number> = { part: 0, art: 1, col: 2 };

function targetRank(target: string): number {
  const [type = '', number = '0'] = target.split('-');
  return (TARGET_ORDER[type] ?? 9) * 100 + Number(number);
}

function byKindThenTarget(a: Note, b: Note): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || targetRank(a.target) - targetRank(b.target);
}
