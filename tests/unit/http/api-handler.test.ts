import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { route } from '../../../shared/http/route.ts';
import { Conflict, NotFound } from '../../../shared/http/errors.ts';
import { apiEvent, lambdaContext } from '../../fixtures/events/api-event.ts';

const testRoute = route({
  method: 'POST',
  path: '/things/{thingId}',
  function: 'test',
  roles: ['county_staff', 'village_cadre'],
  summary: 'test',
  tag: 'test',
  request: {
    params: z.object({ thingId: z.string().uuid() }),
    body: z.object({
      amountFen: z.number().int().min(0),
      items: z.array(z.object({ name: z.string().min(1) })),
    }),
  },
  responses: {},
});

const THING = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

const call = async (
  run: Parameters<typeof apiHandler<typeof testRoute>>[1],
  options: Parameters<typeof apiEvent>[1],
) => {
  const handler = apiHandler(testRoute, run);
  const result = (await handler(
    apiEvent('POST /things/{thingId}', { pathParameters: { thingId: THING }, ...options }),
    lambdaContext,
  )) as APIGatewayProxyStructuredResultV2;
  return {
    status: result.statusCode,
    body: JSON.parse(String(result.body || 'null')),
    headers: result.headers,
  };
};

const goodBody = JSON.stringify({ amountFen: 100, items: [{ name: '药费' }] });

describe('apiHandler', () => {
  it('passes the verified identity and the parsed input to the use case', async () => {
    const run = vi.fn(async () => ({ status: 201, body: { ok: true } }));
    const result = await call(run, { user: 'village.taihe', body: goodBody });
    expect(result.status).toBe(201);
    expect(result.body).toEqual({ ok: true });
    expect(run).toHaveBeenCalledWith(
      expect.objectContaining({
        identity: expect.objectContaining({ role: 'village_cadre', villageCode: '420702100201' }),
        params: { thingId: THING },
        body: { amountFen: 100, items: [{ name: '药费' }] },
      }),
    );
  });

  it('answers 400 with field paths and zh-CN messages', async () => {
    const result = await call(async () => ({ status: 200 }), {
      user: 'county.staff',
      body: JSON.stringify({ amountFen: 1.5, items: [{ name: '' }] }),
    });
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('VALIDATION_FAILED');
    const paths = result.body.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(['body.amountFen', 'body.items.0.name']);
    for (const issue of result.body.issues) expect(issue.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('answers 400 for a body that is not JSON and for a bad path parameter', async () => {
    const notJson = await call(async () => ({ status: 200 }), { user: 'county.staff', body: '{oops' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.issues[0]).toEqual({ path: 'body', message: '请求体不是合法的 JSON' });
    const badParam = await call(async () => ({ status: 200 }), {
      user: 'county.staff',
      body: goodBody,
      pathParameters: { thingId: 'nope' },
    });
    expect(badParam.status).toBe(400);
    expect(badParam.body.issues[0].path).toBe('params.thingId');
  });

  it('answers 401 without a usable identity and 403 for a role the route does not allow', async () => {
    const run = vi.fn(async () => ({ status: 200 }));
    expect((await call(run, { body: goodBody })).status).toBe(401);
    expect((await call(run, { user: 'adjuster.wang', body: goodBody })).status).toBe(403);
    expect(
      (await call(run, { claims: { sub: 'x', 'cognito:groups': '[nobody]', 'fpb:county': '420702000000' } }))
        .status,
    ).toBe(401);
    expect(run).not.toHaveBeenCalled();
  });

  it('maps named domain errors to their status with a zh-CN message', async () => {
    const notFound = await call(
      async () => {
        throw new NotFound();
      },
      { user: 'county.staff', body: goodBody },
    );
    expect(notFound.status).toBe(404);
    expect(notFound.body.message).toBe('记录不存在或不在您的管辖范围内');
    const conflict = await call(
      async () => {
        throw new Conflict('数据已被他人修改', 'STALE_VERSION', { currentVersion: 3 });
      },
      { user: 'county.staff', body: goodBody },
    );
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: 3 });
  });

  it('answers 500 with a request id and nothing of the internals', async () => {
    const result = await call(
      async () => {
        throw new Error('ProvisionedThroughputExceeded on table fpb-main for 420702199001011234');
      },
      { user: 'county.staff', body: goodBody },
    );
    expect(result.status).toBe(500);
    expect(result.body).toEqual({
      code: 'INTERNAL',
      message: '服务器内部错误，请稍后重试',
      requestId: 'req-test-1',
    });
    expect(result.headers?.['x-request-id']).toBe('req-test-1');
  });
});

describe('apiHandler file responses', () => {
  it('sends a file base64-encoded with its type and a UTF-8 file name', async () => {
    const handler = apiHandler(testRoute, async () => ({
      status: 200,
      file: { bytes: '身份证号,姓名\n', contentType: 'text/csv; charset=utf-8', fileName: '模板.csv' },
    }));
    const result = (await handler(
      apiEvent('POST /things/{thingId}', {
        user: 'county.staff',
        pathParameters: { thingId: THING },
        body: goodBody,
      }),
      lambdaContext,
    )) as APIGatewayProxyStructuredResultV2;
    expect(result.isBase64Encoded).toBe(true);
    expect(Buffer.from(String(result.body), 'base64').toString('utf8')).toBe('身份证号,姓名\n');
    expect(result.headers?.['content-type']).toBe('text/csv; charset=utf-8');
    expect(result.headers?.['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('模板.csv')}`,
    );
  });
});
