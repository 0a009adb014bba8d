import { describe, expect, it } from 'vitest';
import { isRetryableStatus, retryDelayMs } from '#shared/submission/upload-backoff.ts';

describe('retrying a photo upload on a weak uplink', () => {
  it('waits longer after each failed try', () => {
    const delays = [1, 2, 3, 4].map((attempt) => retryDelayMs(attempt));
    expect(delays).toEqual([1000, 2000, 4000, 8000]);
  });

  it('never waits more than about half a minute', () => {
    expect(retryDelayMs(20, 0.999)).toBeLessThanOrEqual(45_000);
    expect(retryDelayMs(20, 0)).toBeGreaterThanOrEqual(22_500);
  });

  it('spreads retries from many phones apart', () => {
    expect(retryDelayMs(2, 0)).toBeLessThan(retryDelayMs(2, 0.99));
  });

  it('retries a dropped connection or a busy server, not a refused file or a wrong code', () => {
    expect([0, 408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 413, 415, 422].some(isRetryableStatus)).toBe(false);
  });
});
