/** The part of s3rver 3.7 the local runtime uses (the package ships no types). */
declare module 's3rver' {
  import type { EventEmitter } from 'node:events';
  import type { AddressInfo } from 'node:net';

  export interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  }

  /** A record as s3rver emits it: the object key is not URL-encoded, the region is us-east-1. */
  export interface S3rverEventRecord {
    eventName: string;
    eventTime: string;
    requestParameters: { sourceIPAddress: string };
    responseElements: Record<string, string>;
    userIdentity: { principalId: string };
    s3: {
      bucket: { name: string; ownerIdentity: { principalId: string } };
      object: { key: string; size?: number; eTag?: string; sequencer: string };
    };
  }

  export default class S3rver extends EventEmitter {
    constructor(options?: S3rverOptions);
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
    on(event: 'event', listener: (event: { Records: S3rverEventRecord[] }) => void): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
}
