/** The household file (一户一档): events under `pk=HHFILE#<householdId>`, `sk=<at>#<eventId>`, oldest first. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { HouseholdFileEvent, householdFilePartition } from '../domain/household-file.ts';
import { dynamo, tableName } from './aws-clients.ts';
import { queryAll } from './batch-io.ts';
import { withoutKeys } from './item-keys.ts';

export interface HouseholdFileStore {
  /** Every event of the household, in order. */
  events(householdId: string): Promise<HouseholdFileEvent[]>;
}

export const dynamoHouseholdFileStore = (
  client: DynamoDBDocumentClient,
  table: () => string,
): HouseholdFileStore => ({
  async events(householdId) {
    const items = await queryAll(client, {
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': householdFilePartition(householdId) },
      ConsistentRead: true,
    });
    return items.map((item) => HouseholdFileEvent.parse(withoutKeys(item)));
  },
});

export const householdFileStore: HouseholdFileStore = dynamoHouseholdFileStore(dynamo, tableName.main);
