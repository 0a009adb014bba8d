/**
 * Counts SQLite statement executions (get, all, run, iterate) made through node:sqlite in this
 * process, for the benches that report queries per export. `stop` puts the methods back.
 */
import { StatementSync } from 'node:sqlite';

const METHODS = ['get', 'all', 'run', 'iterate'] as const;

export function countStatements(): { readonly count: number; reset(): void; stop(): void } {
  let count = 0;
  const originals = METHODS.map((name) => StatementSync.prototype[name]);
  const define = (name: (typeof METHODS)[number], value: unknown) =>
    Object.defineProperty(StatementSync.prototype, name, { configurable: true, writable: true, value });
  METHODS.forEach((name, i) => {
    const original = originals[i]!;
    define(name, function (this: StatementSync, ...args: unknown[]) {
      count++;
      return Reflect.apply(original, this, args);
    });
  });
  return {
    get count() {
      return count;
    },
    reset: () => (count = 0),
    stop: () => METHODS.forEach((name, i) => define(name, originals[i])),
  };
}
