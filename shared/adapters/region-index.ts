/**
 * Records listed per region level: gsi1 by village, gsi2 by town, gsi3 by county, each with
 * partition `<prefix><regionCode>` and sort key `<status>#<createdAt>#<id>` (fund cases,
 * applications). Newest first, optionally one status, paged with a checked cursor.
 */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { levelOf } from '../domain/region.ts';
import type { PageRequest } from '../usecases/registry/ports.ts';
import { decodeCursor, pageOf } from './cursor.ts';

const INDEX = { village: 'gsi1', town: 'gsi2', county: 'gsi3' } as const;

export interface RegionIndexQuery {
  readonly table: string;
  /** e.g. `CASES#`, `APPS#`. */
  readonly prefix: string;
  readonly regionCode: string;
  readonly status?: string;
  /** Equality filters on other attributes (applied after the key condition). */
  readonly equals?: Readonly<Record<string, string>>;
}

export const queryRegionIndex = async (
  client: DynamoDBDocumentClient,
  query: RegionIndexQuery,
  page: PageRequest,
): Promise<{ items: Record<string, unknown>[]; nextCursor?: string }> => {
  const index = INDEX[levelOf(query.regionCode)];
  const pkName = `${index}pk`;
  const skName = `${index}sk`;
  const partition = `${query.prefix}${query.regionCode}`;
  const keyAttributes = ['pk', 'sk', pkName, skName];
  const statusPrefix = query.status ? `${query.status}#` : undefined;
  const filters = Object.entries(query.equals ?? {});
  const result = await client.send(
    new QueryCommand({
      TableName: query.table,
      IndexName: index,
      KeyConditionExpression: `#gpk = :pk${statusPrefix ? ' AND begins_with(#gsk, :status)' : ''}`,
      ...(filters.length > 0
        ? { FilterExpression: filters.map((_, i) => `#f${i} = :f${i}`).join(' AND ') }
        : {}),
      ExpressionAttributeNames: {
        '#gpk': pkName,
        ...(statusPrefix ? { '#gsk': skName } : {}),
        ...Object.fromEntries(filters.map(([name], i) => [`#f${i}`, name])),
      },
      ExpressionAttributeValues: {
        ':pk': partition,
        ...(statusPrefix ? { ':status': statusPrefix } : {}),
        ...Object.fromEntries(filters.map(([, value], i) => [`:f${i}`, value])),
      },
      ScanIndexForward: false,
      Limit: page.limit + 1,
      ExclusiveStartKey: decodeCursor(page.cursor, {
        attributes: keyAttributes,
        equal: { [pkName]: partition },
        ...(statusPrefix ? { startsWith: { [skName]: statusPrefix } } : {}),
      }),
    }),
  );
  return pageOf(result.Items ?? [], page.limit, keyAttributes);
};
