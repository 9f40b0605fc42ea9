/**
 * What every monitoring use case starts with: the household or procedure in the caller's scope
 * (404 otherwise), the year's configuration, evidence checks, and the household-file event of the
 * step (written in the step's own transaction).
 */
import { assertRegionScope } from '../../auth/authorize.ts';
import type { Identity } from '../../auth/identity.ts';
import {
  householdFileEvent,
  type FileEventKind,
  type HouseholdFileEvent,
} from '../../domain/household-file.ts';
import type { Household } from '../../domain/household-schema.ts';
import type { Procedure } from '../../domain/monitoring/procedure.ts';
import { shanghaiDate } from '../../domain/shanghai-time.ts';
import type { YearConfig } from '../../domain/year-config.ts';
import { NotFound, ValidationFailed } from '../../http/errors.ts';
import type { Caller, MonitoringDeps } from './ports.ts';
import { loadHouseholdInScope } from '../applications/steps.ts';

export const loadHousehold = (
  deps: MonitoringDeps,
  identity: Identity,
  householdId: string,
): Promise<Household> => loadHouseholdInScope(deps, identity, householdId);

export const loadProcedure = async (
  deps: MonitoringDeps,
  identity: Identity,
  procedureId: string,
): Promise<Procedure> => {
  const procedure = await deps.monitoring.getProcedure(procedureId);
  if (!procedure) throw new NotFound('监测程序不存在或不在您的管辖范围内');
  assertRegionScope(identity, procedure.villageCode);
  return procedure;
};

export const configAt = (deps: MonitoringDeps, countyCode: string, now: Date): Promise<YearConfig> =>
  deps.config(countyCode, Number(shanghaiDate(now).slice(0, 4)));

export const activeMembers = (household: Household) => household.members.filter((m) => m.status === 'active');

/** Evidence must be an upload of the given kind, of this owner (or of one of them), in the county, stored. */
export const assertUploads = async (
  deps: MonitoringDeps,
  uploadIds: readonly string[],
  expect: {
    kind: string;
    ownerIds: readonly string[];
    countyCode: string;
    /** The field's path; a list field gets the index appended. */
    path: string;
    list?: boolean;
    label: string;
  },
): Promise<void> => {
  const issues: { path: string; message: string }[] = [];
  for (const [index, uploadId] of uploadIds.entries()) {
    const upload = await deps.uploads.get(uploadId);
    const path = expect.list ? `${expect.path}.${index}` : expect.path;
    if (!upload || upload.countyCode !== expect.countyCode || !expect.ownerIds.includes(upload.ownerId))
      issues.push({ path, message: `未找到该户的${expect.label}上传记录` });
    else if (upload.kind !== expect.kind) issues.push({ path, message: `该上传文件不是${expect.label}` });
    else if (upload.status !== 'stored') issues.push({ path, message: `${expect.label}尚未上传完成` });
  }
  if (issues.length > 0) throw new ValidationFailed(issues);
};

export const fileEvent = (
  deps: MonitoringDeps,
  caller: Pick<Caller, 'identity' | 'now'>,
  household: { householdId: string; countyCode: string; villageCode: string },
  kind: FileEventKind,
  summary: string,
  refs: Record<string, string | undefined> = {},
  seq = 0,
): HouseholdFileEvent =>
  householdFileEvent({
    eventId: deps.newId(),
    household,
    at: caller.now.toISOString(),
    seq,
    kind,
    by: { username: caller.identity.username, role: caller.identity.role },
    summary,
    refs,
  });
