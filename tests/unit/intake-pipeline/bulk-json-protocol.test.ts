/**
 * The bulk requests' bodies written by `JSON.stringify` are the bodies the SDK's own protocol
 * writes: the same JSON for items of every attribute type, binary values in base64 included, and
 * other operations are left to the SDK.
 */
import { describe, expect, it } from 'vitest';
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DynamoDBClient,
  PutItemCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { DynamoDBBulkJsonProtocol } from '../../../shared/adapters/dynamodb-protocol.ts';

/** A client that answers every request with `{}` and keeps the bodies it was sent. */
const capturing = (native: boolean) => {
  const bodies: string[] = [];
  const client = new DynamoDBClient({
    region: 'cn-north-1',
    endpoint: 'http://localhost:1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    ...(native ? { protocol: DynamoDBBulkJsonProtocol } : {}),
    requestHandler: {
      handle: async (request: { body?: unknown }) => {
        const body = request.body;
        bodies.push(body instanceof Uint8Array ? new TextDecoder().decode(body) : String(body));
        const { HttpResponse } = await import('@smithy/core/protocols');
        return {
          response: new HttpResponse({
            statusCode: 200,
            headers: { 'content-type': 'application/x-amz-json-1.0' },
            body: Buffer.from('{}'),
          }),
        };
      },
    },
  });
  return { client, bodies };
};

const item: Record<string, AttributeValue> = {
  ...marshall({
    pk: 'CASE#1',
    sk: 'CASE',
    personName: '张三 "引号" \\ 换行\n',
    amountFen: 1_234_500,
    ok: true,
    nothing: null,
    reasons: [{ code: 'INCOME_FAR_ABOVE_LINE', message: '人均 17,414 元' }],
    tags: new Set(['a', 'b']),
    counts: new Set([1, 2]),
  }),
  blob: { B: Uint8Array.from([0, 1, 2, 250]) },
  blobs: { BS: [Uint8Array.from([9]), Buffer.from('防贫')] },
  nested: { M: { B: { S: 'a map attribute named B' } } },
};

const bodyOf = async (
  native: boolean,
  command: BatchWriteItemCommand | BatchGetItemCommand | PutItemCommand,
) => {
  const { client, bodies } = capturing(native);
  await client.send(command as BatchWriteItemCommand);
  return JSON.parse(bodies[0] ?? 'null') as unknown;
};

describe('DynamoDBBulkJsonProtocol', () => {
  it('writes a BatchWriteItem body as the SDK does, binary values in base64', async () => {
    const command = () =>
      new BatchWriteItemCommand({
        RequestItems: {
          main: [{ PutRequest: { Item: item } }, { DeleteRequest: { Key: marshall({ pk: 'x', sk: 'y' }) } }],
        },
      });
    const native = await bodyOf(true, command());
    expect(native).toEqual(await bodyOf(false, command()));
    expect(JSON.stringify(native)).toContain('"B":"AAEC+g=="');
    expect(JSON.stringify(native)).toContain(`"BS":["CQ==","${Buffer.from('防贫').toString('base64')}"]`);
  });

  it('writes a BatchGetItem body with its projection as the SDK does', async () => {
    const command = () =>
      new BatchGetItemCommand({
        RequestItems: {
          main: {
            Keys: [marshall({ pk: 'RID#1', sk: 'RID' }), marshall({ pk: 'RID#2', sk: 'RID' })],
            ProjectionExpression: '#p0,#p1',
            ExpressionAttributeNames: { '#p0': 'pk', '#p1': 'householdId' },
          },
        },
      });
    expect(await bodyOf(true, command())).toEqual(await bodyOf(false, command()));
  });

  it('leaves other operations to the SDK', async () => {
    const command = () => new PutItemCommand({ TableName: 'main', Item: item });
    expect(await bodyOf(true, command())).toEqual(await bodyOf(false, command()));
  });
});
