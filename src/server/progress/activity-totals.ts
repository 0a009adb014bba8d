/**
 * The activity 台账 in numbers: per unit (its current version) and over all units — activities by
 * form, participants in total, units with enterprises or other units taking part. The board, the
 * exports and the 情况汇总 all count through here, so their numbers cannot differ.
 */
import type { DatabaseSync } from 'node:sqlite';
import { ACTIVITY_FORMS, type ActivityForm } from '#shared/submission/activities.ts';

export interface ActivityCounts {
  /** Rows of the 台账 (legacy rows included). */
  activities: number;
  /** 台账 rows by form; legacy rows have no single form and are counted in `legacy` only. */
  byForm: Record<ActivityForm, number>;
  /** Participants over the 台账 rows (legacy rows gave no number). */
  participants: number;
  /** Rows carried over from the old free-text fields. */
  legacy: number;
}

export interface UnitActivities extends ActivityCounts {
  /** Whether any activity had enterprises or other units taking part. */
  enterprise: boolean;
}

export interface ActivityTotals extends ActivityCounts {
  /** Units with at least one activity with enterprises or other units taking part. */
  enterpriseUnits: number;
}

const emptyByForm = (): Record<ActivityForm, number> =>
  Object.fromEntries(ACTIVITY_FORMS.map((form) => [form, 0])) as Record<ActivityForm, number>;

export const emptyUnitActivities = (): UnitActivities => ({
  activities: 0,
  byForm: emptyByForm(),
  participants: 0,
  legacy: 0,
  enterprise: false,
});

interface Row {
  unit_id: number;
  form: string;
  participants: number | null;
  enterprise: number;
  activity_date: string | null;
}

const isForm = (form: string): form is ActivityForm => (ACTIVITY_FORMS as readonly string[]).indexOf(form) >= 0;

/** Each active unit's current 台账 in numbers, by unit id; units without rows are absent. */
export function unitActivities(db: DatabaseSync): Map<number, UnitActivities> {
  const rows = db
    .prepare(
      `SELECT s.unit_id, a.form, a.participants, a.enterprise, a.activity_date FROM activities a
       JOIN submissions s ON s.current_version_id = a.version_id JOIN units u ON u.id = s.unit_id WHERE u.active = 1`,
    )
    .all() as unknown as Row[];
  const byUnit = new Map<number, UnitActivities>();
  for (const row of rows) {
    const unit = byUnit.get(row.unit_id) ?? emptyUnitActivities();
    byUnit.set(row.unit_id, unit);
    unit.activities++;
    if (row.activity_date === null || row.participants === null || !isForm(row.form)) {
      unit.legacy++;
      continue;
    }
    unit.byForm[row.form]++;
    unit.participants += Number(row.participants);
    if (row.enterprise === 1) unit.enterprise = true;
  }
  return byUnit;
}

/** The sums over units, as the board's summary cards show them. */
export function activityTotals(units: readonly UnitActivities[]): ActivityTotals {
  const totals: ActivityTotals = { activities: 0, byForm: emptyByForm(), participants: 0, legacy: 0, enterpriseUnits: 0 };
  for (const unit of units) {
    totals.activities += unit.activities;
    totals.participants += unit.participants;
    totals.legacy += unit.legacy;
    for (const form of ACTIVITY_FORMS) totals.byForm[form] += unit.byForm[form];
    if (unit.enterprise) totals.enterpriseUnits++;
  }
  return totals;
}

/** 专题会 3 次、集中学习 5 次: the forms that occurred, in the notice's order. */
export function byFormText(byForm: Record<ActivityForm, number>): string {
  return ACTIVITY_FORMS.filter((form) => byForm[form] > 0)
    .map((form) => `${form} ${byForm[form]} 次`)
    .join('、');
}
