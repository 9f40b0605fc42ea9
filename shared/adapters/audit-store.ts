/**
 * The audit table (append-only):
 * - `pk=ENTITY#household#<householdId>`, `sk=<at ISO>#<auditId>`: a household's changes and reads
 *   of its full personal data, oldest first;
 * - reads of full personal data also carry `gsi1pk=PII#<countyCode>`, `gsi1sk=<at ISO>#<auditId>`,
 *   so the auditor lists a county's reads by time range.
 * Changes are written by the household store in the same transaction as the change (`auditItem`).
 */
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../domain/audit.ts';
import type { AuditStore, Page, PageRequest, PersonalDataReadQuery } from '../usecases/registry/ports.ts';
import { decodeCursor, pageOf } from './cursor.ts';

const PII_INDEX = 'gsi1';
const HISTORY_KEY = ['pk', 'sk'];
const PII_KEY = ['pk', 'sk', 'gsi1pk', 'gsi1sk'];

export const auditPartition = (entityType: string, entityId: string) => `ENTITY#${entityType}#${entityId}`;

const piiPartition = (countyCode: string) => `PII#${countyCode}`;

export const auditItem = (entry: AuditEntry): Record<string, unknown> => ({
  pk: auditPartition(entry.entityType, entry.entityId),
  sk: `${entry.at}#${entry.auditId}`,
  ...entry,
  ...(entry.action === 'identity.read'
    ? { gsi1pk: piiPartition(entry.countyCode), gsi1sk: `${entry.at}#${entry.auditId}` }
    : {}),
});

const toEntry = (item: Record<string, unknown>): AuditEntry => {
  const { pk: _pk, sk: _sk, gsi1pk: _gpk, gsi1sk: _gsk, ...entry } = item;
  return entry as unknown as AuditEntry;
};

export const dynamoAuditStore = (client: DynamoDBDocumentClient, table: () => string): AuditStore => ({
  async history(householdId: string, page: PageRequest): Promise<Page<AuditEntry>> {
    const pk = auditPartition('household', householdId);
    const result = await client.send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        Limit: page.limit + 1,
        ExclusiveStartKey: decodeCursor(page.cursor, { attributes: HISTORY_KEY, equal: { pk } }),
      }),
    );
    const found = pageOf(result.Items ?? [], page.limit, HISTORY_KEY);
    return { items: found.items.map(toEntry), nextCursor: found.nextCursor };
  },

  async recordPersonalDataRead(entry: AuditEntry): Promise<void> {
    await client.send(
      new PutCommand({
        TableName: table(),
        Item: auditItem(entry),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  },

  async personalDataReads(query: PersonalDataReadQuery, page: PageRequest): Promise<Page<AuditEntry>> {
    const gsi1pk = piiPartition(query.countyCode);
    const range =
      query.from && query.to
        ? { condition: ' AND gsi1sk BETWEEN :from AND :to', values: { ':from': query.from, ':to': query.to } }
        : query.from
          ? { condition: ' AND gsi1sk >= :from', values: { ':from': query.from } }
          : query.to
            ? { condition: ' AND gsi1sk < :to', values: { ':to': query.to } }
            : { condition: '', values: {} };
    const result = await client.send(
      new QueryCommand({
        TableName: table(),
        IndexName: PII_INDEX,
        KeyConditionExpression: `gsi1pk = :pk${range.condition}`,
        ExpressionAttributeValues: { ':pk': gsi1pk, ...range.values },
        ScanIndexForward: false,
        Limit: page.limit + 1,
        ExclusiveStartKey: decodeCursor(page.cursor, { attributes: PII_KEY, equal: { gsi1pk } }),
      }),
    );
    const found = pageOf(result.Items ?? [], page.limit, PII_KEY);
    return { items: found.items.map(toEntry), nextCursor: found.nextCursor };
  },
});
