/** The address a request came from, for the log; never throws (prerender has none). */
export function clientIp(context: { clientAddress: string }): string {
  try {
    return context.clientAddress ?? '';
  } catch {
    return '';
  }
}
