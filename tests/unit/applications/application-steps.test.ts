import { describe, expect, it } from 'vitest';
import {
  applicationItem,
  forwardApplication,
  reviewApplication,
  type Application,
} from '../../../shared/domain/application.ts';
import { Conflict } from '../../../shared/http/errors.ts';

const submitted: Application = {
  applicationId: 'app-1',
  countyCode: '420702000000',
  townCode: '420702100000',
  villageCode: '420702100201',
  householdId: 'hh-1',
  memberId: 'm-1',
  category: 'schooling',
  eventDate: '2026-09-01',
  amountFen: 800_000,
  schoolLevel: 'undergraduate',
  authorizationUploadId: 'up-1',
  status: 'submitted',
  createdBy: 'village.taihe',
  createdAt: '2026-10-01T02:00:00.000Z',
  updatedAt: '2026-10-01T02:00:00.000Z',
  version: 1,
};
const town = { by: 'town.taihe', at: '2026-10-02T02:00:00.000Z' };
const county = { by: 'county.staff', at: '2026-10-03T02:00:00.000Z', caseId: 'case-1' };

const conflictOf = (step: () => unknown) => {
  try {
    step();
  } catch (error) {
    expect(error).toBeInstanceOf(Conflict);
    return { code: (error as Conflict).code, message: (error as Conflict).message };
  }
  throw new Error('expected a conflict');
};

describe('application steps', () => {
  it('town approval, then county forwarding', () => {
    const approved = reviewApplication(submitted, 'approve', undefined, town);
    expect(approved).toMatchObject({ status: 'town_approved', reviewedBy: 'town.taihe', version: 2 });
    const forwarded = forwardApplication(approved, 'forward', undefined, county);
    expect(forwarded).toMatchObject({
      status: 'forwarded',
      forwardedBy: 'county.staff',
      forwardedAt: county.at,
      caseId: 'case-1',
      version: 3,
      updatedAt: county.at,
    });
  });

  it('a town rejection carries its reason', () => {
    expect(reviewApplication(submitted, 'reject', '已享受教育资助全额覆盖', town)).toMatchObject({
      status: 'rejected',
      rejectedStage: 'town',
      rejectionReason: '已享受教育资助全额覆盖',
      rejectedAt: town.at,
    });
  });

  it('a county rejection carries its reason and creates no case', () => {
    const approved = reviewApplication(submitted, 'approve', undefined, town);
    const rejected = forwardApplication(approved, 'reject', '收入远高于监测线', county);
    expect(rejected).toMatchObject({
      status: 'rejected',
      rejectedStage: 'county',
      rejectionReason: '收入远高于监测线',
    });
    expect(rejected.caseId).toBeUndefined();
  });

  it('steps out of order are conflicts naming what comes first', () => {
    expect(conflictOf(() => forwardApplication(submitted, 'forward', undefined, county))).toEqual({
      code: 'STEP_OUT_OF_ORDER',
      message: '须先经乡镇审核通过，县级才能转交',
    });
    const approved = reviewApplication(submitted, 'approve', undefined, town);
    expect(conflictOf(() => reviewApplication(approved, 'approve', undefined, town))).toEqual({
      code: 'STEP_OUT_OF_ORDER',
      message: '该申请已经乡镇审核通过，待县级转交',
    });
    const forwarded = forwardApplication(approved, 'forward', undefined, county);
    expect(conflictOf(() => forwardApplication(forwarded, 'forward', undefined, county)).message).toBe(
      '该申请已办结（已转交保险公司核查），不能再办理此步骤',
    );
    const rejected = reviewApplication(submitted, 'reject', '不符合', town);
    expect(conflictOf(() => reviewApplication(rejected, 'approve', undefined, town)).message).toBe(
      '该申请已办结（未通过），不能再办理此步骤',
    );
  });

  it('keeps the status in the index sort keys', () => {
    const item = applicationItem(reviewApplication(submitted, 'approve', undefined, town));
    expect(item).toMatchObject({
      pk: 'APP#app-1',
      sk: 'APP',
      gsi1pk: 'APPS#420702100201',
      gsi2pk: 'APPS#420702100000',
      gsi3pk: 'APPS#420702000000',
      gsi1sk: 'town_approved#2026-10-01T02:00:00.000Z#app-1',
      gsi3sk: 'town_approved#2026-10-01T02:00:00.000Z#app-1',
    });
  });
});
