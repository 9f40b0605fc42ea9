/** What the API shows of a fund case: the person's name and resident ID masked. */
import type { CaseSource, FundCase } from '../../domain/fund-case.ts';
import { maskName, maskResidentId } from '../../domain/mask.ts';

export const maskCase = (c: FundCase): FundCase => ({
  ...c,
  residentId: maskResidentId(c.residentId),
  personName: maskName(c.personName),
});

export const caseDetail = (c: FundCase, sources: CaseSource[]) => ({ ...maskCase(c), sources });
