import type { DatabaseSync } from 'node:sqlite';
import { applyUnitImport, type ImportResult } from './apply-import.ts';
import { readUploadedTable } from './read-upload.ts';
import { readUnitTable } from './unit-table.ts';

export type UnitImportOutcome =
  { ok: true; result: ImportResult; format: string; count: number } | { ok: false; problems: string[]; format?: string };

/** The whole import: read the file, check every row, and change the list only if nothing is wrong. */
export async function importUnits(
  db: DatabaseSync,
  bytes: Uint8Array,
  categories: readonly string[],
  options: { deactivateMissing: boolean },
): Promise<UnitImportOutcome> {
  const table = await readUploadedTable(bytes);
  if (!table.ok) return { ok: false, problems: [table.message] };
  const { units, problems } = readUnitTable(table.rows, categories);
  if (problems.length > 0) return { ok: false, problems, format: table.format };
  return { ok: true, result: applyUnitImport(db, units, options), format: table.format, count: units.length };
}
