/** The steps of each monitoring procedure, in order, and who may do each (SPEC §4.3, §4.5, §4.6). */
import { z } from 'zod';
import type { Role } from '../../auth/roles.ts';

export const STEP_NAMES = [
  'home_verification',
  'asset_checks',
  'deliberation',
  'notice',
  'town_review',
  'county_approval',
] as const;
export const StepName = z.enum(STEP_NAMES);
export type StepName = z.infer<typeof StepName>;

export type ProcedureKind = 'identification' | 'elimination' | 'rollback' | 'removal';

export const STEP_ZH: Readonly<Record<StepName, string>> = {
  home_verification: '入户核查',
  asset_checks: '部门信息比对',
  deliberation: '村级民主评议',
  notice: '公示',
  town_review: '乡镇审核',
  county_approval: '县级审定',
};

/**
 * Identification: application with signed authorization (the opening) → home verification →
 * asset checks → deliberation → notice → town review → county approval. Elimination: village
 * proposal (the opening) → verification → deliberation → 7-day notice → town → county. Rollback
 * and removal: proposal with reason and evidence (the opening) → county approval.
 */
export const STEP_ORDER: Readonly<Record<ProcedureKind, readonly StepName[]>> = {
  identification: STEP_NAMES,
  elimination: ['home_verification', 'deliberation', 'notice', 'town_review', 'county_approval'],
  rollback: ['county_approval'],
  removal: ['county_approval'],
};

export const STEP_ROLES: Readonly<Record<StepName, readonly Role[]>> = {
  home_verification: ['village_cadre', 'town_official'],
  asset_checks: ['village_cadre', 'town_official', 'county_staff'],
  deliberation: ['village_cadre'],
  notice: ['village_cadre'],
  town_review: ['town_official'],
  county_approval: ['county_staff'],
};
