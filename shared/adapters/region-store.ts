/**
 * Administrative regions in the main table: `pk=REGION#<code>`, `sk=REGION`;
 * `gsi1pk=REGIONS#<countyCode>`, `gsi1sk=<code>` lists a county's towns and villages;
 * counties also carry `gsi2pk=COUNTIES`, `gsi2sk=<code>` so the nightly jobs can list them.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from './aws-clients.ts';
import { countyOf } from '../domain/region.ts';
import { queryAll } from './batch-io.ts';

export interface RegionRecord {
  readonly code: string;
  readonly name: string;
  readonly level: 'county' | 'town' | 'village';
  readonly parentCode?: string;
}

export const regionItem = (region: RegionRecord) => ({
  pk: `REGION#${region.code}`,
  sk: 'REGION',
  entity: 'region',
  ...region,
  gsi1pk: `REGIONS#${countyOf(region.code)}`,
  gsi1sk: region.code,
  ...(region.level === 'county' ? { gsi2pk: 'COUNTIES', gsi2sk: region.code } : {}),
});

const toRegion = (item: Record<string, unknown>): RegionRecord => ({
  code: String(item.code),
  name: String(item.name),
  level: item.level as RegionRecord['level'],
  ...(item.parentCode ? { parentCode: String(item.parentCode) } : {}),
});

export const regionStore = {
  async put(region: RegionRecord): Promise<void> {
    await dynamo.send(new PutCommand({ TableName: tableName.main(), Item: regionItem(region) }));
  },
  /** The county and all its towns and villages, ordered by code. */
  async listCounty(countyCode: string): Promise<RegionRecord[]> {
    const items = await queryAll(dynamo, {
      TableName: tableName.main(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `REGIONS#${countyCode}` },
    });
    return items.map(toRegion);
  },
  async listCounties(): Promise<string[]> {
    const items = await queryAll(dynamo, {
      TableName: tableName.main(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': 'COUNTIES' },
    });
    return items.map((item) => String(item.code));
  },
};
