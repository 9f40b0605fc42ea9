/**
 * Asset checks (数据比对, SPEC §4.2–4.3): during identification the procedure asks five departments
 * about the household's assets — finance office (deposits), police (vehicles), natural resources
 * (housing), market regulation (business registration), HR (public payroll). Each department sees
 * only the requests addressed to it in its county. Item `pk=MONASSET#<checkId>`, `sk=ASSET`,
 * listed on gsi1 `ASSETS#<county>#<department>` / `<status>#<requestedAt>#<checkId>`.
 */
import { z } from 'zod';
import type { Department } from '../../auth/roles.ts';

export const ASSET_CHECK_DEPARTMENTS = [
  'finance_office',
  'police',
  'natural_resources',
  'market_regulation',
  'human_resources',
] as const satisfies readonly Department[];
export type AssetCheckDepartment = (typeof ASSET_CHECK_DEPARTMENTS)[number];

export const ASSET_CHECK_SUBJECT_ZH: Readonly<Record<AssetCheckDepartment, string>> = {
  finance_office: '存款等金融资产（金融办）',
  police: '机动车辆（公安）',
  natural_resources: '房产（自然资源）',
  market_regulation: '市场主体登记（市场监管）',
  human_resources: '财政供养及社保缴纳（人社）',
};

export const AssetCheck = z
  .object({
    checkId: z.string(),
    procedureId: z.string(),
    householdId: z.string(),
    countyCode: z.string(),
    villageCode: z.string(),
    department: z.enum(ASSET_CHECK_DEPARTMENTS),
    subject: z.string(),
    status: z.enum(['requested', 'answered']),
    requestedAt: z.string(),
    requestedBy: z.string(),
    finding: z.enum(['none', 'found']).optional(),
    detail: z.string().optional(),
    answeredAt: z.string().optional(),
    answeredBy: z.string().optional(),
    version: z.number().int(),
  })
  .meta({ id: 'AssetCheck' });
export type AssetCheck = z.infer<typeof AssetCheck>;

export const assetCheckKey = (checkId: string) => ({ pk: `MONASSET#${checkId}`, sk: 'ASSET' });

export const assetCheckItem = (check: AssetCheck): Record<string, unknown> => ({
  ...assetCheckKey(check.checkId),
  entity: 'asset_check',
  ...check,
  gsi1pk: `ASSETS#${check.countyCode}#${check.department}`,
  gsi1sk: `${check.status}#${check.requestedAt}#${check.checkId}`,
});
