/**
 * What the 情况汇总 says, taken only from the records: the board's numbers (through the same
 * functions the board uses), the 做法 lines the organiser picked in the order given, and the units
 * table. Nothing here is written by the program beyond the labels of the numbers.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Requirements } from '#shared/campaign/schema.ts';
import { summarise, unitProgress, type ProgressSummary, type UnitProgress } from '#server/progress/progress.ts';
import { listFeatured } from '#server/review/featured.ts';
import { adoptedPassages, adoptedPhotos, type AdoptedPassage, type AdoptedPhoto } from '#server/review/adoption.ts';

/** One 做法 line of a unit's current 台账, as the export page offers it for picking. */
export interface PracticeLine {
  /** 'a<activity id>': what the export page's form posts. */
  key: string;
  unitName: string;
  date: string;
  form: string;
  practice: string;
}

export interface SituationData {
  summary: ProgressSummary;
  photos: number;
  essays: number;
  featured: number;
  /** The 二、主要做法 items the organiser picked, in order: 做法 lines and adopted passages. */
  practices: MainItem[];
  units: UnitProgress[];
  photosAdopted: AdoptedPhoto[];
}

export type MainItem = ({ type: 'practice' } & PracticeLine) | ({ type: 'passage' } & AdoptedPassage);

/** Everything the export page offers for 二、主要做法, in the order of the unit list. */
export function mainItems(db: DatabaseSync): MainItem[] {
  return [
    ...practiceLines(db).map((line): MainItem => ({ type: 'practice', ...line })),
    ...adoptedPassages(db).map((passage): MainItem => ({ type: 'passage', ...passage })),
  ];
}

/** Every 做法 line of the units' current versions, in the order of the unit list and of each 台账. */
export function practiceLines(db: DatabaseSync): PracticeLine[] {
  const rows = db
    .prepare(
      `SELECT a.id, u.name, a.activity_date, a.form, a.practice FROM activities a
       JOIN submissions s ON s.current_version_id = a.version_id JOIN units u ON u.id = s.unit_id
       WHERE u.active = 1 AND a.activity_date IS NOT NULL AND TRIM(a.practice) <> ''
       ORDER BY u.sort_order, u.id, a.position`,
    )
    .all() as { id: number; name: string; activity_date: string; form: string; practice: string }[];
  return rows.map((r) => ({ key: `a${r.id}`, unitName: r.name, date: r.activity_date, form: r.form, practice: r.practice }));
}

/**
 * The lines the organiser picked, in the order given; ids of no current line are dropped. Without
 * a pick (the command-line export) every line is taken, in the order of the unit list.
 */
export function pickedItems(all: readonly MainItem[], picks: readonly string[] | undefined): MainItem[] {
  if (picks === undefined) return [...all];
  const byKey = new Map(all.map((item) => [item.key, item]));
  return [...new Set(picks)].flatMap((key) => {
    const item = byKey.get(key);
    return item ? [item] : [];
  });
}

export function situationData(db: DatabaseSync, requirements: Requirements, picks?: readonly string[]): SituationData {
  const units = unitProgress(db, requirements);
  return {
    summary: summarise(units),
    photos: units.reduce((sum, u) => sum + (u.submitted ? u.photoCount : 0), 0),
    essays: units.reduce((sum, u) => sum + (u.submitted ? u.essayCount : 0), 0),
    featured: listFeatured(db).length,
    practices: pickedItems(mainItems(db), picks),
    units,
    photosAdopted: adoptedPhotos(db),
  };
}

/**
 * The picks of the export page's form: the ticked `pick` ids, ordered by their `order_<id>` number
 * (ties and blanks keep the page's order). Undefined when the form was not used (a plain link),
 * so the whole list is taken; the form's `picked` field tells an empty pick from no pick.
 */
export function picksFromQuery(query: URLSearchParams): string[] | undefined {
  if (!query.has('picked')) return undefined;
  const ids = query.getAll('pick').filter((id) => /^[ari]\d{1,12}$/.test(id));
  const rank = (id: string) => {
    const order = (query.get(`order_${id}`) ?? '').trim();
    return /^\d{1,4}$/.test(order) ? Number(order) : Number.MAX_SAFE_INTEGER;
  };
  return ids
    .map((id, index) => ({ id, rank: rank(id), index }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.id);
}
