/**
 * THE declaration: tables, buckets, functions, routes, state machines and schedules.
 * `infra/cdk` builds AWS from it; `infra/local` runs a laptop from it. Add things here, once.
 */
import type { FunctionDecl, PlatformDeclaration } from './declaration-types.ts';
import * as platform from '../contracts/platform.ts';
import * as households from '../contracts/households.ts';
import * as uploads from '../contracts/uploads.ts';
import * as registryStats from '../contracts/registry-stats.ts';

const MAIN_RW = { main: 'readwrite', audit: 'write' } as const;

/** A small API function: 256 MB, 10 s. */
const api = (
  name: string,
  entry: string,
  description: string,
  access: Partial<FunctionDecl> = {},
): FunctionDecl => ({
  name,
  entry,
  description,
  memoryMb: 256,
  timeoutSeconds: 10,
  ...access,
});

export const declaration: PlatformDeclaration = {
  auth: {
    preTokenGenerationFunction: 'pre-token-generation',
    scopeAttributes: ['county', 'town', 'village', 'department', 'insurer'],
  },

  tables: [
    {
      name: 'main',
      envVar: 'TABLE_MAIN',
      description: 'Single table: regions, households, resident-ID claims, uploads, snapshots, configuration',
      partitionKey: 'pk',
      sortKey: 'sk',
      gsis: [
        { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
        { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
        { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
      ],
      stream: 'NEW_AND_OLD_IMAGES',
      ttlAttribute: 'expiresAt',
    },
    {
      name: 'audit',
      envVar: 'TABLE_AUDIT',
      description:
        'Append-only audit trail: every change (before/after) and every read of full personal data',
      partitionKey: 'pk',
      sortKey: 'sk',
      gsis: [{ name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }],
    },
  ],

  buckets: [
    {
      name: 'evidence',
      envVar: 'BUCKET_EVIDENCE',
      description: 'Raw department files, photos, signed forms, minutes (private, KMS, versioned)',
      notifications: [{ events: ['s3:ObjectCreated:*'], prefix: 'uploads/', function: 'record-upload' }],
    },
  ],

  functions: [
    api('get-health', 'functions/platform/get-health.ts', 'Health of each component', {
      tables: { main: 'read', audit: 'read' },
      buckets: { evidence: 'read' },
      describesStateMachines: ['registry-snapshot'],
    }),
    api(
      'get-openapi',
      'functions/platform/get-openapi.ts',
      'OpenAPI 3.1 document generated from the zod schemas',
    ),
    api('get-me', 'functions/platform/get-me.ts', 'The caller and their scope'),
    api('list-regions', 'functions/platform/list-regions.ts', 'Towns and villages in scope', {
      tables: { main: 'read' },
    }),
    api('create-household', 'functions/households/create-household.ts', 'Create a household', {
      tables: MAIN_RW,
    }),
    api('list-households', 'functions/households/list-households.ts', 'List households (masked)', {
      tables: { main: 'read' },
    }),
    api('get-household', 'functions/households/get-household.ts', 'Read a household (masked)', {
      tables: { main: 'read' },
    }),
    api(
      'get-household-identity',
      'functions/households/get-household-identity.ts',
      'Read full identity (audited)',
      { tables: { main: 'read', audit: 'write' } },
    ),
    api('update-household', 'functions/households/update-household.ts', 'Update a household', {
      tables: MAIN_RW,
    }),
    api('add-member', 'functions/households/add-member.ts', 'Add a member', { tables: MAIN_RW }),
    api('update-member', 'functions/households/update-member.ts', 'Update a member', { tables: MAIN_RW }),
    api('move-member', 'functions/households/move-member.ts', 'Move a member to another household', {
      tables: MAIN_RW,
    }),
    api('remove-member', 'functions/households/remove-member.ts', 'A member leaves the household', {
      tables: MAIN_RW,
    }),
    api(
      'get-household-history',
      'functions/households/get-household-history.ts',
      'Audit history of a household',
      {
        tables: { main: 'read', audit: 'read' },
      },
    ),
    api(
      'list-personal-data-reads',
      'functions/audit/list-personal-data-reads.ts',
      'Who read full personal data',
      {
        tables: { audit: 'read' },
      },
    ),
    api('create-upload', 'functions/uploads/create-upload.ts', 'Presigned PUT for evidence', {
      tables: { main: 'readwrite' },
      buckets: { evidence: 'write' },
    }),
    api('get-upload', 'functions/uploads/get-upload.ts', 'Upload status', { tables: { main: 'read' } }),
    api('record-upload', 'functions/uploads/record-upload.ts', 'S3 notification: mark an upload stored', {
      tables: { main: 'readwrite' },
      buckets: { evidence: 'read' },
    }),
    api('get-registry-stats', 'functions/registry/get-registry-stats.ts', 'Latest registry snapshot', {
      tables: { main: 'read' },
    }),
    api('list-counties', 'functions/registry/list-counties.ts', 'Task: counties to snapshot', {
      tables: { main: 'read' },
    }),
    {
      name: 'snapshot-county',
      entry: 'functions/registry/snapshot-county.ts',
      description: 'Task: count one county’s registry by village and type',
      memoryMb: 512,
      timeoutSeconds: 120,
      tables: { main: 'readwrite' },
    },
    api('pre-token-generation', 'functions/auth/pre-token-generation.ts', 'Cognito trigger: scope claims'),
  ],

  routes: [
    platform.getHealth,
    platform.getOpenApi,
    platform.getMe,
    platform.listRegions,
    households.createHousehold,
    households.listHouseholds,
    households.getHousehold,
    households.getHouseholdIdentity,
    households.updateHousehold,
    households.addMember,
    households.updateMember,
    households.moveMember,
    households.removeMember,
    households.getHouseholdHistory,
    households.listPersonalDataReads,
    uploads.createUpload,
    uploads.getUpload,
    registryStats.getRegistryStats,
  ],

  stateMachines: [
    {
      name: 'registry-snapshot',
      file: 'statemachines/registry-snapshot.asl.json',
      description: 'Nightly: count every county’s registry by village and household type',
      functions: {
        ListCountiesFunctionArn: 'list-counties',
        SnapshotCountyFunctionArn: 'snapshot-county',
      },
    },
  ],

  schedules: [
    {
      name: 'registry-snapshot-nightly',
      description: '每日 01:30 生成农户台账快照',
      cron: 'cron(30 1 * * ? *)',
      timezone: 'Asia/Shanghai',
      target: { stateMachine: 'registry-snapshot' },
    },
  ],
};

export const functionByName = (name: string): FunctionDecl => {
  const fn = declaration.functions.find((f) => f.name === name);
  if (!fn) throw new Error(`function ${name} is not declared`);
  return fn;
};
