/**
 * Dynamic monitoring in the main table (layouts in `shared/domain/monitoring/*.ts`): leads,
 * procedures, asset checks, and each household's monitoring partition `MON#<householdId>`
 * (state, open lead and open procedure claims, measures, assessments, monthly incomes). Every
 * step is one `commit`: its records, the household-file events and, when the registry type
 * changes, the household with its audit record — all in one transaction, version-checked.
 */
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { countDelta, type HouseholdFacet, type TrendEvent } from '../domain/area-counts.ts';
import type { AuditEntry } from '../domain/audit.ts';
import type { Household } from '../domain/household-schema.ts';
import { householdFileItem, type HouseholdFileEvent } from '../domain/household-file.ts';
import { AssetCheck, assetCheckItem, assetCheckKey } from '../domain/monitoring/asset-check.ts';
import {
  Assessment,
  HouseholdMonitoring,
  IncomeRecord,
  assessmentItem,
  incomeItem,
  measureItem,
  monitoringPartition,
  openProcedureKey,
  stateItem,
  stateKey,
} from '../domain/monitoring/household-monitoring.ts';
import { Lead, leadItem, leadKey, openLeadKey } from '../domain/monitoring/lead.ts';
import { Measure } from '../domain/monitoring/measures.ts';
import { Procedure, procedureItem, procedureKey } from '../domain/monitoring/procedure.ts';
import { STALE_VERSION } from '../domain/household.ts';
import { Conflict, NotFound } from '../http/errors.ts';
import type { Page, PageRequest } from '../usecases/registry/ports.ts';
import { auditItem } from './audit-store.ts';
import { dynamo, tableName } from './aws-clients.ts';
import { queryAll } from './batch-io.ts';
import { countUpdateItems } from './area-count-store.ts';
import { householdItem, householdKey } from './household-store.ts';
import { queryRegionIndex } from './region-index.ts';
import { decodeCursor, pageOf } from './cursor.ts';
import { transactWrite, type GuardedItem } from './transaction-errors.ts';
import { withoutKeys } from './item-keys.ts';

export interface Versioned<T> {
  readonly next: T;
  /** Absent for a new record. */
  readonly expectedVersion?: number;
}

export type Claim =
  | { readonly op: 'claim'; readonly householdId: string; readonly id: string }
  | { readonly op: 'release'; readonly householdId: string; readonly id: string };

export interface MonitoringChange {
  readonly leads?: readonly Versioned<Lead>[];
  readonly openLead?: Claim;
  readonly procedures?: readonly Versioned<Procedure>[];
  readonly openProcedure?: Claim;
  readonly assetChecks?: readonly Versioned<AssetCheck>[];
  readonly state?: Versioned<HouseholdMonitoring>;
  readonly measures?: readonly Versioned<Measure>[];
  /** New only: a second assessment of the same quarter is a conflict. */
  readonly assessments?: readonly Assessment[];
  /** A month's income record replaces the month's earlier one. */
  readonly incomes?: readonly IncomeRecord[];
  /** The registry household (type change), version-checked, with its audit records. */
  readonly household?: {
    readonly next: Household;
    readonly expectedVersion: number;
    readonly audit: AuditEntry[];
  };
  readonly fileEvents: readonly HouseholdFileEvent[];
  /**
   * The area counters this step moves (`countDelta(before, after)`, and the month's trend event):
   * `before` from the household and state the step read. Without a `household` write, the
   * household is checked at `householdVersion`, so its persons are the ones counted.
   */
  readonly counts?: {
    readonly householdId: string;
    readonly householdVersion: number;
    readonly before: HouseholdFacet;
    readonly after: HouseholdFacet;
    readonly event?: TrendEvent;
    /** `YYYY-MM`, Asia/Shanghai. */
    readonly month: string;
  };
}

/** Everything under `MON#<householdId>`, read with one query. */
export interface HouseholdMonitoringRecords {
  readonly state?: HouseholdMonitoring;
  readonly openLeadId?: string;
  readonly openProcedureId?: string;
  readonly measures: Measure[];
  readonly assessments: Assessment[];
  readonly incomes: IncomeRecord[];
}

export interface MonitoringStore {
  commit(change: MonitoringChange): Promise<void>;
  getLead(leadId: string): Promise<Lead | undefined>;
  listLeads(query: { regionCode: string; status?: string }, page: PageRequest): Promise<Page<Lead>>;
  getProcedure(procedureId: string): Promise<Procedure | undefined>;
  listProcedures(query: { regionCode: string; status?: string }, page: PageRequest): Promise<Page<Procedure>>;
  getAssetCheck(checkId: string): Promise<AssetCheck | undefined>;
  listAssetChecks(
    query: { countyCode: string; department: string; status?: string },
    page: PageRequest,
  ): Promise<Page<AssetCheck>>;
  household(householdId: string): Promise<HouseholdMonitoringRecords>;
  /** Monitored households whose contact or plan is still missing (the overdue sweep). */
  setupPending(countyCode: string): Promise<HouseholdMonitoring[]>;
}

const stale = (what: string) => (old: Record<string, { N?: string }> | undefined) =>
  old?.version?.N
    ? new Conflict(`${what}已被他人办理（当前版本 ${old.version.N}），请刷新后重试`, STALE_VERSION, {
        currentVersion: Number(old.version.N),
      })
    : new NotFound();

const versioned = (
  table: string,
  item: Record<string, unknown>,
  expectedVersion: number | undefined,
  what: string,
): GuardedItem =>
  expectedVersion === undefined
    ? {
        item: { Put: { TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
        onConditionFailed: () => new Conflict(`${what}已存在`, 'ALREADY_EXISTS'),
      }
    : {
        item: {
          Put: {
            TableName: table,
            Item: item,
            ConditionExpression: 'version = :v',
            ExpressionAttributeValues: { ':v': expectedVersion },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        onConditionFailed: stale(what),
      };

const claimItem = (
  table: string,
  key: { pk: string; sk: string },
  claim: Claim,
  what: string,
): GuardedItem =>
  claim.op === 'claim'
    ? {
        item: {
          Put: {
            TableName: table,
            Item: { ...key, entity: 'monitoring_claim', id: claim.id },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConditionFailed: () => new Conflict(`该户${what}刚被他人创建，请刷新后重试`, 'CONCURRENT_WRITE'),
      }
    : {
        item: {
          Delete: {
            TableName: table,
            Key: key,
            ConditionExpression: 'attribute_not_exists(pk) OR id = :id',
            ExpressionAttributeValues: { ':id': claim.id },
          },
        },
        onConditionFailed: () => new Conflict(`该户${what}已变化，请刷新后重试`, 'CONCURRENT_WRITE'),
      };

/** The counter updates of a step, and the household check when the step does not write it. */
const countItems = (table: string, change: MonitoringChange): GuardedItem[] => {
  const counts = change.counts;
  if (!counts) return [];
  const villageCode = counts.after.villageCode;
  const updates = countUpdateItems(
    table,
    [{ villageCode, delta: countDelta(counts.before, counts.after) }],
    counts.event ? { month: counts.month, events: [{ villageCode, event: counts.event }] } : undefined,
  );
  const householdCheck: GuardedItem[] = change.household
    ? []
    : [
        {
          item: {
            ConditionCheck: {
              TableName: table,
              Key: householdKey(counts.householdId),
              ConditionExpression: 'version = :v',
              ExpressionAttributeValues: { ':v': counts.householdVersion },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          onConditionFailed: stale('农户信息'),
        },
      ];
  return [...householdCheck, ...updates.map((item) => ({ item }))];
};

const parseAll = <T>(schema: { parse: (v: unknown) => T }, items: Record<string, unknown>[]) =>
  items.map((item) => schema.parse(withoutKeys(item)));

export const dynamoMonitoringStore = (
  client: DynamoDBDocumentClient,
  main: () => string,
  audit: () => string,
): MonitoringStore => {
  const get = async (key: { pk: string; sk: string }) =>
    (await client.send(new GetCommand({ TableName: main(), Key: key, ConsistentRead: true }))).Item;
  return {
    async commit(change) {
      const t = main();
      const items: GuardedItem[] = [
        ...(change.household
          ? [
              {
                item: {
                  Put: {
                    TableName: t,
                    Item: householdItem(change.household.next),
                    ConditionExpression: 'version = :v',
                    ExpressionAttributeValues: { ':v': change.household.expectedVersion },
                    ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
                  },
                },
                onConditionFailed: stale('农户信息'),
              },
              ...change.household.audit.map((entry) => ({
                item: { Put: { TableName: audit(), Item: auditItem(entry) } },
              })),
            ]
          : []),
        ...(change.procedures ?? []).map((w) =>
          versioned(t, procedureItem(w.next), w.expectedVersion, '该程序'),
        ),
        ...(change.openProcedure
          ? [
              claimItem(
                t,
                openProcedureKey(change.openProcedure.householdId),
                change.openProcedure,
                '办理中的程序',
              ),
            ]
          : []),
        ...(change.leads ?? []).map((w) => versioned(t, leadItem(w.next), w.expectedVersion, '该线索')),
        ...(change.openLead
          ? [claimItem(t, openLeadKey(change.openLead.householdId), change.openLead, '未办结的线索')]
          : []),
        ...(change.assetChecks ?? []).map((w) =>
          versioned(t, assetCheckItem(w.next), w.expectedVersion, '该比对请求'),
        ),
        ...(change.state
          ? [versioned(t, stateItem(change.state.next), change.state.expectedVersion, '监测信息')]
          : []),
        ...(change.measures ?? []).map((w) =>
          versioned(t, measureItem(w.next), w.expectedVersion, '该帮扶措施'),
        ),
        ...(change.assessments ?? []).map((a) => ({
          item: {
            Put: { TableName: t, Item: assessmentItem(a), ConditionExpression: 'attribute_not_exists(pk)' },
          },
          onConditionFailed: () => new Conflict(`${a.quarter} 的帮扶成效评估已填报`, 'ALREADY_EXISTS'),
        })),
        ...(change.incomes ?? []).map((r) => ({ item: { Put: { TableName: t, Item: incomeItem(r) } } })),
        ...change.fileEvents.map((e) => ({ item: { Put: { TableName: t, Item: householdFileItem(e) } } })),
        ...countItems(t, change),
      ];
      await transactWrite(client, items);
    },

    async getLead(leadId) {
      const item = await get(leadKey(leadId));
      return item ? Lead.parse(withoutKeys(item)) : undefined;
    },

    async listLeads(query, page) {
      const found = await queryRegionIndex(client, { table: main(), prefix: 'MONLEADS#', ...query }, page);
      return { items: parseAll(Lead, found.items), nextCursor: found.nextCursor };
    },

    async getProcedure(procedureId) {
      const item = await get(procedureKey(procedureId));
      return item ? Procedure.parse(withoutKeys(item)) : undefined;
    },

    async listProcedures(query, page) {
      const found = await queryRegionIndex(client, { table: main(), prefix: 'MONPROCS#', ...query }, page);
      return { items: parseAll(Procedure, found.items), nextCursor: found.nextCursor };
    },

    async getAssetCheck(checkId) {
      const item = await get(assetCheckKey(checkId));
      return item ? AssetCheck.parse(withoutKeys(item)) : undefined;
    },

    async listAssetChecks(query, page) {
      const partition = `ASSETS#${query.countyCode}#${query.department}`;
      const prefix = query.status ? `${query.status}#` : '';
      const keyAttributes = ['pk', 'sk', 'gsi1pk', 'gsi1sk'];
      const result = await client.send(
        new QueryCommand({
          TableName: main(),
          IndexName: 'gsi1',
          KeyConditionExpression: `gsi1pk = :pk${prefix ? ' AND begins_with(gsi1sk, :prefix)' : ''}`,
          ExpressionAttributeValues: { ':pk': partition, ...(prefix ? { ':prefix': prefix } : {}) },
          ScanIndexForward: false,
          Limit: page.limit + 1,
          ExclusiveStartKey: decodeCursor(page.cursor, {
            attributes: keyAttributes,
            equal: { gsi1pk: partition },
            ...(prefix ? { startsWith: { gsi1sk: prefix } } : {}),
          }),
        }),
      );
      const found = pageOf(result.Items ?? [], page.limit, keyAttributes);
      return { items: parseAll(AssetCheck, found.items), nextCursor: found.nextCursor };
    },

    async household(householdId) {
      const items = await queryAll(client, {
        TableName: main(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': monitoringPartition(householdId) },
        ConsistentRead: true,
      });
      const bySk = (prefix: string) => items.filter((i) => String(i.sk).startsWith(prefix));
      const state = items.find((i) => i.sk === stateKey(householdId).sk);
      const claim = (sk: string) => {
        const found = items.find((i) => i.sk === sk);
        return typeof found?.id === 'string' ? found.id : undefined;
      };
      return {
        state: state ? HouseholdMonitoring.parse(withoutKeys(state)) : undefined,
        openLeadId: claim('OPENLEAD'),
        openProcedureId: claim('OPENPROC'),
        measures: parseAll(Measure, bySk('MEASURE#')),
        assessments: parseAll(Assessment, bySk('ASSESS#')),
        incomes: parseAll(IncomeRecord, bySk('INCOME#')),
      };
    },

    async setupPending(countyCode) {
      const items = await queryAll(client, {
        TableName: main(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': `MONSETUP#${countyCode}` },
      });
      return parseAll(HouseholdMonitoring, items);
    },
  };
};

export const monitoringStore: MonitoringStore = dynamoMonitoringStore(
  dynamo,
  tableName.main,
  tableName.audit,
);
