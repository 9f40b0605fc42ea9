/** The three stacks of the platform, built from the declaration; `app.ts` and the infra tests share this. */
import type { App } from 'aws-cdk-lib';
import type { PlatformDeclaration } from '../../shared/platform/declaration-types.ts';
import type { DepartmentClientScope } from '../../shared/auth/identity.ts';
import { DepartmentClientList } from '../../shared/auth/department-clients.ts';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack } from './stateless-stack.ts';
import { ApiStack } from './api-stack.ts';

export interface Platform {
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
  readonly api: ApiStack;
}

/** Browser origins allowed by CORS (API and presigned PUT); context `fangpinbao:allowedOrigins`. */
const allowedOriginsOf = (app: App): readonly string[] => {
  const value: unknown = app.node.tryGetContext('fangpinbao:allowedOrigins');
  if (value === undefined) return ['*'];
  if (Array.isArray(value) && value.every((origin) => typeof origin === 'string')) return value;
  throw new Error('context fangpinbao:allowedOrigins must be a list of origins');
};

/** The demo county's departments, when context `fangpinbao:departmentClients` is not set. */
export const DEFAULT_DEPARTMENT_CLIENTS: readonly DepartmentClientScope[] = (
  ['medical_insurance', 'civil_affairs', 'emergency_management', 'education'] as const
).map((department) => ({ department, countyCode: '420702000000' }));

/** Department machine clients; context `fangpinbao:departmentClients`: `[{ department, countyCode }]`. */
const departmentClientsOf = (app: App): readonly DepartmentClientScope[] => {
  const value: unknown = app.node.tryGetContext('fangpinbao:departmentClients');
  if (value === undefined) return DEFAULT_DEPARTMENT_CLIENTS;
  const parsed = DepartmentClientList.safeParse(value);
  if (!parsed.success)
    throw new Error('context fangpinbao:departmentClients must be a list of { department, countyCode }');
  return parsed.data;
};

export const buildPlatform = (app: App, declaration: PlatformDeclaration): Platform => {
  const allowedOrigins = allowedOriginsOf(app);
  const stateful = new StatefulStack(app, 'FangpinbaoStateful', {
    description: '防贫保: data (KMS key, DynamoDB tables, evidence bucket)',
    declaration,
    allowedOrigins,
  });
  const stateless = new StatelessStack(app, 'FangpinbaoStateless', {
    description: '防贫保: functions, user pool, state machines, schedules, alarms',
    declaration,
    tables: stateful.tables,
    buckets: stateful.buckets,
    allowedOrigins,
    departmentClients: departmentClientsOf(app),
  });
  const api = new ApiStack(app, 'FangpinbaoApi', {
    description: '防贫保: HTTP API, routes and their integrations',
    declaration,
    stateless,
    allowedOrigins,
  });
  return { stateful, stateless, api };
};
