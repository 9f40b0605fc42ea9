/**
 * Campaigns in the main table (layouts in `shared/domain/campaign/*.ts`): the campaign
 * (`CAMPAIGN#<id>`/`CAMPAIGN`, listed on gsi1 `CAMPAIGNS#<county>`), its checks
 * (`CHECK#<householdId>`) and its per-village counters (`COUNT#<villageCode>`), all in the
 * campaign's partition. A check and its counter update are ONE transaction: the check is put with
 * `attribute_not_exists` (first) or `version = :v` (replacement), the counter gets the difference
 * with `ADD`, so the counters always equal the sum of the latest checks.
 */
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Campaign, campaignItem, campaignPartition } from '../domain/campaign/campaign.ts';
import { CampaignCheck, checkItem } from '../domain/campaign/check.ts';
import {
  counterKey,
  COUNTER_NAMES,
  type Counters,
  type VillageCounters,
} from '../domain/campaign/counters.ts';
import { STALE_VERSION } from '../domain/household.ts';
import { Conflict } from '../http/errors.ts';
import { dynamo, tableName } from './aws-clients.ts';
import { queryAll } from './batch-io.ts';
import { withoutKeys } from './item-keys.ts';
import { transactWrite } from './transaction-errors.ts';

export interface CampaignStore {
  create(campaign: Campaign): Promise<void>;
  get(campaignId: string): Promise<Campaign | undefined>;
  /** The county's campaigns, newest first. */
  list(countyCode: string): Promise<Campaign[]>;
  getCheck(campaignId: string, householdId: string): Promise<CampaignCheck | undefined>;
  /** Puts the check (new, or replacing `expectedVersion`) and adds `delta` to its village's counters. */
  recordCheck(check: CampaignCheck, expectedVersion: number | undefined, delta: Counters): Promise<void>;
  /** One village's counters, read strongly consistent (after a check). */
  villageCounters(campaignId: string, villageCode: string): Promise<Counters>;
  /** Every village's counters of the campaign (one partition query, never the checks). */
  counters(campaignId: string): Promise<VillageCounters[]>;
}

const countersOf = (item: Record<string, unknown>): Counters =>
  Object.fromEntries(COUNTER_NAMES.map((name) => [name, typeof item[name] === 'number' ? item[name] : 0]));

export const dynamoCampaignStore = (client: DynamoDBDocumentClient, main: () => string): CampaignStore => ({
  async create(campaign) {
    await client.send(
      new PutCommand({
        TableName: main(),
        Item: campaignItem(campaign),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  },

  async get(campaignId) {
    const found = await client.send(
      new GetCommand({ TableName: main(), Key: { pk: campaignPartition(campaignId), sk: 'CAMPAIGN' } }),
    );
    return found.Item ? Campaign.parse(withoutKeys(found.Item)) : undefined;
  },

  async list(countyCode) {
    const items = await queryAll(client, {
      TableName: main(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `CAMPAIGNS#${countyCode}` },
      ScanIndexForward: false,
    });
    return items.map((item) => Campaign.parse(withoutKeys(item)));
  },

  async getCheck(campaignId, householdId) {
    const found = await client.send(
      new GetCommand({
        TableName: main(),
        Key: { pk: campaignPartition(campaignId), sk: `CHECK#${householdId}` },
        ConsistentRead: true,
      }),
    );
    return found.Item ? CampaignCheck.parse(withoutKeys(found.Item)) : undefined;
  },

  async recordCheck(check, expectedVersion, delta) {
    const names = Object.keys(delta);
    const counterAdd = names.map((name, i) => `#c${i} :c${i}`).join(', ');
    await transactWrite(client, [
      {
        item: {
          Put: {
            TableName: main(),
            Item: checkItem(check),
            ...(expectedVersion === undefined
              ? { ConditionExpression: 'attribute_not_exists(pk)' }
              : {
                  ConditionExpression: 'version = :v',
                  ExpressionAttributeValues: { ':v': expectedVersion },
                }),
          },
        },
        onConditionFailed: () =>
          new Conflict('该户的排查记录刚被他人更新，请刷新后重试', STALE_VERSION, {
            householdId: check.householdId,
          }),
      },
      {
        item: {
          Update: {
            TableName: main(),
            Key: counterKey(check.campaignId, check.villageCode),
            UpdateExpression: `SET entity = :entity, villageCode = :village, townCode = :town${
              counterAdd ? ` ADD ${counterAdd}` : ''
            }`,
            ...(names.length > 0
              ? { ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#c${i}`, name])) }
              : {}),
            ExpressionAttributeValues: {
              ':entity': 'campaign_counter',
              ':village': check.villageCode,
              ':town': check.townCode,
              ...Object.fromEntries(names.map((name, i) => [`:c${i}`, delta[name as keyof Counters]])),
            },
          },
        },
      },
    ]);
  },

  async villageCounters(campaignId, villageCode) {
    const found = await client.send(
      new GetCommand({ TableName: main(), Key: counterKey(campaignId, villageCode), ConsistentRead: true }),
    );
    return found.Item ? countersOf(found.Item) : {};
  },

  async counters(campaignId) {
    const items = await queryAll(client, {
      TableName: main(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': campaignPartition(campaignId), ':prefix': 'COUNT#' },
      ConsistentRead: true,
    });
    return items.map((item) => ({
      villageCode: String(item.villageCode),
      townCode: String(item.townCode),
      counters: countersOf(item),
    }));
  },
});

export const campaignStore: CampaignStore = dynamoCampaignStore(dynamo, tableName.main);
