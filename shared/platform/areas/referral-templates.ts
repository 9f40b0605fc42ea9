/** The department file template (SPEC §3.1): Chinese column headers, one example row. */
import * as templates from '../../contracts/referral-templates.ts';
import { api, type Area } from './area.ts';

export const referralTemplatesArea: Area = {
  functions: [
    api(
      'get-referral-template',
      'functions/referrals/get-template.ts',
      'The referral file template (XLSX or CSV)',
    ),
  ],
  routes: [templates.getReferralTemplate],
};
