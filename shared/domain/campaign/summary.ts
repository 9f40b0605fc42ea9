/**
 * The village summary table of `002_…` 附件2 (入户排查情况汇总表) from the campaign's counters:
 * households checked by type (一般农户 / 脱贫户 / 监测对象) and, for each finding group (新识别纳入 /
 * 应标注风险消除 / 需回退、清退), households and persons in total and by category. Rows are the
 * villages, towns or the county asked for; the total row sums them. Pure.
 */
import { z } from 'zod';
import { isWithin } from '../region.ts';
import { MONITORING_CATEGORIES } from '../monitoring/risk.ts';
import type { FINDING_GROUPS } from './counters.ts';
import { COUNTER_NAMES, type CounterName, type Counters, type VillageCounters } from './counters.ts';

export const SUMMARY_LEVELS = ['village', 'town', 'county'] as const;
export type SummaryLevel = (typeof SUMMARY_LEVELS)[number];

const HP = z.object({ households: z.number().int(), persons: z.number().int() });
const Group = z.object({
  total: HP,
  unstable_lifted: HP,
  marginal: HP,
  sudden_hardship: HP,
});

export const SummaryRow = z
  .object({
    code: z.string(),
    name: z.string(),
    checked: z.object({
      total: z.number().int().meta({ description: '排查总户数' }),
      general: z.number().int(),
      lifted: z.number().int(),
      monitored: z.number().int(),
    }),
    newlyIdentified: Group,
    toEliminate: Group,
    toRollBackOrRemove: Group,
    unreachable: z.number().int().meta({ description: '无法联系户数' }),
    late: z.number().int().meta({ description: '排查截止后录入户数' }),
  })
  .meta({ id: 'CampaignSummaryRow' });
export type SummaryRow = z.infer<typeof SummaryRow>;

export const CampaignSummary = z
  .object({
    campaignId: z.string(),
    level: z.enum(SUMMARY_LEVELS),
    code: z.string(),
    rows: z.array(SummaryRow),
    total: SummaryRow,
  })
  .meta({ id: 'CampaignSummary' });
export type CampaignSummary = z.infer<typeof CampaignSummary>;

const sumCounters = (all: readonly Counters[]): Counters => {
  const out: Partial<Record<CounterName, number>> = {};
  for (const name of COUNTER_NAMES) out[name] = all.reduce((sum, c) => sum + (c[name] ?? 0), 0);
  return out;
};

export const rowOf = (code: string, name: string, c: Counters): SummaryRow => {
  const n = (key: CounterName) => c[key] ?? 0;
  const group = (g: (typeof FINDING_GROUPS)[number]) => {
    const byCategory = Object.fromEntries(
      MONITORING_CATEGORIES.map((cat) => [
        cat,
        { households: n(`${g}_${cat}_h`), persons: n(`${g}_${cat}_p`) },
      ]),
    ) as Record<(typeof MONITORING_CATEGORIES)[number], { households: number; persons: number }>;
    const total = Object.values(byCategory).reduce(
      (sum, hp) => ({ households: sum.households + hp.households, persons: sum.persons + hp.persons }),
      { households: 0, persons: 0 },
    );
    return { total, ...byCategory };
  };
  return {
    code,
    name,
    checked: {
      total: n('checked_general') + n('checked_lifted') + n('checked_monitored'),
      general: n('checked_general'),
      lifted: n('checked_lifted'),
      monitored: n('checked_monitored'),
    },
    newlyIdentified: group('newlyIdentified'),
    toEliminate: group('toEliminate'),
    toRollBackOrRemove: group('toRollBackOrRemove'),
    unreachable: n('unreachable'),
    late: n('late'),
  };
};

const rowKey = (level: SummaryLevel, v: VillageCounters): string =>
  level === 'village' ? v.villageCode : level === 'town' ? v.townCode : `${v.villageCode.slice(0, 6)}000000`;

/**
 * Rows at `level` for the villages under `code` (villages without a check have no counters and no
 * row), ordered by code, and their total.
 */
export const summarize = (
  campaignId: string,
  level: SummaryLevel,
  code: string,
  villages: readonly VillageCounters[],
  nameOf: (code: string) => string,
): CampaignSummary => {
  const inArea = villages.filter((v) => isWithin(v.villageCode, code));
  const grouped = new Map<string, Counters[]>();
  for (const v of inArea) {
    const key = rowKey(level, v);
    grouped.set(key, [...(grouped.get(key) ?? []), v.counters]);
  }
  const rows = [...grouped.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, list]) => rowOf(key, nameOf(key), sumCounters(list)));
  return {
    campaignId,
    level,
    code,
    rows,
    total: rowOf(code, '合计', sumCounters(inArea.map((v) => v.counters))),
  };
};
