import type { Migration } from './migration.ts';
import { initialSchema } from './migrations/001-initial-schema.ts';
import { documentTextsAndAdoptions } from './migrations/002-document-texts-and-adoptions.ts';

/**
 * Every schema change, oldest first. To change the schema, add a file
 * `migrations/NNN-what-it-does.ts` exporting a `Migration` with the next version and append it
 * here; never edit a step that has shipped, because databases in use have already run it.
 */
export const MIGRATIONS: readonly Migration[] = [initialSchema, documentTextsAndAdoptions];
