/**
 * What the cadence lists read of other areas' records, by index or key only (never a scan):
 * - the month's submissions: gsi2 `SUBS#<county>#<dueMonth>`;
 * - the cases they created: a case's `createdAt` is its submission's `receivedAt`, so per submission
 *   and case status one gsi3 `CASES#<county>` query `BETWEEN <status>#<receivedAt>#…`, kept when
 *   `intakeSubmissionId` is one of the month's; the month's further reports: gsi1 `SRCS#<submissionId>`
 *   per submission (an event first reported in an earlier month comes in through them, its case
 *   read by key);
 * - monitored households: gsi3 `COUNTY#<county>` `begins_with HH#monitored#`;
 * - the latest income up to a month: `MON#<id>` `INCOME#…` newest first, limit 1;
 * - eliminations approved since a date: gsi3 `MONPROCS#<county>` `completed#` (opened within a year
 *   before), kind elimination;
 * - a household's monitoring partition: one query of `MON#<id>`.
 */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { HouseholdRecords } from '../domain/cadence/assessment.ts';
import type { DepartmentReport, HouseholdFacts, MonthCase } from '../domain/cadence/comparison.ts';
import { CASE_STATUSES, FundCategory, ScreenReason } from '../domain/fund-case.ts';
import { HouseholdType } from '../domain/household-schema.ts';
import { MonitoringStatus } from '../domain/monitoring/household-monitoring.ts';
import { nextMonth } from '../domain/submission.ts';
import { DEPARTMENTS } from '../auth/roles.ts';
import type { CadenceSources } from '../usecases/cadence/ports.ts';
import { dynamo, tableName } from './aws-clients.ts';
import { batchGet, inParallel, queryAll } from './batch-io.ts';
import { configStore } from './config-store.ts';
import type { MonitoringStore } from './monitoring-store.ts';
import { monitoringStore } from './monitoring-store.ts';
import { z } from 'zod';

const PARALLEL = 8;
const PROCEDURE_LOOKBACK_MS = 366 * 24 * 60 * 60 * 1000;

const Report = z.object({
  department: z.enum(DEPARTMENTS),
  sourceRef: z.string(),
  amountFen: z.number().int(),
});

const CaseItem = z.object({
  caseId: z.string(),
  householdId: z.string(),
  townCode: z.string(),
  villageCode: z.string(),
  residentId: z.string(),
  personName: z.string(),
  category: FundCategory,
  eventDate: z.string(),
  amountFen: z.number().int(),
  status: z.string(),
  screenReasons: z.array(ScreenReason).default([]),
  intakeSubmissionId: z.string(),
  // Absent on cases from before the case carried its first report (all reports in `SRC#` items).
  intakeDepartment: z.enum(DEPARTMENTS).optional(),
  intakeSourceRef: z.string().optional(),
  intakeAmountFen: z.number().int().optional(),
});

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

export const dynamoCadenceSources = (
  client: DynamoDBDocumentClient,
  table: () => string,
  monitoring: Pick<MonitoringStore, 'household'>,
): CadenceSources => ({
  async submissions(countyCode, period) {
    const items = await queryAll(client, {
      TableName: table(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': `SUBS#${countyCode}#${nextMonth(period)}` },
    });
    return items
      .filter((item) => item.period === period)
      .map((item) => ({
        submissionId: str(item.submissionId),
        status: str(item.status),
        receivedAt: str(item.receivedAt),
      }));
  },

  async casesOf(countyCode, submissions) {
    const ids = new Set(submissions.map((s) => s.submissionId));
    const instants = [...new Set(submissions.map((s) => s.receivedAt))];
    const found = new Map<string, z.infer<typeof CaseItem>>();
    const queries = instants.flatMap((at) => CASE_STATUSES.map((status) => `${status}#${at}#`));
    await inParallel(queries, PARALLEL, async (prefix) => {
      const items = await queryAll(client, {
        TableName: table(),
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :pk AND begins_with(gsi3sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `CASES#${countyCode}`, ':prefix': prefix },
      });
      for (const item of items)
        if (ids.has(str(item.intakeSubmissionId))) {
          const parsed = CaseItem.parse(item);
          found.set(parsed.caseId, parsed);
        }
    });
    // The month's further reports, listed per submission; an event first reported in an earlier
    // month is in the list through them (its case read by key, its first report not the month's).
    const further = new Map<string, DepartmentReport[]>();
    await inParallel([...ids], PARALLEL, async (submissionId) => {
      const items = await queryAll(client, {
        TableName: table(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': `SRCS#${submissionId}` },
      });
      for (const item of items) {
        const caseId = str(item.caseId);
        further.set(caseId, [...(further.get(caseId) ?? []), Report.parse(item)]);
      }
    });
    const firstLayout = [...found.values()].filter((c) => c.intakeDepartment === undefined);
    await inParallel(firstLayout, PARALLEL, async (c) => {
      const items = await queryAll(client, {
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :src)',
        ExpressionAttributeValues: { ':pk': `CASE#${c.caseId}`, ':src': 'SRC#' },
      });
      further.set(
        c.caseId,
        items.filter((item) => ids.has(str(item.submissionId))).map((item) => Report.parse(item)),
      );
    });
    const earlier = [...further.keys()].filter((caseId) => !found.has(caseId));
    if (earlier.length > 0)
      for (const item of (
        await batchGet(
          client,
          table(),
          earlier.map((caseId) => ({ pk: `CASE#${caseId}`, sk: 'CASE' })),
          { parallel: PARALLEL },
        )
      ).values()) {
        const parsed = CaseItem.parse(item);
        found.set(parsed.caseId, parsed);
      }
    return [...found.values()].map((c): MonthCase => ({
      caseId: c.caseId,
      householdId: c.householdId,
      townCode: c.townCode,
      villageCode: c.villageCode,
      residentId: c.residentId,
      personName: c.personName,
      category: c.category,
      eventDate: c.eventDate,
      amountFen: c.amountFen,
      status: c.status,
      screenReasons: c.screenReasons,
      reports: [
        ...(ids.has(c.intakeSubmissionId) &&
        c.intakeDepartment !== undefined &&
        c.intakeSourceRef !== undefined &&
        c.intakeAmountFen !== undefined
          ? [{ department: c.intakeDepartment, sourceRef: c.intakeSourceRef, amountFen: c.intakeAmountFen }]
          : []),
        ...(further.get(c.caseId) ?? []),
      ],
    }));
  },

  async monitoredHouseholds(countyCode) {
    const items = await queryAll(client, {
      TableName: table(),
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk AND begins_with(gsi3sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `COUNTY#${countyCode}`, ':prefix': 'HH#monitored#' },
      ProjectionExpression: 'householdId, townCode, villageCode, headName',
    });
    return items.map((item) => ({
      householdId: str(item.householdId),
      townCode: str(item.townCode),
      villageCode: str(item.villageCode),
      headName: str(item.headName),
    }));
  },

  async householdFacts(householdIds) {
    const [households, states] = await Promise.all([
      batchGet(
        client,
        table(),
        householdIds.map((id) => ({ pk: `HH#${id}`, sk: 'HH' })),
        { projection: ['type'], parallel: PARALLEL },
      ),
      batchGet(
        client,
        table(),
        householdIds.map((id) => ({ pk: `MON#${id}`, sk: 'STATE' })),
        { projection: ['status'], parallel: PARALLEL },
      ),
    ]);
    const facts = new Map<string, HouseholdFacts>();
    for (const id of householdIds) {
      const type = HouseholdType.safeParse(households.get(`HH#${id}|HH`)?.type);
      const status = MonitoringStatus.safeParse(states.get(`MON#${id}|STATE`)?.status);
      facts.set(id, {
        ...(type.success ? { type: type.data } : {}),
        ...(status.success ? { monitoringStatus: status.data } : {}),
      });
    }
    return facts;
  },

  async latestIncomes(householdIds, month) {
    const latest = new Map<string, { month: string; a34PerCapitaFen: number }>();
    await inParallel(householdIds, PARALLEL, async (id) => {
      const result = await client.send(
        new QueryCommand({
          TableName: table(),
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': `MON#${id}`, ':from': 'INCOME#', ':to': `INCOME#${month}` },
          ScanIndexForward: false,
          Limit: 1,
        }),
      );
      const item = result.Items?.[0];
      const figures = item?.figures as { a34PerCapitaFen?: unknown } | undefined;
      if (item && typeof figures?.a34PerCapitaFen === 'number')
        latest.set(id, { month: str(item.month), a34PerCapitaFen: figures.a34PerCapitaFen });
    });
    return latest;
  },

  async eliminatedSince(countyCode, since) {
    const openedFrom = new Date(Date.parse(since) - PROCEDURE_LOOKBACK_MS).toISOString();
    const items = await queryAll(client, {
      TableName: table(),
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk BETWEEN :from AND :to',
      FilterExpression: 'kind = :kind AND #outcome.#at >= :since',
      ExpressionAttributeNames: { '#outcome': 'outcome', '#at': 'at' },
      ExpressionAttributeValues: {
        ':pk': `MONPROCS#${countyCode}`,
        ':from': `completed#${openedFrom}`,
        ':to': 'completed#\uffff',
        ':kind': 'elimination',
        ':since': since,
      },
      ProjectionExpression: 'householdId',
    });
    return [...new Set(items.map((item) => str(item.householdId)))];
  },

  async householdRecords(householdIds) {
    const heads = await batchGet(
      client,
      table(),
      householdIds.map((id) => ({ pk: `HH#${id}`, sk: 'HH' })),
      { projection: ['headName'], parallel: PARALLEL },
    );
    const records: HouseholdRecords[] = [];
    await inParallel(householdIds, PARALLEL, async (id) => {
      const found = await monitoring.household(id);
      if (!found.state) return;
      records.push({
        state: found.state,
        headName: str(heads.get(`HH#${id}|HH`)?.headName),
        measures: found.measures,
        assessments: found.assessments,
        incomes: found.incomes,
      });
    });
    return records;
  },

  config: (countyCode, year) => configStore.get(countyCode, year),
});

export const cadenceSources: CadenceSources = dynamoCadenceSources(dynamo, tableName.main, monitoringStore);
