/** What the integration global setup hands to the test workers (`inject('localRuntime')`). */
export interface LocalRuntimeContext {
  /** Gateway base URL, e.g. `http://localhost:41234`. */
  readonly url: string;
  readonly issuer: { readonly keyDir: string; readonly issuer: string; readonly audience: string };
  readonly endpoints: { readonly dynamodb: string; readonly s3: string; readonly sfn: string };
  readonly tables: Readonly<Record<string, string>>;
  readonly buckets: Readonly<Record<string, string>>;
  readonly stateMachineArns: Readonly<Record<string, string>>;
  /** The environment the handlers run with (endpoints, credentials, TABLE_*, BUCKET_*, …). */
  readonly env: Readonly<Record<string, string>>;
  /** Pid of the DynamoDB Local java process. */
  readonly dynamoDbPid: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    localRuntime: LocalRuntimeContext;
  }
}
