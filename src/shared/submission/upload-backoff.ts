/**
 * When a photo upload fails on a weak uplink the form tries again by itself, waiting longer
 * each time, and stops after a few tries to show a 重试 button instead of spinning forever.
 */

export const MAX_AUTO_RETRIES = 5;

/** Milliseconds to wait before retry number `attempt` (1-based); `random` in [0, 1) spreads retries out. */
export function retryDelayMs(attempt: number, random: number = 0.5): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.75 + random * 0.5));
}

/**
 * Whether a failed request is worth repeating unchanged: the network dropped (status 0), the server
 * was busy or briefly down. A refused file (too big, wrong type) or a wrong 报送码 is not.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status === 502 || status === 503 || status === 504 || status === 500;
}
