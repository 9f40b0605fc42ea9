/**
 * Request bodies for the registry, by scenario. Every call gets fresh random resident IDs so
 * tests can run again and again against the same database.
 */
import { randomResidentId } from './resident-ids.ts';

export const TAIHE_VILLAGE = '420702100201';
export const SHAOJIALONG_VILLAGE = '420702100202';
export const DONGGOU_VILLAGE = '420702101201';
export const OTHER_COUNTY_VILLAGE = '420703100201';

export interface MemberBody {
  name: string;
  sex: 'male' | 'female';
  relation: string;
  idType?: 'resident_id' | 'disability_certificate';
  idNumber: string;
  [field: string]: unknown;
}

export const memberBody = (overrides: Partial<MemberBody> = {}): MemberBody => ({
  name: '张三丰',
  sex: 'male',
  relation: 'head',
  idNumber: randomResidentId({ sex: overrides.sex ?? 'male' }),
  ...overrides,
});

/** A family of three: head, spouse, daughter. */
export const householdBody = (overrides: Record<string, unknown> = {}) => ({
  villageCode: TAIHE_VILLAGE,
  group: '三组',
  address: '太和村三组12号',
  phone: '13812345678',
  type: 'general',
  members: [
    memberBody({ name: '张三丰', relation: 'head', sex: 'male' }),
    memberBody({ name: '李四娘', relation: 'spouse', sex: 'female', health: 'chronic_illness' }),
    memberBody({ name: '张小妹', relation: 'daughter', sex: 'female', schooling: 'junior' }),
  ],
  ...overrides,
});
