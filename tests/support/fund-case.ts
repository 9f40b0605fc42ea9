/** A fund case for unit tests: an illness referral in Taihe village, awaiting verification. */
import type { FundCase } from '../../shared/domain/fund-case.ts';

const AT = '2026-10-10T02:00:00.000Z';

export const fundCaseFixture = (fields: Partial<FundCase> = {}): FundCase => ({
  caseId: '00000000-0000-4000-8000-000000000001',
  countyCode: '420702000000',
  townCode: '420702100000',
  villageCode: '420702100201',
  householdId: 'hh-1',
  residentId: '420702198001010012',
  personName: '张三',
  category: 'illness',
  eventDate: '2026-10-01',
  amountFen: 1_000_000,
  origin: 'referral',
  status: 'awaiting_verification',
  screenReasons: [],
  createdAt: AT,
  updatedAt: AT,
  version: 1,
  ...fields,
});
