/**
 * A request body read into memory only up to a limit, so that a chunked post (no Content-Length)
 * of any size cannot fill the server's memory. For small bodies only: uploads stream through
 * #server/files/multipart.ts instead.
 */

/** The bytes of `body`, or undefined once it runs past `maxBytes` (the rest is not read). */
export async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Buffer<ArrayBuffer> | undefined> {
  if (!body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > maxBytes) {
      // Not awaited: a cancelled clone settles only once the original body is cancelled as well.
      reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
}

/** A capped body parsed as a form (urlencoded or multipart), or undefined when too long or unreadable. */
export async function readCappedForm(
  request: Request,
  maxBytes: number,
  options: { copy?: boolean } = {},
): Promise<FormData | 'too-large' | undefined> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return 'too-large';
  if (!request.body) return undefined;
  const body = await readCapped((options.copy ? request.clone() : request).body, maxBytes);
  if (!body) return 'too-large';
  try {
    return await new Response(body, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
  } catch {
    return undefined;
  }
}
