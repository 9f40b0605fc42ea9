/**
 * Recording a household's check in a campaign: 1. the campaign and the household in the caller's
 * reach (404), the household in the campaign's scope (400); 2. the finding must fit the household's
 * monitoring status (409); 3. the check, with the household's 附件2 type and persons, replaces an
 * earlier one (kept in its history) and moves the village's counters in the same transaction; a
 * check after the field-check deadline is accepted and marked late; 4. the village's
 * `unreachable_persons` alert follows the counter: raised while some household is unreachable,
 * cleared when none is. Accepted race: two checks of one village finishing together may leave the
 * alert a step behind until the village's next check (the counters themselves are exact).
 */
import type { Identity } from '../../auth/identity.ts';
import { assertRegionScope } from '../../auth/authorize.ts';
import type { Campaign } from '../../domain/campaign/campaign.ts';
import { coversVillage } from '../../domain/campaign/campaign.ts';
import { type CampaignCheck, type CheckInput, checkedType, nextCheck } from '../../domain/campaign/check.ts';
import { counterDelta } from '../../domain/campaign/counters.ts';
import { openAlert } from '../../domain/alert.ts';
import type { HouseholdMonitoring } from '../../domain/monitoring/household-monitoring.ts';
import type { MonitoringCategory } from '../../domain/monitoring/risk.ts';
import { shanghaiDate } from '../../domain/shanghai-time.ts';
import { Conflict, NotFound, ValidationFailed } from '../../http/errors.ts';
import { campaignInScope } from './campaigns.ts';
import type { CampaignDeps } from './ports.ts';

export const FINDING_NOT_APPLICABLE = 'FINDING_NOT_APPLICABLE';

/** Which monitoring status each finding needs (none: any). */
const findingFits = (input: CheckInput, state: HouseholdMonitoring | undefined): string | undefined => {
  const status = state?.status;
  switch (input.findings) {
    case 'newly_identified':
      if (status === 'monitored') return '该户已是监测对象，不能再次新识别';
      return status === 'eliminated' ? '该户已消除风险，返贫风险再现应选择“需回退”' : undefined;
    case 'to_eliminate':
      return status === 'monitored' ? undefined : '只有监测中的农户才能标注风险消除';
    case 'to_roll_back':
      return status === 'eliminated' ? undefined : '只有已消除风险的农户才能回退';
    case 'to_remove':
      return status === 'monitored' ? undefined : '只有监测中的农户才能清退';
    default:
      return undefined;
  }
};

const categoryOf = (
  input: CheckInput,
  state: HouseholdMonitoring | undefined,
): MonitoringCategory | undefined => {
  if (input.findings === 'none') return undefined;
  if (input.findings === 'newly_identified') return input.category;
  return state?.category ?? input.category;
};

export const syncUnreachableAlert = async (
  deps: CampaignDeps,
  campaign: Campaign,
  villageCode: string,
  now: Date,
) => {
  const counters = await deps.campaigns.villageCounters(campaign.campaignId, villageCode);
  const unreachable = counters.unreachable ?? 0;
  const key = `${campaign.campaignId}#${villageCode}`;
  if (unreachable > 0) {
    const alert = openAlert({
      kind: 'unreachable_persons',
      key,
      scopeCode: villageCode,
      raisedAt: now.toISOString(),
      title: '排查中有无法联系的农户',
      detail: `“${campaign.name}”中本村有农户无人在家且无法联系（当前 ${unreachable} 户），请再次入户或电话联系后重新录入排查结果`,
      links: [
        { type: 'campaign', id: campaign.campaignId },
        { type: 'region', id: villageCode },
      ],
    });
    // Already open: the count in its detail follows the counter.
    if (!(await deps.alerts.raise(alert))) await deps.alerts.refresh(alert);
  } else await deps.alerts.clear(campaign.countyCode, 'unreachable_persons', key, now.toISOString());
};

export const recordCheck = async (
  deps: CampaignDeps,
  identity: Identity,
  campaignId: string,
  input: CheckInput,
  now: Date,
): Promise<CampaignCheck> => {
  const campaign = await campaignInScope(deps, identity, campaignId);
  const household = await deps.households.get(input.householdId);
  if (!household) throw new NotFound('农户不存在或不在管辖范围内');
  assertRegionScope(identity, household.villageCode);
  if (!coversVillage(campaign, household.villageCode))
    throw new ValidationFailed([{ path: 'body.householdId', message: '该户不在本次排查范围内' }]);

  const { state } = await deps.monitoring.household(household.householdId);
  const misfit = findingFits(input, state);
  if (misfit) throw new Conflict(misfit, FINDING_NOT_APPLICABLE, { monitoringStatus: state?.status ?? null });
  const category = categoryOf(input, state);
  if (input.findings !== 'none' && !category)
    throw new ValidationFailed([{ path: 'body.category', message: '该户无监测记录，请填写监测对象类别' }]);

  const previous = await deps.campaigns.getCheck(campaignId, household.householdId);
  const next = nextCheck(
    {
      campaignId,
      householdId: household.householdId,
      countyCode: household.countyCode,
      townCode: household.townCode,
      villageCode: household.villageCode,
      method: input.method,
      findings: input.findings,
      ...(category ? { category } : {}),
      ...(input.note ? { note: input.note } : {}),
      checkedType: checkedType(household.type, state?.status),
      persons: household.members.filter((m) => m.status === 'active').length,
      late: shanghaiDate(now) > campaign.deadlines.fieldCheck,
      checkedAt: now.toISOString(),
      checkedBy: identity.username,
    },
    previous,
  );
  await deps.campaigns.recordCheck(next, previous?.version, counterDelta(next, previous));
  await syncUnreachableAlert(deps, campaign, household.villageCode, now);
  return next;
};
