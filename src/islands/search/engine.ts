/**
 * The browser side of search, loaded only when a reader starts searching: indexes the section
 * texts with the shared tokenizer while they download, then answers queries as the server does.
 */
import { readSearchData } from '#shared/search/data.ts';
import { assembleSearch, type SiteSearch } from '#shared/search/assembly.ts';
import { prepareDoc } from '#shared/search/engine.ts';
import { createIndexBuilder } from '#shared/search/index-build.ts';
import type { SearchDoc } from '#shared/search/types.ts';

/** Indexes each document as its line of the response arrives, so that indexing overlaps the download. */
export async function createClientSearch(response: Response): Promise<SiteSearch> {
  if (!response.ok) throw new Error(`search data ${response.status}`);
  const builder = createIndexBuilder();
  const all: SearchDoc[] = [];
  await readSearchData(response, (doc) => {
    all.push(doc);
    builder.add(doc);
  });
  const client = assembleSearch(builder.finish(), all);
  warmUp(all, client);
  return client;
}

const whenIdle: (step: () => void) => void =
  typeof requestIdleCallback === 'function' ? (step) => requestIdleCallback(step, { timeout: 1000 }) : (step) => setTimeout(step, 30);

/**
 * Once the first answer is on screen, prepares every section in small idle slices and runs one
 * search nobody sees, so that the reader's next keystroke is answered without first-use costs.
 */
function warmUp(all: readonly SearchDoc[], client: SiteSearch): void {
  const queue = [...all];
  const slice = () => {
    const until = performance.now() + 8;
    while (queue.length > 0 && performance.now() < until) prepareDoc(queue.pop()!);
    if (queue.length > 0) whenIdle(slice);
    else client.run({ query: '质量管理体系' });
  };
  whenIdle(slice);
}
