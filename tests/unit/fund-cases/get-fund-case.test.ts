/** A fund case shows where its household stands in dynamic monitoring — to all but the insurer. */
import { describe, expect, it } from 'vitest';
import type { Identity } from '../../../shared/auth/identity.ts';
import type { FundCaseDeps } from '../../../shared/usecases/fund-cases/ports.ts';
import { getFundCase } from '../../../shared/usecases/fund-cases/read-fund-cases.ts';
import { fundCaseFixture } from '../../support/fund-case.ts';

const AT = '2026-10-10T02:00:00.000Z';
const fundCase = fundCaseFixture({ createdAt: AT, updatedAt: AT });

const deps = (asked: string[]): FundCaseDeps => ({
  cases: {
    get: async (caseId: string) => (caseId === fundCase.caseId ? { fundCase, sources: [] } : undefined),
  } as unknown as FundCaseDeps['cases'],
  monitoringOf: async (householdId) => {
    asked.push(householdId);
    return { status: 'monitored', category: 'marginal', monitoredSince: AT, openProcedureId: 'p-1' };
  },
  now: () => new Date(AT),
  newId: () => 'id',
});

const who = (role: Identity['role']): Identity => ({
  userId: 'u',
  username: role,
  role,
  countyCode: '420702000000',
  ...(role === 'insurer_manager' ? { insurerContract: 'PICC-420702-2026' } : {}),
});

describe('getFundCase', () => {
  it('shows county staff the household’s monitoring status, masked person', async () => {
    const asked: string[] = [];
    const shown = await getFundCase(deps(asked), who('county_staff'), fundCase.caseId);
    expect(asked).toEqual(['hh-1']);
    expect(shown.householdMonitoring).toEqual({
      status: 'monitored',
      statusZh: '监测中',
      category: 'marginal',
      monitoredSince: AT,
      openProcedureId: 'p-1',
    });
    expect(shown.personName).toBe('张*');
  });

  it('does not read or show it to the insurer', async () => {
    const asked: string[] = [];
    const shown = await getFundCase(deps(asked), who('insurer_manager'), fundCase.caseId);
    expect(asked).toEqual([]);
    expect(shown.householdMonitoring).toBeUndefined();
  });
});
