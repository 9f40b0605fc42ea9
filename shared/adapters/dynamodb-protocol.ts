/**
 * DynamoDB's JSON protocol, with the bulk requests written by `JSON.stringify`. The SDK writes
 * every request body character by character through the service's schema; for a BatchWriteItem of
 * 25 fund cases that cost about as much CPU as everything else the intake does with a row
 * (PERFORMANCE.md). DynamoDB's request body for these operations is the input itself, so the
 * native writer gives the same bytes. Binary attribute values (`B`, `BS`), which JSON has no
 * form for, are written in base64 as the SDK writes them. Responses are read by the SDK as before.
 */
import { AwsJson1_0Protocol } from '@aws-sdk/core/protocols';

type Operation = Parameters<AwsJson1_0Protocol['serializeRequest']>[0];
type Context = Parameters<AwsJson1_0Protocol['serializeRequest']>[2];

/** Operations whose request body is written natively. */
const NATIVE = new Set(['BatchWriteItem', 'BatchGetItem']);

const base64 = (value: unknown): unknown => {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  // A Buffer has turned itself into `{ type: 'Buffer', data }` before the replacer sees it.
  const buffer = value as { type?: unknown; data?: unknown };
  if (buffer?.type === 'Buffer' && Array.isArray(buffer.data))
    return Buffer.from(buffer.data as number[]).toString('base64');
  return value;
};

const binaryAsBase64 = (key: string, value: unknown): unknown => {
  if (key === 'B') return base64(value);
  if (key === 'BS' && Array.isArray(value)) return value.map(base64);
  return value;
};

export class DynamoDBBulkJsonProtocol extends AwsJson1_0Protocol {
  override async serializeRequest(operation: Operation, input: object, context: Context) {
    const name = (operation as { name?: string }).name ?? '';
    if (!NATIVE.has(name)) return super.serializeRequest(operation, input, context);
    const request = await super.serializeRequest(operation, {}, context);
    const body = JSON.stringify(input);
    // Binary values, if any, came out as objects (`"B":{` or `"BS":[{`); a map attribute named B
    // looks the same and only costs the slower second pass.
    request.body =
      body.includes('"B":{') || body.includes('"BS":[{') ? JSON.stringify(input, binaryAsBase64) : body;
    return request;
  }
}
