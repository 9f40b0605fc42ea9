import { describe, expect, it } from 'vitest';
import { countUpdateItems, newHouseholdCountItems } from '../../../shared/adapters/area-count-store.ts';
import { countDrift, villageCountsOf } from '../../../shared/domain/area-counts.ts';
import { snapshotDrift } from '../../../shared/usecases/stats/recount-areas.ts';

const A = '420702100201';
const B = '420702101201';

describe('countUpdateItems', () => {
  it('merges the deltas of one village into one ADD, skips a village whose deltas cancel out', () => {
    const items = countUpdateItems('main', [
      { villageCode: A, delta: { persons: -1 } },
      { villageCode: A, delta: { persons: 1 } },
      { villageCode: B, delta: { persons: 2, households: 1 } },
      { villageCode: B, delta: { persons: 1 } },
    ]);
    expect(items).toEqual([
      {
        Update: {
          TableName: 'main',
          Key: { pk: 'COUNTS#420702000000', sk: `VILLAGE#${B}` },
          UpdateExpression: 'SET #s0 = :s0, #s1 = :s1, #s2 = :s2, #s3 = :s3 ADD #a0 :a0, #a1 :a1',
          ExpressionAttributeNames: {
            '#s0': 'entity',
            '#s1': 'countyCode',
            '#s2': 'townCode',
            '#s3': 'villageCode',
            '#a0': 'persons',
            '#a1': 'households',
          },
          ExpressionAttributeValues: {
            ':s0': 'village_counts',
            ':s1': '420702000000',
            ':s2': '420702101000',
            ':s3': B,
            ':a0': 3,
            ':a1': 1,
          },
        },
      },
    ]);
  });

  it('the intake builder: one item per village and one month item per village', () => {
    const items = newHouseholdCountItems(
      'main',
      [
        { villageCode: A, type: 'general', persons: 4 },
        { villageCode: A, type: 'general', persons: 2 },
        { villageCode: B, type: 'lifted', persons: 1 },
      ],
      '2026-03',
    );
    expect(items.map((i) => i.Update?.Key)).toEqual([
      { pk: 'COUNTS#420702000000', sk: `VILLAGE#${A}` },
      { pk: 'COUNTS#420702000000', sk: `VILLAGE#${B}` },
      { pk: 'COUNTS#420702000000', sk: `MONTH#2026-03#${A}` },
      { pk: 'COUNTS#420702000000', sk: `MONTH#2026-03#${B}` },
    ]);
    const values = items.map((i) => i.Update?.ExpressionAttributeValues ?? {});
    expect(values[0]).toMatchObject({ ':a0': 2, ':a1': 6, ':a2': 2 });
    expect(items[0]?.Update?.ExpressionAttributeNames).toMatchObject({
      '#a0': 'households',
      '#a1': 'persons',
      '#a2': 'type_general',
    });
    expect(values[2]).toMatchObject({ ':s1': '2026-03', ':a0': 2 });
    expect(items[2]?.Update?.ExpressionAttributeNames).toMatchObject({ '#a0': 'households_added' });
  });
});

describe('countDrift', () => {
  it('lists each attribute of each village where the maintained counter and the recount differ', () => {
    const maintained = [villageCountsOf({ villageCode: A, households: 3, persons: 9, type_general: 3 })];
    const recounted = new Map<string, Record<string, number>>([
      [A, { households: 3, persons: 8, type_general: 3 }],
      [B, { households: 1, persons: 1, type_lifted: 1 }],
    ]);
    expect(countDrift(maintained, recounted)).toEqual([
      { villageCode: A, attribute: 'persons', maintained: 9, recounted: 8 },
      { villageCode: B, attribute: 'households', maintained: 0, recounted: 1 },
      { villageCode: B, attribute: 'persons', maintained: 0, recounted: 1 },
      { villageCode: B, attribute: 'type_lifted', maintained: 0, recounted: 1 },
    ]);
    expect(countDrift(maintained, new Map([[A, { households: 3, persons: 9, type_general: 3 }]]))).toEqual(
      [],
    );
  });
});

describe('snapshotDrift', () => {
  it('compares households, persons and types only (the monitoring parts need the full recount)', () => {
    const maintained = [
      villageCountsOf({
        villageCode: A,
        households: 3,
        persons: 9,
        type_general: 2,
        type_monitored: 1,
        status_monitored: 1,
        status_monitored_persons: 3,
      }),
    ];
    expect(
      snapshotDrift(maintained, {
        byVillage: { [A]: { general: 2, monitored: 1 } },
        membersByVillage: { [A]: 9 },
      }),
    ).toEqual([]);
    expect(
      snapshotDrift(maintained, {
        byVillage: { [A]: { general: 3, monitored: 1 }, [B]: { lifted: 1 } },
        membersByVillage: { [A]: 11, [B]: 2 },
      }),
    ).toEqual([
      { villageCode: A, attribute: 'households', maintained: 3, recounted: 4 },
      { villageCode: A, attribute: 'persons', maintained: 9, recounted: 11 },
      { villageCode: A, attribute: 'type_general', maintained: 2, recounted: 3 },
      { villageCode: B, attribute: 'households', maintained: 0, recounted: 1 },
      { villageCode: B, attribute: 'persons', maintained: 0, recounted: 2 },
      { villageCode: B, attribute: 'type_lifted', maintained: 0, recounted: 1 },
    ]);
  });
});
