/**
 * The browser side of search, loaded only when a reader starts searching: indexes the section
 * texts with the shared tokenizer while they download, then answers queries as the server does.
 */
import { readSearchData } from '#shared/search/data.ts';
import { assembleSearch, type SiteSearch } from '#shared/search/assembly.ts';
import { prepareDoc } from '#shared/search/engine.ts';
import { prepareHighlight } from '#shared/search/snippet.ts';
import { createIndexBuilder, type IndexBuilder } from '#shared/search/index-build.ts';
import type { SearchDoc } from '#shared/search/types.ts';

/**
 * Indexes each document as its line of the response arrives, so that indexing overlaps the download,
 * but never while `quiet()` is pending: indexing holds the main thread, and while the server is
 * answering the reader's query its answer must not wait behind the index to be shown.
 *
 * Each section is also prepared for matching and highlighting as it is indexed, and one search
 * nobody sees runs before the index is handed over, so that the reader's next query pays no
 * first-use costs: the server has already answered the first one.
 */
export async function createClientSearch(response: Response, quiet: () => Promise<unknown> = () => Promise.resolve()): Promise<SiteSearch> {
  if (!response.ok) throw new Error(`search data ${response.status}`);
  const builder = createIndexBuilder();
  const all: SearchDoc[] = [];
  let indexed = 0;
  let caughtUp: Promise<void> = Promise.resolve();
  const catchUp = () => {
    caughtUp = caughtUp.then(quiet).then(() => {
      while (indexed < all.length) prepare(builder, all[indexed++]!);
    });
  };
  await readSearchData(response, (doc) => {
    all.push(doc);
    catchUp();
  });
  catchUp();
  await caughtUp;
  const client = assembleSearch(builder.finish(), all);
  client.run({ query: '质量管理体系' });
  return client;
}

function prepare(builder: IndexBuilder, doc: SearchDoc): void {
  builder.add(doc);
  prepareDoc(doc);
  prepareHighlight(doc.title);
  prepareHighlight(doc.text);
}
