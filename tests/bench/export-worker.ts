/**
 * One export in a fresh process, so its peak RSS is its own: `node export-worker.ts DATA_DIR KIND`.
 * Writes the file to a sink that only counts bytes and prints {ms, queries, bytes, peakRssMb, heapMb, externalMb} as JSON.
 */
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { loadCampaign } from '#server/campaign/campaign.ts';
import { openDatabase } from '#server/db/database.ts';
import { exportKind } from '#server/export/exports.ts';
import { countStatements } from './count-statements.ts';

// Peak JS heap and Buffer memory, sampled: RSS alone cannot tell live data from garbage awaiting GC.
const peak = { heapMb: 0, externalMb: 0 };
setInterval(() => {
  const m = process.memoryUsage();
  peak.heapMb = Math.max(peak.heapMb, Math.round(m.heapUsed / 1048576));
  peak.externalMb = Math.max(peak.externalMb, Math.round(m.external / 1048576));
}, 20).unref();

const [dataDir, kindName] = process.argv.slice(2) as [string, string];
const kind = exportKind(kindName)!;
const db = openDatabase(dataDir);
const campaign = loadCampaign();
let bytes = 0;
// A reader slower than the writer, like a download over the intranet: backpressure must hold.
const sink = new Writable({
  highWaterMark: 64 * 1024,
  write(chunk: Buffer, _encoding, done) {
    bytes += chunk.length;
    setImmediate(done);
  },
});
const statements = countStatements();
const started = performance.now();
await kind.write({ db, dataDir, campaign, now: new Date() }, sink);
await finished(sink);
const ms = performance.now() - started;
console.log(
  JSON.stringify({
    ms: Math.round(ms),
    queries: statements.count,
    bytes,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    ...peak,
  }),
);
