/**
 * The shapes of the one declaration (see `declaration.ts`). CDK (`infra/cdk`) and the local
 * runtime (`infra/local`) both read the declaration; neither keeps a second list.
 */
import type { ZodType } from 'zod';
import type { Role } from '../auth/roles.ts';

export type Access = 'read' | 'write' | 'readwrite';

export interface TableDecl {
  /** Logical name, used by functions to ask for access. */
  readonly name: string;
  /** Environment variable that carries the physical table name to a function. */
  readonly envVar: string;
  readonly partitionKey: string;
  readonly sortKey?: string;
  readonly gsis: readonly {
    readonly name: string;
    readonly partitionKey: string;
    readonly sortKey?: string;
  }[];
  readonly stream?: 'NEW_AND_OLD_IMAGES' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'KEYS_ONLY';
  readonly ttlAttribute?: string;
  readonly description: string;
}

export interface BucketNotificationDecl {
  readonly events: readonly ('s3:ObjectCreated:*' | 's3:ObjectRemoved:*')[];
  readonly prefix?: string;
  readonly function: string;
}

export interface BucketDecl {
  readonly name: string;
  readonly envVar: string;
  readonly description: string;
  readonly notifications: readonly BucketNotificationDecl[];
}

export interface FunctionDecl {
  /** kebab-case name, unique. */
  readonly name: string;
  /** Path of the handler module from the repository root; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  readonly tables?: Readonly<Record<string, Access>>;
  readonly buckets?: Readonly<Record<string, Access>>;
  /** State machines this function may start (sets STATE_MACHINE_<NAME>_ARN). */
  readonly startsStateMachines?: readonly string[];
  /** State machines this function may describe (health checks; sets the same ARN variable). */
  readonly describesStateMachines?: readonly string[];
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDecl {
  readonly method: HttpMethod;
  /** API Gateway v2 path, e.g. `/households/{householdId}`. */
  readonly path: string;
  readonly function: string;
  /** Roles allowed; `public` routes skip the JWT authorizer (only `GET /health` and `GET /openapi.json`). */
  readonly roles: readonly Role[] | 'public';
  readonly summary: string;
  readonly tag: string;
  readonly request?: {
    readonly params?: ZodType;
    readonly query?: ZodType;
    readonly body?: ZodType;
  };
  /** Response body schemas by status code, for the OpenAPI document. */
  readonly responses: Readonly<Record<number, { readonly description: string; readonly schema?: ZodType }>>;
}

export interface StateMachineDecl {
  readonly name: string;
  /** ASL file (JSONPath), from the repository root. */
  readonly file: string;
  readonly description: string;
  /**
   * `${Placeholder}` in the ASL → function name. The placeholder is the Task's Resource;
   * locally the Task state runs the same handler in process.
   */
  readonly functions: Readonly<Record<string, string>>;
}

export interface ScheduleDecl {
  readonly name: string;
  readonly description: string;
  /** EventBridge Scheduler cron: `cron(minutes hours day-of-month month day-of-week year)`. */
  readonly cron: string;
  readonly timezone: 'Asia/Shanghai';
  readonly target: { readonly stateMachine: string } | { readonly function: string };
  readonly input?: Readonly<Record<string, unknown>>;
}

export interface AuthDecl {
  /** Cognito pre-token-generation trigger that puts the scope claims in the access token. */
  readonly preTokenGenerationFunction: string;
  /** User attributes the trigger reads (Cognito custom attributes, without the `custom:` prefix). */
  readonly scopeAttributes: readonly string[];
}

export interface PlatformDeclaration {
  readonly auth: AuthDecl;
  readonly tables: readonly TableDecl[];
  readonly buckets: readonly BucketDecl[];
  readonly functions: readonly FunctionDecl[];
  readonly routes: readonly RouteDecl[];
  readonly stateMachines: readonly StateMachineDecl[];
  readonly schedules: readonly ScheduleDecl[];
}

/** Name of the environment variable that carries a state machine's ARN. */
export const stateMachineEnvVar = (name: string): string =>
  `STATE_MACHINE_${name.toUpperCase().replace(/-/g, '_')}_ARN`;
