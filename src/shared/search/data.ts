/**
 * The wire format of /search-data.json: valid JSON, with one document per line so that the browser
 * can index each document as soon as its line arrives instead of waiting for the whole file.
 */
import type { SearchDoc } from './types.ts';

const header = '{"version":1,"docs":[';
const footer = ']}';

/** Key order is fixed with the id first: a line is a document exactly when it starts with {"id":. */
function docLine(doc: SearchDoc): string {
  const { id, kind, label, title, context, href, text, aliases } = doc;
  return JSON.stringify({ id, kind, ...(label ? { label } : {}), title, context, href, text, ...(aliases ? { aliases } : {}) });
}

export function serializeSearchData(docs: readonly SearchDoc[]): string {
  return `${header}\n${docs.map(docLine).join(',\n')}\n${footer}\n`;
}

/** The document on one line of the file, or undefined for the opening and closing lines. */
export function parseSearchDataLine(line: string): SearchDoc | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{"id":')) return undefined;
  return JSON.parse(trimmed.endsWith(',') ? trimmed.slice(0, -1) : trimmed) as SearchDoc;
}

/** Feeds every document of a response to onDoc as its line arrives; resolves when the file is complete. */
export async function readSearchData(response: Response, onDoc: (doc: SearchDoc) => void): Promise<void> {
  let complete = false;
  const feed = (line: string) => {
    const doc = parseSearchDataLine(line);
    if (doc) onDoc(doc);
    else if (line.trim() === footer) complete = true;
  };
  const finish = () => {
    if (!complete) throw new Error('search data ended early');
  };
  const reader = response.body?.getReader();
  if (!reader) {
    (await response.text()).split('\n').forEach(feed);
    return finish();
  }
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  for (;;) {
    const { done, value } = await reader.read();
    pending += done ? decoder.decode() : decoder.decode(value, { stream: true });
    const lines = pending.split('\n');
    pending = done ? '' : lines.pop()!;
    lines.forEach(feed);
    if (done) return finish();
  }
}
