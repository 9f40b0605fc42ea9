/** Household registry routes (SPEC §2). */
import { z } from 'zod';
import { route } from '../http/route.ts';
import type { Role } from '../auth/roles.ts';
import {
  Household,
  HouseholdInput,
  HouseholdSummary,
  HouseholdType,
  HouseholdUpdate,
  MEMBER_LEAVE_REASONS,
  MemberInput,
  MemberUpdate,
  RegionCode,
  Relation,
} from '../domain/household-schema.ts';
import { errorResponses, Id, page, PageQuery } from './common.ts';

export { HouseholdSummary };

/** Who keeps the registry, and who may read it. */
export const REGISTRY_WRITERS = [
  'village_cadre',
  'town_official',
  'county_staff',
] as const satisfies readonly Role[];
export const REGISTRY_READERS = [...REGISTRY_WRITERS, 'auditor'] as const satisfies readonly Role[];

const HouseholdParams = z.object({ householdId: Id });
const MemberParams = z.object({ householdId: Id, memberId: Id });
const conflict = { 409: { description: '冲突：证件号码已在其他户、或数据已被他人修改' } } as const;

export const createHousehold = route({
  method: 'POST',
  path: '/households',
  function: 'create-household',
  roles: REGISTRY_WRITERS,
  summary: '新建农户（含家庭成员）',
  tag: 'registry',
  request: { body: HouseholdInput },
  responses: { 201: { description: '已创建（脱敏）', schema: Household }, ...errorResponses, ...conflict },
});

export const listHouseholds = route({
  method: 'GET',
  path: '/households',
  function: 'list-households',
  roles: REGISTRY_READERS,
  summary: '农户列表：按村/乡镇与户类型筛选，分页，证件号脱敏',
  tag: 'registry',
  request: {
    query: z.object({
      villageCode: RegionCode.optional(),
      townCode: RegionCode.optional(),
      type: HouseholdType.optional(),
      ...PageQuery,
    }),
  },
  responses: { 200: { description: '一页农户', schema: page(HouseholdSummary) }, ...errorResponses },
});

export const getHousehold = route({
  method: 'GET',
  path: '/households/{householdId}',
  function: 'get-household',
  roles: REGISTRY_READERS,
  summary: '农户详情（证件号、姓名、电话脱敏）',
  tag: 'registry',
  request: { params: HouseholdParams },
  responses: { 200: { description: '农户', schema: Household }, ...errorResponses },
});

export const getHouseholdIdentity = route({
  method: 'GET',
  path: '/households/{householdId}/identity',
  function: 'get-household-identity',
  roles: REGISTRY_READERS,
  summary: '农户完整身份信息（完整证件号、姓名、电话）；每次读取记入审计',
  tag: 'registry',
  request: { params: HouseholdParams },
  responses: { 200: { description: '未脱敏的农户', schema: Household }, ...errorResponses },
});

export const updateHousehold = route({
  method: 'PATCH',
  path: '/households/{householdId}',
  function: 'update-household',
  roles: REGISTRY_WRITERS,
  summary: '修改农户信息（须带读取时的 version）',
  tag: 'registry',
  request: { params: HouseholdParams, body: HouseholdUpdate },
  responses: { 200: { description: '已修改（脱敏）', schema: Household }, ...errorResponses, ...conflict },
});

export const addMember = route({
  method: 'POST',
  path: '/households/{householdId}/members',
  function: 'add-member',
  roles: REGISTRY_WRITERS,
  summary: '新增家庭成员（新生、婚入、迁入）',
  tag: 'registry',
  request: {
    params: HouseholdParams,
    body: z.object({ version: z.number().int().min(1), member: MemberInput }),
  },
  responses: { 201: { description: '已新增（脱敏）', schema: Household }, ...errorResponses, ...conflict },
});

export const updateMember = route({
  method: 'PATCH',
  path: '/households/{householdId}/members/{memberId}',
  function: 'update-member',
  roles: REGISTRY_WRITERS,
  summary:
    '修改家庭成员信息（A5–A22；证件号不可改，改证件请减员后新增）；把成员关系改为户主即更换户主，原户主改为 formerHeadRelation',
  tag: 'registry',
  request: {
    params: MemberParams,
    body: z.object({
      version: z.number().int().min(1),
      changes: MemberUpdate,
      formerHeadRelation: Relation.exclude(['head'])
        .default('other')
        .meta({ description: '把该成员设为户主时，原户主改为的关系' }),
    }),
  },
  responses: { 200: { description: '已修改（脱敏）', schema: Household }, ...errorResponses, ...conflict },
});

export const moveMember = route({
  method: 'POST',
  path: '/households/{householdId}/members/{memberId}/move',
  function: 'move-member',
  roles: REGISTRY_WRITERS,
  summary: '成员迁移到另一户（分户、婚嫁）；两户历史均保留',
  tag: 'registry',
  request: {
    params: MemberParams,
    body: z.object({
      version: z.number().int().min(1),
      targetHouseholdId: Id,
      targetVersion: z.number().int().min(1),
      relation: Relation,
      reason: z.string().trim().min(1, '请填写迁移原因').max(200),
    }),
  },
  responses: {
    200: { description: '已迁移（返回迁入户，脱敏）', schema: Household },
    ...errorResponses,
    ...conflict,
  },
});

export const removeMember = route({
  method: 'POST',
  path: '/households/{householdId}/members/{memberId}/leave',
  function: 'remove-member',
  roles: REGISTRY_WRITERS,
  summary: '成员减员（死亡、迁出县外、婚出等）；记录保留，不删除',
  tag: 'registry',
  request: {
    params: MemberParams,
    body: z.object({
      version: z.number().int().min(1),
      reason: z.enum(MEMBER_LEAVE_REASONS),
      note: z.string().max(200).optional(),
    }),
  },
  responses: { 200: { description: '已减员（脱敏）', schema: Household }, ...errorResponses, ...conflict },
});

export const AuditRecord = z
  .object({
    auditId: z.string(),
    at: z.string(),
    actor: z.object({ userId: z.string(), username: z.string(), role: z.string() }),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    summary: z.string().meta({ description: 'zh-CN 摘要' }),
    before: z.unknown().optional().meta({ description: '修改前（脱敏）' }),
    after: z.unknown().optional().meta({ description: '修改后（脱敏）' }),
  })
  .meta({ id: 'AuditRecord' });

export const getHouseholdHistory = route({
  method: 'GET',
  path: '/households/{householdId}/history',
  function: 'get-household-history',
  roles: REGISTRY_READERS,
  summary: '农户变更历史（谁、何时、改了什么），按时间顺序',
  tag: 'registry',
  request: { params: HouseholdParams, query: z.object(PageQuery) },
  responses: { 200: { description: '审计记录', schema: page(AuditRecord) }, ...errorResponses },
});

export const listPersonalDataReads = route({
  method: 'GET',
  path: '/audit/personal-data-reads',
  function: 'list-personal-data-reads',
  roles: ['auditor', 'county_staff'],
  summary: '谁在何时读取了完整身份信息（本县）',
  tag: 'audit',
  request: {
    query: z.object({
      from: z.iso.date().optional(),
      to: z.iso.date().optional(),
      ...PageQuery,
    }),
  },
  responses: { 200: { description: '读取记录', schema: page(AuditRecord) }, ...errorResponses },
});
