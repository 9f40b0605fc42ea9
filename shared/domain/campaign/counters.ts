/**
 * The per-campaign, per-village counters behind the 附件2 table (`pk=CAMPAIGN#<id>`,
 * `sk=COUNT#<villageCode>`), kept in the transaction that records a check: a check contributes one
 * to its household type and, for a finding, one household and its persons to the finding's group
 * and category. Replacing a check adds the difference, so the counters always equal the sum of
 * the latest checks.
 */
import { MONITORING_CATEGORIES, type MonitoringCategory } from '../monitoring/risk.ts';
import { CHECKED_TYPES, type CampaignCheck, type CheckedType, type Finding } from './check.ts';
import { campaignPartition } from './campaign.ts';

/** The three finding groups of 附件2 (回退 and 清退 share one group). */
export const FINDING_GROUPS = ['newlyIdentified', 'toEliminate', 'toRollBackOrRemove'] as const;
export type FindingGroup = (typeof FINDING_GROUPS)[number];

export const GROUP_OF: Readonly<Record<Finding, FindingGroup | undefined>> = {
  none: undefined,
  newly_identified: 'newlyIdentified',
  to_eliminate: 'toEliminate',
  to_roll_back: 'toRollBackOrRemove',
  to_remove: 'toRollBackOrRemove',
};

export type CounterName =
  `checked_${CheckedType}` | 'unreachable' | 'late' | `${FindingGroup}_${MonitoringCategory}_${'h' | 'p'}`;

export const COUNTER_NAMES: readonly CounterName[] = [
  ...CHECKED_TYPES.map((t) => `checked_${t}` as const),
  'unreachable',
  'late',
  ...FINDING_GROUPS.flatMap((g) =>
    MONITORING_CATEGORIES.flatMap((c) => [`${g}_${c}_h` as const, `${g}_${c}_p` as const]),
  ),
];

export type Counters = Readonly<Partial<Record<CounterName, number>>>;

type Counted = Pick<CampaignCheck, 'checkedType' | 'method' | 'late' | 'findings' | 'category' | 'persons'>;

export const contribution = (check: Counted): Counters => {
  const out: Partial<Record<CounterName, number>> = { [`checked_${check.checkedType}`]: 1 };
  if (check.method === 'unreachable') out.unreachable = 1;
  if (check.late) out.late = 1;
  const group = GROUP_OF[check.findings];
  if (group && check.category) {
    out[`${group}_${check.category}_h`] = 1;
    out[`${group}_${check.category}_p`] = check.persons;
  }
  return out;
};

/** What to ADD to the counters when `next` replaces `previous`; zero entries left out. */
export const counterDelta = (next: Counted, previous?: Counted): Counters => {
  const after = contribution(next);
  const before = previous ? contribution(previous) : {};
  const delta: Partial<Record<CounterName, number>> = {};
  for (const name of COUNTER_NAMES) {
    const d = (after[name] ?? 0) - (before[name] ?? 0);
    if (d !== 0) delta[name] = d;
  }
  return delta;
};

export interface VillageCounters {
  readonly villageCode: string;
  readonly townCode: string;
  readonly counters: Counters;
}

export const counterKey = (campaignId: string, villageCode: string) => ({
  pk: campaignPartition(campaignId),
  sk: `COUNT#${villageCode}`,
});
