/** Fund cases, the negative list and bottom-up applications (SPEC §3.1–3.2, §4.2). */
import * as applications from '../../contracts/applications.ts';
import * as fundCases from '../../contracts/fund-cases.ts';
import * as negativeList from '../../contracts/negative-list.ts';
import { api, MAIN_RW, type Area } from './area.ts';

const READ = { tables: { main: 'read' } } as const;

export const fundCasesArea: Area = {
  functions: [
    api('list-fund-cases', 'functions/fund-cases/list-fund-cases.ts', 'List fund cases (masked)', READ),
    api('get-fund-case', 'functions/fund-cases/get-fund-case.ts', 'Read a fund case (masked)', READ),
    api('send-on-fund-case', 'functions/fund-cases/send-on-fund-case.ts', 'Send a screened-out case on', {
      tables: MAIN_RW,
    }),
    api(
      'add-negative-entry',
      'functions/negative-list/add-negative-entry.ts',
      'Put a person on the negative list',
      {
        tables: MAIN_RW,
      },
    ),
    api(
      'list-negative-entries',
      'functions/negative-list/list-negative-entries.ts',
      'List the negative list',
      READ,
    ),
    api(
      'remove-negative-entry',
      'functions/negative-list/remove-negative-entry.ts',
      'Take a person off the negative list',
      { tables: MAIN_RW },
    ),
    api('create-application', 'functions/applications/create-application.ts', 'Record an application', {
      tables: MAIN_RW,
    }),
    api(
      'review-application',
      'functions/applications/review-application.ts',
      'Town review of an application',
      {
        tables: MAIN_RW,
      },
    ),
    api(
      'forward-application',
      'functions/applications/forward-application.ts',
      'County forwards an application',
      {
        tables: MAIN_RW,
      },
    ),
    api('list-applications', 'functions/applications/list-applications.ts', 'List applications', READ),
    api('get-application', 'functions/applications/get-application.ts', 'Read an application', READ),
  ],
  routes: [
    fundCases.listFundCases,
    fundCases.getFundCase,
    fundCases.sendOnFundCase,
    negativeList.addNegativeEntry,
    negativeList.listNegativeEntries,
    negativeList.removeNegativeEntry,
    applications.createApplication,
    applications.reviewApplication,
    applications.forwardApplication,
    applications.listApplications,
    applications.getApplication,
  ],
};
