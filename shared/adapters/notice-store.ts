/**
 * Notices, their objections and each listed subject's latest notice in the main table (layout in
 * `shared/domain/notice/notice.ts`). Every change of a notice is a version-checked put of the whole
 * notice, written in one transaction with the objection it concerns, the subjects' items it changes
 * and its audit records, so a double close or two racing resolutions change nothing twice.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SubjectType } from '../domain/deliberation.ts';
import {
  Notice,
  Objection,
  SubjectOutcome,
  noticeItem,
  noticeKey,
  objectionItem,
  objectionKey,
  subjectOutcomeItem,
  subjectOutcomeKey,
  type NoticeStatus,
} from '../domain/notice/notice.ts';
import { Conflict, NotFound } from '../http/errors.ts';
import type { Page, PageRequest } from '../usecases/registry/ports.ts';
import { dynamo, tableName } from './aws-clients.ts';
import { queryAll } from './batch-io.ts';
import { withoutKeys } from './item-keys.ts';
import { queryRegionIndex } from './region-index.ts';
import { transactWrite, type GuardedItem } from './transaction-errors.ts';

export const STALE_NOTICE = 'STALE_VERSION';
export const SUBJECT_ON_NOTICE = 'SUBJECT_ON_NOTICE';
export const OBJECTION_EXISTS = 'OBJECTION_EXISTS';
export const OBJECTION_RESOLVED = 'OBJECTION_RESOLVED';

export interface NoticeWrite {
  readonly notice: Notice;
  /** Absent for a new notice. */
  readonly expectedVersion?: number;
  /** A new objection (no `expectedStatus`), or a resolution of an open one (`expectedStatus: 'open'`). */
  readonly objection?: { readonly next: Objection; readonly expectedStatus?: 'open' };
  /**
   * Subject items to write. A new notice claims them (no other notice lists the subject, unless it
   * was withdrawn there); a change of this notice updates those still pointing at it.
   */
  readonly subjects: readonly SubjectOutcome[];
  readonly audit: readonly Record<string, unknown>[];
}

export interface NoticeStore {
  get(noticeId: string): Promise<Notice | undefined>;
  /** Newest first, of a village, town or county, optionally one status. */
  list(query: { regionCode: string; status?: NoticeStatus }, page: PageRequest): Promise<Page<Notice>>;
  /** The latest notice that listed the subject, with the subject's and the notice's status. */
  subjectOutcome(subjectType: SubjectType, subjectId: string): Promise<SubjectOutcome | undefined>;
  getObjection(noticeId: string, objectionId: string): Promise<Objection | undefined>;
  listObjections(noticeId: string): Promise<Objection[]>;
  save(write: NoticeWrite): Promise<void>;
}

const toNotice = (item: Record<string, unknown>): Notice => Notice.parse(withoutKeys(item));
const toObjection = (item: Record<string, unknown>): Objection => Objection.parse(withoutKeys(item));

const staleNotice = (currentVersion: number) =>
  new Conflict(`该公示已被他人更新（当前版本 ${currentVersion}），请刷新后重试`, STALE_NOTICE, {
    currentVersion,
  });

const noticePut = (table: string, write: NoticeWrite): GuardedItem =>
  write.expectedVersion === undefined
    ? {
        item: {
          Put: {
            TableName: table,
            Item: noticeItem(write.notice),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConditionFailed: () => new Conflict('该公示编号已被使用', STALE_NOTICE),
      }
    : {
        item: {
          Put: {
            TableName: table,
            Item: noticeItem(write.notice),
            ConditionExpression: 'attribute_exists(pk) AND version = :v',
            ExpressionAttributeValues: { ':v': write.expectedVersion },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        onConditionFailed: (old) => (old?.version?.N ? staleNotice(Number(old.version.N)) : new NotFound()),
      };

const objectionPut = (table: string, objection: NonNullable<NoticeWrite['objection']>): GuardedItem =>
  objection.expectedStatus === undefined
    ? {
        item: {
          Put: {
            TableName: table,
            Item: objectionItem(objection.next),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConditionFailed: () => new Conflict('该异议编号已被使用', OBJECTION_EXISTS),
      }
    : {
        item: {
          Put: {
            TableName: table,
            Item: objectionItem(objection.next),
            ConditionExpression: '#status = :open',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':open': 'open' },
          },
        },
        onConditionFailed: () => new Conflict('该异议已办结', OBJECTION_RESOLVED),
      };

const subjectPut = (table: string, subject: SubjectOutcome, claiming: boolean): GuardedItem =>
  claiming
    ? {
        item: {
          Put: {
            TableName: table,
            Item: subjectOutcomeItem(subject),
            ConditionExpression: 'attribute_not_exists(pk) OR subjectStatus = :withdrawn',
            ExpressionAttributeValues: { ':withdrawn': 'withdrawn' },
          },
        },
        onConditionFailed: () =>
          new Conflict('有对象已在另一份公示中列出', SUBJECT_ON_NOTICE, { subjectId: subject.subjectId }),
      }
    : {
        item: {
          Put: {
            TableName: table,
            Item: subjectOutcomeItem(subject),
            ConditionExpression: 'noticeId = :notice',
            ExpressionAttributeValues: { ':notice': subject.noticeId },
          },
        },
        onConditionFailed: () =>
          new Conflict('有对象已转入另一份公示', SUBJECT_ON_NOTICE, { subjectId: subject.subjectId }),
      };

export const dynamoNoticeStore = (
  client: DynamoDBDocumentClient,
  table: () => string,
  auditTable: () => string,
): NoticeStore => ({
  async get(noticeId) {
    const found = await client.send(new GetCommand({ TableName: table(), Key: noticeKey(noticeId) }));
    return found.Item ? toNotice(found.Item) : undefined;
  },

  async list(query, page) {
    const found = await queryRegionIndex(
      client,
      { table: table(), prefix: 'NOTICES#', regionCode: query.regionCode, status: query.status },
      page,
    );
    return { items: found.items.map(toNotice), nextCursor: found.nextCursor };
  },

  async subjectOutcome(subjectType, subjectId) {
    const found = await client.send(
      new GetCommand({ TableName: table(), Key: subjectOutcomeKey(subjectType, subjectId) }),
    );
    return found.Item ? SubjectOutcome.parse(withoutKeys(found.Item)) : undefined;
  },

  async getObjection(noticeId, objectionId) {
    const found = await client.send(
      new GetCommand({ TableName: table(), Key: objectionKey(noticeId, objectionId) }),
    );
    return found.Item ? toObjection(found.Item) : undefined;
  },

  async listObjections(noticeId) {
    const items = await queryAll(client, {
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :obj)',
      ExpressionAttributeValues: { ':pk': noticeKey(noticeId).pk, ':obj': 'OBJ#' },
    });
    return items.map(toObjection).sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  },

  async save(write) {
    const claiming = write.expectedVersion === undefined;
    await transactWrite(client, [
      noticePut(table(), write),
      ...(write.objection ? [objectionPut(table(), write.objection)] : []),
      ...write.subjects.map((s) => subjectPut(table(), s, claiming)),
      ...write.audit.map((Item) => ({ item: { Put: { TableName: auditTable(), Item } } })),
    ]);
  },
});

export const noticeStore: NoticeStore = dynamoNoticeStore(dynamo, tableName.main, tableName.audit);
