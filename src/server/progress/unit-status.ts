import type { Requirements } from '#shared/campaign/schema.ts';
import { materialsRequired, missingMaterials } from '#shared/submission/completeness.ts';

/** What the board knows about one unit's current submission (all absent when it has sent nothing). */
export interface UnitFacts {
  submitted: boolean;
  versionCount: number;
  late: boolean;
  hasReport: boolean;
  photoCount: number;
  essayCount: number;
  /** Positions of the essays sent (1, 2 …), so the board names 第 2 篇 as the receipt does. */
  essayPositions: number[];
}

export type StatusKind = 'none' | 'incomplete' | 'late' | 'revised' | 'done';

export const STATUS_LABEL: Record<StatusKind, string> = {
  none: '未报送',
  incomplete: '材料不全',
  late: '逾期',
  revised: '已修改',
  done: '已报送',
};

export interface UnitStatus {
  kind: StatusKind;
  label: string;
  /** The other labels that also apply, e.g. 材料不全 that was also sent 逾期. */
  alsoLabels: string[];
  /** What is missing, as the receipt words it: 第 2 篇学习感想. */
  missing: string[];
}

/** What is missing, in the words of the unit's receipt (src/shared/submission/completeness.ts). */
export function missingFromFacts(facts: UnitFacts, requirements: Requirements): string[] {
  if (!facts.submitted) return [];
  const present = { report: facts.hasReport, photoCount: facts.photoCount, essayPositions: facts.essayPositions };
  return missingMaterials(present, materialsRequired(requirements)).map((item) => item.text);
}

/** The one status the board shows first: 未报送 > 材料不全 > 逾期 > 已修改 > 已报送. */
export function unitStatus(facts: UnitFacts, requirements: Requirements): UnitStatus {
  if (!facts.submitted) return { kind: 'none', label: STATUS_LABEL.none, alsoLabels: [], missing: [] };
  const missing = missingFromFacts(facts, requirements);
  const applies: StatusKind[] = [];
  if (missing.length > 0) applies.push('incomplete');
  if (facts.late) applies.push('late');
  if (facts.versionCount > 1) applies.push('revised');
  const kind = applies[0] ?? 'done';
  return {
    kind,
    label: STATUS_LABEL[kind],
    alsoLabels: applies.slice(1).map((k) => STATUS_LABEL[k]),
    missing,
  };
}
