/**
 * The reason phrase of the status line. A page that sets Astro.response.status = 404 keeps the
 * statusText "OK" of the response it started from, and the adapter writes "404 OK": misleading in
 * nginx's logs and curl -I, which the IT staff read. The standard phrase for the code is written
 * instead of whatever came with it.
 */
import { STATUS_CODES, type ServerResponse } from 'node:http';

type WriteHead = ServerResponse['writeHead'];

export function standardReasonPhrases(res: ServerResponse): void {
  const writeHead = res.writeHead as (this: ServerResponse, status: number, ...rest: unknown[]) => ServerResponse;
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    const phrase = STATUS_CODES[status];
    if (phrase) {
      // Astro sets statusMessage before writeHead; other callers pass the phrase as an argument.
      this.statusMessage = phrase;
      if (typeof rest[0] === 'string') rest[0] = phrase;
    }
    return writeHead.call(this, status, ...rest);
  } as WriteHead;
}
