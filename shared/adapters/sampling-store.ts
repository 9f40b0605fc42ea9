/**
 * Sampling plans: `pk=SPLAN#<planId>`, `sk=PLAN`; gsi1 `SPLANS#<county>` / `<createdAt>#<planId>`
 * (a county's plans, newest first). The population snapshot is an S3 object
 * `sampling/<county>/<planId>/population.json` (JSON, sorted by case id), written once; the plan
 * keeps its sha256 so a redraw can prove it is the same population.
 */
import { createHash } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { PopulationEntry } from '../domain/sampling/draw.ts';
import { SamplingPlan } from '../domain/sampling/plan.ts';
import { bucketName, dynamo, s3, tableName } from './aws-clients.ts';
import { withoutKeys } from './item-keys.ts';

const key = (planId: string) => ({ pk: `SPLAN#${planId}`, sk: 'PLAN' });

export interface SamplingPlanStore {
  create(plan: SamplingPlan): Promise<void>;
  get(planId: string): Promise<SamplingPlan | undefined>;
  save(plan: SamplingPlan): Promise<void>;
  listByCounty(countyCode: string, limit: number): Promise<SamplingPlan[]>;
}

const planItem = (plan: SamplingPlan) => ({
  ...key(plan.planId),
  entity: 'samplingPlan',
  ...plan,
  gsi1pk: `SPLANS#${plan.countyCode}`,
  gsi1sk: `${plan.createdAt}#${plan.planId}`,
});

export const dynamoSamplingPlanStore = (
  client: DynamoDBDocumentClient,
  table: () => string,
): SamplingPlanStore => ({
  async create(plan) {
    await client.send(
      new PutCommand({
        TableName: table(),
        Item: planItem(plan),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  },
  async get(planId) {
    const found = await client.send(new GetCommand({ TableName: table(), Key: key(planId) }));
    return found.Item ? SamplingPlan.parse(withoutKeys(found.Item)) : undefined;
  },
  async save(plan) {
    await client.send(
      new PutCommand({
        TableName: table(),
        Item: planItem(plan),
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
  },
  async listByCounty(countyCode, limit) {
    const found = await client.send(
      new QueryCommand({
        TableName: table(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': `SPLANS#${countyCode}` },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (found.Items ?? []).map((i) => SamplingPlan.parse(withoutKeys(i)));
  },
});

export interface PopulationSnapshots {
  /** Writes the snapshot; returns its key and sha256. */
  put(
    countyCode: string,
    planId: string,
    population: readonly PopulationEntry[],
  ): Promise<{ key: string; sha256: string }>;
  /** The stored snapshot and the sha256 of its bytes as stored. */
  get(key: string): Promise<{ population: PopulationEntry[]; sha256: string }>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const s3PopulationSnapshots = (client: S3Client, bucket: () => string): PopulationSnapshots => ({
  async put(countyCode, planId, population) {
    const objectKey = `sampling/${countyCode}/${planId}/population.json`;
    const body = JSON.stringify(population);
    await client.send(
      new PutObjectCommand({ Bucket: bucket(), Key: objectKey, Body: body, ContentType: 'application/json' }),
    );
    return { key: objectKey, sha256: sha256(body) };
  },
  async get(objectKey) {
    const object = await client.send(new GetObjectCommand({ Bucket: bucket(), Key: objectKey }));
    const text = (await object.Body?.transformToString('utf8')) ?? '[]';
    return { population: z.array(PopulationEntry).parse(JSON.parse(text)), sha256: sha256(text) };
  },
});

export const samplingPlanStore = dynamoSamplingPlanStore(dynamo, tableName.main);
export const populationSnapshots = s3PopulationSnapshots(s3, bucketName.evidence);
