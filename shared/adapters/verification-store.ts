/**
 * Verification records in the main table, in the case's partition (its file shows every step):
 * - task `pk=CASE#<caseId>`, `sk=TASK#<round:3>`; gsi1 `VTASKS#<contract>#<adjuster>` /
 *   `<state>#<assignedAt>#<caseId>` (an adjuster's tasks); gsi2 `VTASKS#<contract>` /
 *   `<state>#<adjuster>#<assignedAt>#<caseId>` (a contract's tasks, workload per adjuster);
 *   gsi3 while open `VTASKS#OPEN#<county>` / `<deadline>#<caseId>#<round>` (overdue sweep),
 *   once submitted `VTASKS#DONE#<county>` / `<submittedAt>#<caseId>#<round>` (sampling
 *   population, quality);
 * - result `sk=RESULT#<round:3>#<version:3>`: every version kept;
 * - re-inspection `sk=REINSPECT#<round:3>`; gsi1 `REINSPECTIONS#<county>` / `<recordedAt>#<caseId>`.
 * Writes that move a case go in one transaction with the case (version-checked) and the audit.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FundCase } from '../domain/fund-case.ts';
import { VerificationTask } from '../domain/verification/task.ts';
import { VerificationResult } from '../domain/verification/result.ts';
import { Reinspection } from '../domain/verification/reinspection.ts';
import { Conflict } from '../http/errors.ts';
import { dynamo, tableName } from './aws-clients.ts';
import { queryAll } from './batch-io.ts';
import { caseUpdate } from './fund-case-store.ts';
import { withoutKeys } from './item-keys.ts';
import { transactWrite, type GuardedItem } from './transaction-errors.ts';

const pad = (n: number) => String(n).padStart(3, '0');
const casePk = (caseId: string) => `CASE#${caseId}`;
export const taskKey = (caseId: string, round: number) => ({ pk: casePk(caseId), sk: `TASK#${pad(round)}` });
const resultKey = (caseId: string, round: number, version: number) => ({
  pk: casePk(caseId),
  sk: `RESULT#${pad(round)}#${pad(version)}`,
});
const reinspectionKey = (caseId: string, round: number) => ({
  pk: casePk(caseId),
  sk: `REINSPECT#${pad(round)}`,
});

export const openTasksPartition = (countyCode: string) => `VTASKS#OPEN#${countyCode}`;
export const doneTasksPartition = (countyCode: string) => `VTASKS#DONE#${countyCode}`;

export const taskItem = (t: VerificationTask): Record<string, unknown> => ({
  ...taskKey(t.caseId, t.round),
  entity: 'verificationTask',
  ...t,
  gsi1pk: `VTASKS#${t.insurerContract}#${t.adjuster}`,
  gsi1sk: `${t.state}#${t.assignedAt}#${t.caseId}`,
  gsi2pk: `VTASKS#${t.insurerContract}`,
  gsi2sk: `${t.state}#${t.adjuster}#${t.assignedAt}#${t.caseId}`,
  ...(t.state === 'open'
    ? { gsi3pk: openTasksPartition(t.countyCode), gsi3sk: `${t.deadline}#${t.caseId}#${t.round}` }
    : { gsi3pk: doneTasksPartition(t.countyCode), gsi3sk: `${t.submittedAt ?? ''}#${t.caseId}#${t.round}` }),
});

const taskChanged = () => new Conflict('核查任务已被他人修改，请刷新后重试', 'STALE_TASK');

/** Puts the task: new (`expectedVersion` undefined) or replacing the version read. */
export const taskPut = (table: string, task: VerificationTask, expectedVersion?: number): GuardedItem => ({
  item: {
    Put: {
      TableName: table,
      Item: taskItem(task),
      ConditionExpression: expectedVersion === undefined ? 'attribute_not_exists(pk)' : '#v = :v',
      ...(expectedVersion === undefined
        ? {}
        : {
            ExpressionAttributeNames: { '#v': 'version' },
            ExpressionAttributeValues: { ':v': expectedVersion },
          }),
    },
  },
  onConditionFailed: () =>
    expectedVersion === undefined ? new Conflict('该案件本轮已有核查任务', 'TASK_EXISTS') : taskChanged(),
});

export interface CaseMove {
  readonly next: FundCase;
  readonly expectedVersion: number;
}

export interface VerificationWrite {
  readonly tasks?: readonly { task: VerificationTask; expectedVersion?: number }[];
  readonly result?: VerificationResult;
  readonly reinspection?: Reinspection;
  readonly caseMove?: CaseMove;
  readonly audit: readonly Record<string, unknown>[];
}

export interface VerificationStore {
  tasksOfCase(caseId: string): Promise<VerificationTask[]>;
  resultsOfCase(caseId: string): Promise<VerificationResult[]>;
  reinspectionsOfCase(caseId: string): Promise<Reinspection[]>;
  getTask(caseId: string, round: number): Promise<VerificationTask | undefined>;
  /** An adjuster's tasks (gsi1), optionally of one state. */
  tasksOfAdjuster(contract: string, adjuster: string, state?: string): Promise<VerificationTask[]>;
  /** A contract's tasks (gsi2), optionally of one state. */
  tasksOfContract(contract: string, state?: string): Promise<VerificationTask[]>;
  /** Open tasks whose deadline is before `iso`. */
  openTasksDueBefore(countyCode: string, iso: string): Promise<VerificationTask[]>;
  /** Tasks submitted in [fromIso, toIso). */
  submittedBetween(countyCode: string, fromIso: string, toIso: string): Promise<VerificationTask[]>;
  /** One transaction: tasks, result, re-inspection, the case's move, audit records. */
  write(change: VerificationWrite): Promise<void>;
}

const toTask = (item: Record<string, unknown>) => VerificationTask.parse(withoutKeys(item));

export const dynamoVerificationStore = (
  client: DynamoDBDocumentClient,
  table: () => string,
  auditTable: () => string,
): VerificationStore => {
  const partition = async (caseId: string, prefix: string) =>
    queryAll(client, {
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': casePk(caseId), ':prefix': prefix },
    });
  const byIndex = async (index: string, pk: string, skPrefix?: string) =>
    queryAll(client, {
      TableName: table(),
      IndexName: index,
      KeyConditionExpression: `${index}pk = :pk${skPrefix ? ` AND begins_with(${index}sk, :sk)` : ''}`,
      ExpressionAttributeValues: { ':pk': pk, ...(skPrefix ? { ':sk': skPrefix } : {}) },
    });
  const range = async (pk: string, from: string, to: string) =>
    queryAll(client, {
      TableName: table(),
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to },
    });
  return {
    async tasksOfCase(caseId) {
      return (await partition(caseId, 'TASK#')).map(toTask);
    },
    async resultsOfCase(caseId) {
      return (await partition(caseId, 'RESULT#')).map((i) => VerificationResult.parse(withoutKeys(i)));
    },
    async reinspectionsOfCase(caseId) {
      return (await partition(caseId, 'REINSPECT#')).map((i) => Reinspection.parse(withoutKeys(i)));
    },
    async getTask(caseId, round) {
      const found = await client.send(new GetCommand({ TableName: table(), Key: taskKey(caseId, round) }));
      return found.Item ? toTask(found.Item) : undefined;
    },
    async tasksOfAdjuster(contract, adjuster, state) {
      return (await byIndex('gsi1', `VTASKS#${contract}#${adjuster}`, state && `${state}#`)).map(toTask);
    },
    async tasksOfContract(contract, state) {
      return (await byIndex('gsi2', `VTASKS#${contract}`, state && `${state}#`)).map(toTask);
    },
    async openTasksDueBefore(countyCode, iso) {
      return (await range(openTasksPartition(countyCode), '0', iso)).map(toTask);
    },
    async submittedBetween(countyCode, fromIso, toIso) {
      return (await range(doneTasksPartition(countyCode), fromIso, toIso)).map(toTask);
    },
    async write(change) {
      const items: GuardedItem[] = [];
      if (change.caseMove)
        items.push(caseUpdate(table(), change.caseMove.next, change.caseMove.expectedVersion));
      for (const { task, expectedVersion } of change.tasks ?? [])
        items.push(taskPut(table(), task, expectedVersion));
      if (change.result) {
        const r = change.result;
        items.push({
          item: {
            Put: {
              TableName: table(),
              Item: { ...resultKey(r.caseId, r.round, r.version), entity: 'verificationResult', ...r },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          onConditionFailed: () =>
            new Conflict('核查结果正被同时提交，请刷新后重试', 'CONCURRENT_SUBMISSION'),
        });
      }
      if (change.reinspection) {
        const r = change.reinspection;
        items.push({
          item: {
            Put: {
              TableName: table(),
              Item: {
                ...reinspectionKey(r.caseId, r.round),
                entity: 'reinspection',
                ...r,
                gsi1pk: `REINSPECTIONS#${r.countyCode}`,
                gsi1sk: `${r.recordedAt}#${r.caseId}`,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          onConditionFailed: () => new Conflict('该核查已复核，不能重复复核', 'ALREADY_REINSPECTED'),
        });
      }
      for (const Item of change.audit) items.push({ item: { Put: { TableName: auditTable(), Item } } });
      await transactWrite(client, items);
    },
  };
};

export const verificationStore: VerificationStore = dynamoVerificationStore(
  dynamo,
  tableName.main,
  tableName.audit,
);
