/**
 * The S3 stand-in (s3rver) and the bucket notifications of the declaration: an object created
 * or removed under a declared prefix invokes the declared function with a standard S3 event,
 * asynchronously and with retries, as S3 → Lambda does on AWS.
 *
 * s3rver traps (see LOCAL-STACK.md): clients must sign with S3RVER/S3RVER, use path-style
 * addressing and `requestChecksumCalculation: 'WHEN_REQUIRED'`.
 */
import S3rver from 's3rver';
import type { S3rverEventRecord } from 's3rver';
import type { S3Event, S3EventRecord } from 'aws-lambda';
import { mkdir } from 'node:fs/promises';
import { LOCAL_PARTITION, LOCAL_REGION } from './names.ts';
import { LOOPBACK } from './net.ts';

export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface NotificationTarget {
  /** Physical bucket name. */
  readonly bucket: string;
  readonly events: readonly string[];
  readonly prefix?: string;
  readonly function: string;
}

export type InvokeFunction = (name: string, event: unknown) => Promise<unknown>;

export interface S3ServerOptions {
  readonly directory: string;
  readonly port?: number;
  /** Wipe the directory when the server closes (tests). */
  readonly resetOnClose?: boolean;
  readonly notifications: readonly NotificationTarget[];
  readonly invoke: InvokeFunction;
  /** Retries after the first failed attempt (Lambda's asynchronous invocation: 2). */
  readonly retries?: number;
  readonly retryDelayMs?: number;
}

export interface S3Server {
  readonly endpoint: string;
  readonly port: number;
  /** Resolves when every notification dispatched so far has been handled (or given up). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/** `s3:ObjectCreated:*` matches `ObjectCreated:Put`; an exact name matches itself. */
export const eventMatches = (declared: string, eventName: string): boolean => {
  const name = declared.replace(/^s3:/, '');
  return name.endsWith('*') ? eventName.startsWith(name.slice(0, -1)) : eventName === name;
};

/** Object keys in S3 notifications are URL-encoded, spaces as `+`, slashes kept. */
export const encodeEventKey = (key: string): string =>
  encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/gi, '/');

/** s3rver's record → the record S3 would send: encoded key, our region, a well-formed ARN. */
export const toS3EventRecord = (record: S3rverEventRecord, configurationId: string): S3EventRecord => ({
  eventVersion: '2.1',
  eventSource: 'aws:s3',
  awsRegion: LOCAL_REGION,
  eventTime: record.eventTime,
  eventName: record.eventName,
  userIdentity: record.userIdentity,
  requestParameters: record.requestParameters,
  responseElements: {
    'x-amz-request-id': record.responseElements['x-amz-request-id'] ?? '',
    'x-amz-id-2': record.responseElements['x-amz-id-2'] ?? '',
  },
  s3: {
    s3SchemaVersion: '1.0',
    configurationId,
    bucket: {
      name: record.s3.bucket.name,
      ownerIdentity: record.s3.bucket.ownerIdentity,
      arn: `arn:${LOCAL_PARTITION}:s3:::${record.s3.bucket.name}`,
    },
    object: {
      key: encodeEventKey(record.s3.object.key),
      size: record.s3.object.size ?? 0,
      eTag: record.s3.object.eTag ?? '',
      sequencer: record.s3.object.sequencer,
    },
  },
});

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const startS3Server = async (options: S3ServerOptions): Promise<S3Server> => {
  await mkdir(options.directory, { recursive: true });
  const server = new S3rver({
    address: LOOPBACK,
    port: options.port ?? 0,
    silent: true,
    directory: options.directory,
    resetOnClose: options.resetOnClose ?? false,
    // path-style only: with vhost buckets, a Host like `127.0.0.1` would be read as a bucket
    vhostBuckets: false,
  });
  const retries = options.retries ?? 2;
  const retryDelayMs = options.retryDelayMs ?? 1_000;
  const inFlight = new Set<Promise<void>>();

  const deliver = async (target: NotificationTarget, event: S3Event, key: string): Promise<void> => {
    for (let attempt = 0; attempt <= retries; attempt++) {
      try {
        await options.invoke(target.function, event);
        return;
      } catch (error) {
        const last = attempt === retries;
        console.error(
          `S3 notification → ${target.function} failed for s3://${target.bucket}/${key}` +
            ` (attempt ${attempt + 1} of ${retries + 1}${last ? ', giving up' : ''}):`,
          error,
        );
        if (!last) await delay(retryDelayMs * 2 ** attempt);
      }
    }
  };

  server.on('event', (event: { Records: S3rverEventRecord[] }) => {
    for (const record of event.Records) {
      const key = record.s3.object.key;
      for (const target of options.notifications) {
        if (target.bucket !== record.s3.bucket.name) continue;
        if (!target.events.some((declared) => eventMatches(declared, record.eventName))) continue;
        if (target.prefix && !key.startsWith(target.prefix)) continue;
        const s3Event: S3Event = { Records: [toS3EventRecord(record, `${target.function}-notification`)] };
        const delivery = deliver(target, s3Event, key).finally(() => inFlight.delete(delivery));
        inFlight.add(delivery);
      }
    }
  });

  const address = await server.run();
  const drain = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };
  return {
    endpoint: `http://${LOOPBACK}:${address.port}`,
    port: address.port,
    drain,
    async stop() {
      await Promise.race([drain(), delay(5_000)]);
      await server.close();
    },
  };
};
