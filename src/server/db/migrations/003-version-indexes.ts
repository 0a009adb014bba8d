import type { Migration } from '../migration.ts';

/**
 * Photos and essays are always read by their version. Without these indexes every such read scans
 * the whole table, so the progress board and the summary table slowed with the square of the
 * number of units (about 3 s for 300 units with 10 photos each; see the export bench).
 */
export const versionIndexes: Migration = {
  version: 3,
  description: '为照片和学习感想按版本建立索引',
  up: (db) =>
    db.exec(`
      CREATE INDEX photos_version ON photos(version_id, position);
      CREATE INDEX essays_version ON essays(version_id, position);
    `),
};
