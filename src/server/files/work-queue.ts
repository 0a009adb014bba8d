/**
 * Runs at most `concurrency` tasks at once; the others wait their turn in arrival order. Photo
 * decoding goes through one of these so that ten units uploading at once cost the memory of two
 * decodes, not ten.
 */
export interface WorkQueue {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running and waiting, for the benchmark. */
  readonly pending: number;
}

export function createQueue(concurrency: number): WorkQueue {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      // A finishing task hands its slot straight to the next waiter, so `active` never overshoots.
      if (active >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
      else active++;
      try {
        return await task();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else active--;
      }
    },
    get pending() {
      return active + waiting.length;
    },
  };
}
