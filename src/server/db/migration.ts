import type { DatabaseSync } from 'node:sqlite';

/**
 * One step of the schema's history. Steps are applied in order, each in its own transaction, and
 * the database records the last one applied in `PRAGMA user_version`.
 */
export interface Migration {
  /** 1, 2, 3…: one more than the step before it. */
  readonly version: number;
  /** What the step changes, in Chinese: shown in the log when it runs. */
  readonly description: string;
  /** Changes the schema (and moves rows when needed); runs inside the step's transaction. */
  readonly up: (db: DatabaseSync) => void;
}
