/**
 * THE declaration: tables, buckets, functions, routes, state machines and schedules.
 * `infra/cdk` builds AWS from it; `infra/local` runs a laptop from it. Each area of the
 * platform declares its functions, routes, state machines and schedules in `areas/`; the
 * tables, buckets and auth are here. Add things once, in the area they belong to.
 */
import type { FunctionDecl, PlatformDeclaration } from './declaration-types.ts';
import type { Area } from './areas/area.ts';
import { platformArea } from './areas/platform.ts';
import { registryArea } from './areas/registry.ts';
import { referralTemplatesArea } from './areas/referral-templates.ts';
import { referralsArea } from './areas/referrals.ts';
import { boardArea } from './areas/board.ts';
import { fundCasesArea } from './areas/fund-cases.ts';
import { verificationArea } from './areas/verification.ts';
import { monitoringArea } from './areas/monitoring.ts';
import { noticesArea } from './areas/notices.ts';
import { payoutsArea } from './areas/payouts.ts';
import { campaignsArea } from './areas/campaigns.ts';
import { dashboardArea } from './areas/dashboard.ts';
import { cadenceArea } from './areas/cadence.ts';

const AREAS: readonly Area[] = [
  platformArea,
  registryArea,
  boardArea,
  fundCasesArea,
  referralsArea,
  referralTemplatesArea,
  verificationArea,
  monitoringArea,
  noticesArea,
  payoutsArea,
  campaignsArea,
  dashboardArea,
  cadenceArea,
];

const STATE_MACHINES = AREAS.flatMap((a) => a.stateMachines ?? []);

/** `GET /health` reports every declared state machine, so it may describe each of them. */
const HEALTH_FUNCTION = 'get-health';
const withHealthChecks = (fn: FunctionDecl): FunctionDecl =>
  fn.name === HEALTH_FUNCTION ? { ...fn, describesStateMachines: STATE_MACHINES.map((m) => m.name) } : fn;

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
      notifications: [
        { events: ['s3:ObjectCreated:*'], prefix: 'uploads/', function: 'record-upload' },
        { events: ['s3:ObjectCreated:*'], prefix: 'submissions/', function: 'start-file-intake' },
      ],
    },
  ],

  functions: AREAS.flatMap((a) => a.functions).map(withHealthChecks),
  routes: AREAS.flatMap((a) => a.routes),
  stateMachines: STATE_MACHINES,
  schedules: AREAS.flatMap((a) => a.schedules ?? []),
};

export const functionByName = (name: string): FunctionDecl => {
  const fn = declaration.functions.find((f) => f.name === name);
  if (!fn) throw new Error(`function ${name} is not declared`);
  return fn;
};
