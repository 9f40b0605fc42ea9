import { describe, expect, it } from 'vitest';
import { snapshotOf } from '../../../shared/usecases/stats/registry-snapshot.ts';

describe('registry snapshot', () => {
  it('counts households by type and village, and active members', () => {
    const snapshot = snapshotOf('420702000000', '2026-11-22T17:30:00.000Z', [
      { villageCode: '420702100201', type: 'general', activeMembers: 4 },
      { villageCode: '420702100201', type: 'lifted', activeMembers: 3 },
      { villageCode: '420702100202', type: 'lifted', activeMembers: 2 },
      { villageCode: '420702100202', type: 'monitored', activeMembers: 0 },
    ]);
    expect(snapshot.households).toBe(4);
    expect(snapshot.members).toBe(9);
    expect(snapshot.byType).toEqual({ general: 1, lifted: 2, monitored: 1 });
    expect(snapshot.byVillage).toEqual({
      '420702100201': { general: 1, lifted: 1 },
      '420702100202': { lifted: 1, monitored: 1 },
    });
    expect(snapshot.membersByVillage).toEqual({ '420702100201': 7, '420702100202': 2 });
  });

  it('is empty, not missing, for a county with no household', () => {
    expect(snapshotOf('420703000000', 't', [])).toMatchObject({
      households: 0,
      members: 0,
      byType: {},
      byVillage: {},
    });
  });
});
