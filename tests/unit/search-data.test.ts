import { describe, expect, it } from 'vitest';
import { parseSearchDataLine, readSearchData, serializeSearchData } from '#shared/search/data.ts';
import type { SearchData, SearchDoc } from '#shared/search/types.ts';

const docs: SearchDoc[] = [
  {
    id: 'art-20',
    kind: 'gangyao',
    title: '（二十）提升全面质量管理水平',
    context: '八、',
    href: '/gangyao/#art-20',
    text: '健全企业首席质量官制度。\n第二段',
  },
  {
    id: 'term-x',
    kind: 'term',
    title: '“双随机、一公开”',
    context: '名词解释',
    href: '/mingci/#x',
    text: '含 "引号" 与 \\ 反斜杠',
    aliases: ['双随机、一公开'],
  },
];

/** A response whose body arrives in the given pieces of bytes, as a slow link delivers it. */
function chunkedResponse(text: string, size: number): Response {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
  return new Response(body);
}

describe('the search data file', () => {
  it('is valid JSON holding every document unchanged', () => {
    expect(JSON.parse(serializeSearchData(docs)) as SearchData).toEqual({ version: 1, docs });
  });

  it('puts each document on a line of its own, with nothing else on that line', () => {
    const lines = serializeSearchData(docs).split('\n');
    expect(lines.map(parseSearchDataLine).filter(Boolean)).toEqual(docs);
  });

  it.each([1, 7, 64, 100_000])('hands over every document in order when the body arrives in %i-byte pieces', async (size) => {
    const seen: SearchDoc[] = [];
    await readSearchData(chunkedResponse(serializeSearchData(docs), size), (doc) => seen.push(doc));
    expect(seen).toEqual(docs);
  });

  it('rejects a file cut off in the middle of a document rather than indexing half of it', async () => {
    const text = serializeSearchData(docs);
    const cut = text.slice(0, text.indexOf('反斜杠'));
    await expect(readSearchData(chunkedResponse(cut, 16), () => {})).rejects.toThrow();
  });

  it('rejects a file that stops between two documents, so a partial index is never used', async () => {
    const text = serializeSearchData(docs);
    const cut = text.slice(0, text.indexOf('\n', text.indexOf('art-20')) + 1);
    await expect(readSearchData(chunkedResponse(cut, 16), () => {})).rejects.toThrow(/ended early/);
  });
});
