/**
 * Re-check campaigns (集中排查 / 回头看) with the 附件2 and 附件5 tables, and the A1–A55 export for
 * the national system (SPEC §4.7, `002_…`). All routes go to ONE function, `campaigns-api`
 * (`functions/campaigns/api.ts`), to keep the stateless stack under CloudFormation's 500 resources.
 */
import * as campaigns from '../../contracts/campaigns.ts';
import * as nationalExport from '../../contracts/national-export.ts';
import type { RouteDecl } from '../declaration-types.ts';
import { api, type Area } from './area.ts';

const ROUTES: readonly RouteDecl[] = [
  campaigns.createCampaign,
  campaigns.listCampaigns,
  campaigns.getCampaign,
  campaigns.recordCheck,
  campaigns.getSummary,
  campaigns.getRollbackTable,
  nationalExport.exportCollectionForm,
];

export const campaignsArea: Area = {
  functions: [
    api(
      campaigns.CAMPAIGNS_API,
      'functions/campaigns/api.ts',
      'Campaigns API: checks, annex 2 and 5 tables, A1-A55 export',
      {
        memoryMb: 512,
        timeoutSeconds: 29,
        tables: { main: 'readwrite', audit: 'write' },
      },
    ),
  ],
  routes: ROUTES,
};
