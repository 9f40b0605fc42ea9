/** The household registry (SPEC §2), its audit trail and the nightly snapshot. */
import * as households from '../../contracts/households.ts';
import * as registryStats from '../../contracts/registry-stats.ts';
import { api, MAIN_RW, type Area } from './area.ts';

export const registryArea: Area = {
  functions: [
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
      { tables: { main: 'read', audit: 'read' } },
    ),
    api(
      'list-personal-data-reads',
      'functions/audit/list-personal-data-reads.ts',
      'Who read full personal data',
      { tables: { audit: 'read' } },
    ),
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
  ],
  routes: [
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
