/**
 * Registry snapshots in the main table: `pk=STATS#<countyCode>`, `sk=REGISTRY#<takenAt>`, plus
 * `sk=REGISTRY#LATEST` overwritten each night. Households are read from the county index
 * (`gsi3pk=COUNTY#<code>`, see household-store.ts), projected to what the count needs.
 */
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from './aws-clients.ts';
import type { HouseholdFacts, RegistrySnapshot } from '../usecases/stats/registry-snapshot.ts';

interface MemberStatus {
  readonly status?: string;
}

export const statsStore = {
  async *countyHouseholds(countyCode: string): AsyncGenerator<HouseholdFacts> {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamo.send(
        new QueryCommand({
          TableName: tableName.main(),
          IndexName: 'gsi3',
          KeyConditionExpression: 'gsi3pk = :pk AND begins_with(gsi3sk, :hh)',
          ExpressionAttributeValues: { ':pk': `COUNTY#${countyCode}`, ':hh': 'HH#' },
          ExpressionAttributeNames: { '#type': 'type', '#members': 'members' },
          ProjectionExpression: 'villageCode, #type, #members',
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const members = (item.members ?? []) as MemberStatus[];
        yield {
          villageCode: String(item.villageCode),
          type: String(item.type),
          activeMembers: members.filter((m) => m.status !== 'left').length,
        };
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  },

  async save(snapshot: RegistrySnapshot): Promise<void> {
    for (const sk of [`REGISTRY#${snapshot.takenAt}`, 'REGISTRY#LATEST']) {
      await dynamo.send(
        new PutCommand({
          TableName: tableName.main(),
          Item: { pk: `STATS#${snapshot.countyCode}`, sk, entity: 'registry-snapshot', ...snapshot },
        }),
      );
    }
  },

  async latest(countyCode: string): Promise<RegistrySnapshot | undefined> {
    const result = await dynamo.send(
      new GetCommand({
        TableName: tableName.main(),
        Key: { pk: `STATS#${countyCode}`, sk: 'REGISTRY#LATEST' },
      }),
    );
    if (!result.Item) return undefined;
    const { pk: _pk, sk: _sk, entity: _entity, ...snapshot } = result.Item;
    return snapshot as RegistrySnapshot;
  },
};
