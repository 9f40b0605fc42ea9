/** Upload records in the main table: `pk=UPLOAD#<uploadId>`, `sk=UPLOAD`. */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { dynamo, tableName } from './aws-clients.ts';

export interface UploadRecord {
  readonly uploadId: string;
  readonly key: string;
  readonly kind: string;
  readonly ownerId: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly declaredSize: number;
  readonly countyCode: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly status: 'pending' | 'stored' | 'rejected';
  readonly size?: number;
  readonly storedAt?: string;
  readonly rejectedReason?: string;
}

export interface UploadStore {
  create(record: UploadRecord): Promise<void>;
  get(uploadId: string): Promise<UploadRecord | undefined>;
  /** Marks a pending (or already stored: replays) upload; returns false when the record is unknown. */
  settle(
    uploadId: string,
    outcome: Pick<UploadRecord, 'status' | 'size' | 'storedAt' | 'rejectedReason'>,
  ): Promise<boolean>;
}

const key = (uploadId: string) => ({ pk: `UPLOAD#${uploadId}`, sk: 'UPLOAD' });

export const dynamoUploadStore: UploadStore = {
  async create(record) {
    await dynamo.send(
      new PutCommand({
        TableName: tableName.main(),
        Item: { ...key(record.uploadId), entity: 'upload', ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  },
  async get(uploadId) {
    const result = await dynamo.send(new GetCommand({ TableName: tableName.main(), Key: key(uploadId) }));
    if (!result.Item) return undefined;
    const { pk: _pk, sk: _sk, entity: _entity, ...record } = result.Item;
    return record as UploadRecord;
  },
  async settle(uploadId, outcome) {
    try {
      await dynamo.send(
        new UpdateCommand({
          TableName: tableName.main(),
          Key: key(uploadId),
          ConditionExpression: 'attribute_exists(pk)',
          UpdateExpression:
            'SET #status = :status, #size = :size, storedAt = :storedAt, rejectedReason = :reason',
          ExpressionAttributeNames: { '#status': 'status', '#size': 'size' },
          ExpressionAttributeValues: {
            ':status': outcome.status,
            ':size': outcome.size ?? null,
            ':storedAt': outcome.storedAt ?? null,
            ':reason': outcome.rejectedReason ?? null,
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  },
};
