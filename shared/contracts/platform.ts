/** Platform routes: health, the OpenAPI document, who am I, regions. */
import { z } from 'zod';
import { route } from '../http/route.ts';
import { ROLES } from '../auth/roles.ts';
import { errorResponses } from './common.ts';

export const Health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    components: z.record(
      z.string(),
      z.object({ status: z.enum(['up', 'down']), detail: z.string().optional() }),
    ),
  })
  .meta({ id: 'Health' });

export const getHealth = route({
  method: 'GET',
  path: '/health',
  function: 'get-health',
  roles: 'public',
  summary: '健康检查：各组件是否可用',
  tag: 'platform',
  responses: {
    200: { description: '全部可用', schema: Health },
    503: { description: '有组件不可用', schema: Health },
  },
});

export const getOpenApi = route({
  method: 'GET',
  path: '/openapi.json',
  function: 'get-openapi',
  roles: 'public',
  summary: 'OpenAPI 3.1 接口文档',
  tag: 'platform',
  responses: { 200: { description: 'OpenAPI 文档' } },
});

export const Me = z
  .object({
    userId: z.string(),
    username: z.string(),
    role: z.enum(ROLES),
    roleLabel: z.string(),
    countyCode: z.string(),
    townCode: z.string().optional(),
    villageCode: z.string().optional(),
    department: z.string().optional(),
    insurerContract: z.string().optional(),
  })
  .meta({ id: 'Me' });

export const getMe = route({
  method: 'GET',
  path: '/me',
  function: 'get-me',
  roles: ROLES,
  summary: '当前用户及其管辖范围',
  tag: 'platform',
  responses: { 200: { description: '当前用户', schema: Me }, ...errorResponses },
});

export const Region = z
  .object({
    code: z.string(),
    name: z.string(),
    level: z.enum(['county', 'town', 'village']),
    parentCode: z.string().optional(),
  })
  .meta({ id: 'Region' });

export const listRegions = route({
  method: 'GET',
  path: '/regions',
  function: 'list-regions',
  roles: ROLES,
  summary: '本县的乡镇与行政村（在管辖范围内）',
  tag: 'platform',
  responses: {
    200: { description: '区划列表', schema: z.object({ items: z.array(Region) }) },
    ...errorResponses,
  },
});
