/**
 * Reading fund cases in scope: cadres, town and county staff and the auditor by region; the
 * insurer manager sees its county's cases awaiting verification only. Out of scope is NotFound.
 */
import type { Identity } from '../../auth/identity.ts';
import { assertRegionScope, narrowRegion } from '../../auth/authorize.ts';
import type { CaseStatus, FundCase, FundCategory } from '../../domain/fund-case.ts';
import { MONITORING_STATUS_ZH } from '../../domain/monitoring/household-monitoring.ts';
import { NotFound } from '../../http/errors.ts';
import type { Page, PageRequest } from '../registry/ports.ts';
import { caseDetail, maskCase } from './case-view.ts';
import type { FundCaseDeps } from './ports.ts';

export interface CaseFilter {
  readonly status?: CaseStatus;
  readonly category?: FundCategory;
  readonly villageCode?: string;
  readonly townCode?: string;
}

const INSURER_STATUS: CaseStatus = 'awaiting_verification';

const isInsurer = (identity: Identity) => identity.role === 'insurer_manager';

export const listFundCases = async (
  deps: FundCaseDeps,
  identity: Identity,
  filter: CaseFilter,
  page: PageRequest,
): Promise<Page<FundCase>> => {
  const regionCode = narrowRegion(identity, filter.villageCode ?? filter.townCode);
  if (isInsurer(identity) && filter.status && filter.status !== INSURER_STATUS) return { items: [] };
  const status = isInsurer(identity) ? INSURER_STATUS : filter.status;
  const found = await deps.cases.list({ regionCode, status, category: filter.category }, page);
  return { items: found.items.map(maskCase), nextCursor: found.nextCursor };
};

/** The case if the caller may see it; NotFound otherwise. */
export const loadCaseInScope = async (deps: FundCaseDeps, identity: Identity, caseId: string) => {
  const found = await deps.cases.get(caseId);
  if (!found) throw new NotFound();
  assertRegionScope(identity, found.fundCase.villageCode);
  if (isInsurer(identity) && found.fundCase.status !== INSURER_STATUS) throw new NotFound();
  return found;
};

/**
 * The case with its sources and — for everyone but the insurer — where its household stands in
 * dynamic monitoring (SPEC §1: a fund case and a monitoring case show each other).
 */
export const getFundCase = async (deps: FundCaseDeps, identity: Identity, caseId: string) => {
  const found = await loadCaseInScope(deps, identity, caseId);
  const monitoring =
    deps.monitoringOf && !isInsurer(identity)
      ? await deps.monitoringOf(found.fundCase.householdId)
      : undefined;
  return {
    ...caseDetail(found.fundCase, found.sources),
    ...(monitoring
      ? {
          householdMonitoring: {
            ...monitoring,
            statusZh: monitoring.status ? MONITORING_STATUS_ZH[monitoring.status] : '未纳入监测',
          },
        }
      : {}),
  };
};
