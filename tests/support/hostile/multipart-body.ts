/**
 * A multipart/form-data body written by hand, so a part may carry what FormData would never send:
 * a NUL or a raw line break in its file name, a file with an empty name.
 */
export interface RawPart {
  name: string;
  /** Present for a file part; written into the header byte for byte (UTF-8). */
  filename?: string;
  type?: string;
  content: Buffer | string;
}

export function rawMultipart(parts: RawPart[]): { body: Buffer; contentType: string } {
  const boundary = `----hostile${Math.random().toString(36).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`;
    const type = part.type ? `\r\nContent-Type: ${part.type}` : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`, 'utf8'));
    chunks.push(typeof part.content === 'string' ? Buffer.from(part.content, 'utf8') : part.content);
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The body as a POST Request, as Astro hands it to a route. */
export function rawMultipartRequest(url: string, parts: RawPart[]): Request {
  const { body, contentType } = rawMultipart(parts);
  return new Request(url, { method: 'POST', body: new Uint8Array(body), headers: { 'content-type': contentType } });
}
