/** The address a request came from, for the log; never throws (prerender has none). */
export function clientIp(context: { clientAddress: string }): string {
  try {
    return context.clientAddress ?? '';
  } catch {
    return '';
  }
}

/** HTTPS directly, or through a proxy that says so. */
export function isHttps(request: Request, url: URL): boolean {
  return url.protocol === 'https:' || request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}
