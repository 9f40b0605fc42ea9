import { describe, expect, it } from 'vitest';
import {
  countDelta,
  facetOf,
  monthTrendOf,
  sumCounts,
  trendDelta,
  villageCountsOf,
  type HouseholdFacet,
} from '../../../shared/domain/area-counts.ts';

const VILLAGE = '420702100201';
const OTHER_VILLAGE = '420702101201';

const facet = (over: Partial<HouseholdFacet> = {}): HouseholdFacet => ({
  countyCode: '420702000000',
  townCode: '420702100000',
  villageCode: VILLAGE,
  type: 'general',
  persons: 4,
  ...over,
});

const monitored = (over: Partial<NonNullable<HouseholdFacet['monitoring']>> = {}) => ({
  status: 'monitored' as const,
  category: 'unstable_lifted' as const,
  risks: ['illness', 'schooling'] as const,
  ...over,
});

describe('facetOf', () => {
  it('counts active members only and carries the monitoring state', () => {
    const members = [
      { status: 'active' },
      { status: 'active' },
      { status: 'left' },
      { status: 'active' },
    ] as unknown as Parameters<typeof facetOf>[0]['members'];
    const household = {
      countyCode: '420702000000',
      townCode: '420702100000',
      villageCode: VILLAGE,
      type: 'lifted' as const,
      members,
    };
    expect(facetOf(household)).toEqual(facet({ type: 'lifted', persons: 3 }));
    expect(facetOf(household, { status: 'eliminated', category: 'marginal', risks: ['accident'] })).toEqual(
      facet({
        type: 'lifted',
        persons: 3,
        monitoring: { status: 'eliminated', category: 'marginal', risks: ['accident'] },
      }),
    );
  });
});

describe('countDelta', () => {
  it('a new general household of 4 persons', () => {
    expect(countDelta(undefined, facet())).toEqual({ households: 1, persons: 4, type_general: 1 });
  });

  it('a member leaves a general household', () => {
    expect(countDelta(facet(), facet({ persons: 3 }))).toEqual({ persons: -1 });
  });

  it('a member leaves a monitored household: its persons leave the status persons too', () => {
    const before = facet({ type: 'monitored', monitoring: monitored() });
    expect(countDelta(before, { ...before, persons: 3 })).toEqual({
      persons: -1,
      status_monitored_persons: -1,
    });
  });

  it('type general → lifted', () => {
    expect(countDelta(facet(), facet({ type: 'lifted' }))).toEqual({ type_general: -1, type_lifted: 1 });
  });

  it('approval of a lifted household with risks [illness, schooling] as unstable_lifted', () => {
    const before = facet({ type: 'lifted', persons: 5 });
    const after = facet({ type: 'monitored', persons: 5, monitoring: monitored() });
    expect(countDelta(before, after)).toEqual({
      type_lifted: -1,
      type_monitored: 1,
      status_monitored: 1,
      status_monitored_persons: 5,
      category_unstable_lifted: 1,
      risk_illness: 1,
      risk_schooling: 1,
    });
  });

  it('elimination: type restored, unresolved category and risks no longer counted', () => {
    const before = facet({ type: 'monitored', persons: 5, monitoring: monitored() });
    const after = facet({ type: 'lifted', persons: 5, monitoring: monitored({ status: 'eliminated' }) });
    expect(countDelta(before, after)).toEqual({
      type_monitored: -1,
      type_lifted: 1,
      status_monitored: -1,
      status_monitored_persons: -5,
      status_eliminated: 1,
      status_eliminated_persons: 5,
      category_unstable_lifted: -1,
      risk_illness: -1,
      risk_schooling: -1,
    });
  });

  it('rollback: eliminated → monitored again', () => {
    const before = facet({
      type: 'general',
      persons: 2,
      monitoring: monitored({ status: 'eliminated', category: 'marginal', risks: ['accident'] }),
    });
    const after = facet({
      type: 'monitored',
      persons: 2,
      monitoring: monitored({ category: 'marginal', risks: ['accident'] }),
    });
    expect(countDelta(before, after)).toEqual({
      type_general: -1,
      type_monitored: 1,
      status_eliminated: -1,
      status_eliminated_persons: -2,
      status_monitored: 1,
      status_monitored_persons: 2,
      category_marginal: 1,
      risk_accident: 1,
    });
  });

  it('removal: monitored → removed', () => {
    const before = facet({
      type: 'monitored',
      persons: 3,
      monitoring: monitored({ category: 'sudden_hardship', risks: ['natural_disaster'] }),
    });
    const after = facet({
      type: 'general',
      persons: 3,
      monitoring: monitored({ status: 'removed', category: 'sudden_hardship', risks: ['natural_disaster'] }),
    });
    expect(countDelta(before, after)).toEqual({
      type_monitored: -1,
      type_general: 1,
      status_monitored: -1,
      status_monitored_persons: -3,
      status_removed: 1,
      status_removed_persons: 3,
      category_sudden_hardship: -1,
      risk_natural_disaster: -1,
    });
  });

  it('a move between villages: one person less in the source village, one more in the target', () => {
    const source = facet({ persons: 4 });
    const target = facet({ villageCode: OTHER_VILLAGE, townCode: '420702101000', persons: 2 });
    expect(countDelta(source, { ...source, persons: 3 })).toEqual({ persons: -1 });
    expect(countDelta(target, { ...target, persons: 3 })).toEqual({ persons: 1 });
  });

  it('a repeated risk counts once; an unchanged household moves nothing', () => {
    const after = facet({ type: 'monitored', monitoring: monitored({ risks: ['illness', 'illness'] }) });
    expect(countDelta(undefined, after)).toEqual({
      households: 1,
      persons: 4,
      type_monitored: 1,
      status_monitored: 1,
      status_monitored_persons: 4,
      category_unstable_lifted: 1,
      risk_illness: 1,
    });
    expect(countDelta(after, after)).toEqual({});
  });

  it('refuses a household that changes village', () => {
    expect(() => countDelta(facet(), facet({ villageCode: OTHER_VILLAGE }))).toThrow(
      'does not change village',
    );
  });
});

describe('reading the items back', () => {
  it('villageCountsOf: missing attributes are 0; sumCounts adds villages up', () => {
    const a = villageCountsOf({
      villageCode: VILLAGE,
      households: 10,
      persons: 31,
      type_general: 8,
      type_monitored: 2,
      status_monitored: 2,
      status_monitored_persons: 7,
      category_marginal: 2,
      risk_illness: 1,
    });
    expect(a.countyCode).toBe('420702000000');
    expect(a.townCode).toBe('420702100000');
    expect(a.byType).toEqual({ general: 8, lifted: 0, monitored: 2 });
    expect(a.byStatus).toEqual({
      monitored: { households: 2, persons: 7 },
      eliminated: { households: 0, persons: 0 },
      removed: { households: 0, persons: 0 },
    });
    expect(a.byRisk.illness).toBe(1);
    expect(a.byRisk.schooling).toBe(0);
    const b = villageCountsOf({
      villageCode: OTHER_VILLAGE,
      households: 3,
      persons: 9,
      type_lifted: 3,
      status_eliminated: 1,
      status_eliminated_persons: 4,
    });
    const total = sumCounts([a, b]);
    expect(total.villages).toBe(2);
    expect(total.households).toBe(13);
    expect(total.persons).toBe(40);
    expect(total.byType).toEqual({ general: 8, lifted: 3, monitored: 2 });
    expect(total.byStatus.eliminated).toEqual({ households: 1, persons: 4 });
    expect(total.byCategory).toEqual({ unstable_lifted: 0, marginal: 2, sudden_hardship: 0 });
    expect(sumCounts([]).households).toBe(0);
  });

  it('trendDelta and monthTrendOf', () => {
    expect(trendDelta('identified', '2026-03')).toEqual({ month: '2026-03', delta: { identified: 1 } });
    expect(() => trendDelta('identified', '2026-13')).toThrow('YYYY-MM');
    expect(monthTrendOf({ month: '2026-03', villageCode: VILLAGE, identified: 2, removed: 1 })).toEqual({
      month: '2026-03',
      townCode: '420702100000',
      villageCode: VILLAGE,
      events: { households_added: 0, identified: 2, eliminated: 0, rolled_back: 0, removed: 1 },
    });
  });
});
