/**
 * Department machine clients through the gateway: a client-credentials token (signed by the local
 * issuer as Cognito would issue it with the V3 trigger) is a department identity, sees only its own
 * board row, and cannot read another department's.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { api } from './support/api.ts';
import { createIssuer } from '../../infra/local/issuer.ts';
import { demoDepartmentClient } from '../../infra/local/demo-county.ts';
import { dynamo, tableName } from '../../shared/adapters/aws-clients.ts';
import { submissionItem } from '../../shared/domain/submission.ts';
import type { Department } from '../../shared/auth/roles.ts';
import './support/context.ts';

const clientToken = async (name: string, opts: { audience?: string } = {}): Promise<string> => {
  const { keyDir, issuer } = inject('localRuntime').issuer;
  const local = await createIssuer({ keyDir, issuer });
  const client = demoDepartmentClient(name);
  return local.signClientToken(opts.audience ? { ...client, clientId: opts.audience } : client);
};

const pushed = async (department: Department, receivedAt: string) => {
  await dynamo.send(
    new PutCommand({
      TableName: tableName.main(),
      Item: submissionItem({
        submissionId: randomUUID(),
        countyCode: '420702000000',
        department,
        channel: 'api',
        period: '2032-01',
        dueMonth: '2032-02',
        receivedAt,
        timeliness: 'on_time',
        status: 'done',
        contentHash: randomUUID(),
        counts: { rows: 3, accepted: 3, rejected: 0, duplicates: 0, screenedOut: 0 },
        submittedBy: department,
        updatedAt: receivedAt,
      }),
    }),
  );
};

describe('department clients (client credentials)', () => {
  beforeAll(async () => {
    await pushed('medical_insurance', '2032-02-02T01:00:00.000Z');
    await pushed('civil_affairs', '2032-02-03T01:00:00.000Z');
  });

  it('a client token reaches GET /me as the department of its county', async () => {
    const token = await clientToken('dept.medical');
    const me = await api(undefined, { token }).get('/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      userId: 'fpb-local-dept-medical',
      username: 'client:fpb-local-dept-medical',
      role: 'department',
      roleLabel: '行业部门',
      countyCode: '420702000000',
      department: 'medical_insurance',
    });
  });

  it('sees only its own board row; medical insurance cannot read civil affairs’ row', async () => {
    const medical = await api(undefined, { token: await clientToken('dept.medical') }).get(
      '/submission-board?month=2032-02',
    );
    expect(medical.status).toBe(200);
    expect(medical.body.rows).toEqual([
      expect.objectContaining({ department: 'medical_insurance', status: 'on_time', rowsAccepted: 3 }),
    ]);
    const civil = await api(undefined, { token: await clientToken('dept.civil') }).get(
      '/submission-board?month=2032-02',
    );
    expect(civil.body.rows).toEqual([
      expect.objectContaining({ department: 'civil_affairs', status: 'on_time', rowsAccepted: 3 }),
    ]);
    const staff = await api('county.staff').get('/submission-board?month=2032-02');
    expect(staff.body.rows.map((r: { department: string }) => r.department)).toEqual([
      'medical_insurance',
      'civil_affairs',
      'emergency_management',
    ]);
  });

  it('a client pushes for its own department and county only; another department cannot read it', async () => {
    const civil = api(undefined, { token: await clientToken('dept.civil') });
    const push = await civil.raw('POST', '/submissions', {
      headers: { 'content-type': 'application/json', 'x-fpb-now': '2032-03-02T02:00:00.000Z' },
      body: JSON.stringify({ period: '2032-02', rows: [{ residentId: 'bad', name: '测试' }] }),
    });
    expect(push.status).toBe(202);
    const view = await civil.get(`/submissions/${push.body.submissionId}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      countyCode: '420702000000',
      department: 'civil_affairs',
      dueMonth: '2032-03',
      timeliness: 'on_time',
    });
    const medical = api(undefined, { token: await clientToken('dept.medical') });
    expect((await medical.get(`/submissions/${push.body.submissionId}`)).status).toBe(404);
  });

  it('a client token cannot use what its role may not', async () => {
    const token = await clientToken('dept.medical');
    expect((await api(undefined, { token }).get('/alerts')).status).toBe(403);
    expect((await api(undefined, { token }).get('/households')).status).toBe(403);
  });

  it('a token for an unregistered client id is refused by the authorizer', async () => {
    const token = await clientToken('dept.medical', { audience: 'some-other-client' });
    expect((await api(undefined, { token }).get('/me')).status).toBe(401);
  });
});
