/**
 * A random hex key (idempotency keys, local photo ids). crypto.randomUUID only exists from
 * Chromium 92; getRandomValues works in every engine the form targets.
 */
export function randomKey(bytes: number = 16): string {
  const buffer = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buffer);
  let hex = '';
  for (let i = 0; i < buffer.length; i++) hex += (buffer[i]! < 16 ? '0' : '') + buffer[i]!.toString(16);
  return hex;
}
