import { describe, expect, it } from 'vitest';
import type { Identity } from '../../../shared/auth/identity.ts';
import type { Role } from '../../../shared/auth/roles.ts';
import { alertListScope, alertVisibleTo } from '../../../shared/domain/alert-scope.ts';

const COUNTY = '420702000000';
const TAIHE_TOWN = '420702100000';
const TAIHE = '420702100201';
const SHAOJIALONG = '420702100202';
const DONGGOU_TOWN = '420702101000';
const DONGGOU = '420702101201';

const who = (role: Role, scope: Partial<Identity> = {}): Identity => ({
  userId: 'u',
  username: 'u',
  role,
  countyCode: COUNTY,
  ...scope,
});

const county = who('county_staff');
const auditor = who('auditor');
const taiheTown = who('town_official', { townCode: TAIHE_TOWN });
const donggouTown = who('town_official', { townCode: DONGGOU_TOWN });
const taiheCadre = who('village_cadre', { townCode: TAIHE_TOWN, villageCode: TAIHE });
const neighbour = who('village_cadre', { townCode: TAIHE_TOWN, villageCode: SHAOJIALONG });
const otherCounty = who('county_staff', { countyCode: '420703000000' });

const at = (scopeCode: string) => ({ countyCode: COUNTY, scopeCode });

describe('who lists which alerts', () => {
  it('gives each reading role its list and none to the others', () => {
    expect(alertListScope(county)).toEqual({ countyCode: COUNTY });
    expect(alertListScope(auditor)).toEqual({ countyCode: COUNTY });
    expect(alertListScope(taiheTown)).toEqual({ countyCode: COUNTY, townCode: TAIHE_TOWN });
    expect(alertListScope(taiheCadre)).toEqual({ countyCode: COUNTY, villageCode: TAIHE });
    expect(alertListScope(who('town_official'))).toBeUndefined();
    expect(alertListScope(who('village_cadre', { townCode: TAIHE_TOWN }))).toBeUndefined();
    expect(alertListScope(who('department', { department: 'civil_affairs' }))).toBeUndefined();
    expect(alertListScope(who('insurer_manager', { insurerContract: 'C' }))).toBeUndefined();
    expect(alertListScope(who('finance_officer'))).toBeUndefined();
  });
});

describe('who sees one alert', () => {
  const readers = [county, auditor, taiheTown, donggouTown, taiheCadre, neighbour, otherCounty];
  const seenBy = (scopeCode: string) => readers.map((r) => alertVisibleTo(r, at(scopeCode)));

  it('a county-wide alert: the county and every town of it, no village, no other county', () => {
    expect(seenBy(COUNTY)).toEqual([true, true, true, true, false, false, false]);
  });

  it('a town alert: the county and that town only', () => {
    expect(seenBy(TAIHE_TOWN)).toEqual([true, true, true, false, false, false, false]);
  });

  it('a village alert: the county, its town and the village itself, not the neighbour village', () => {
    expect(seenBy(TAIHE)).toEqual([true, true, true, false, true, false, false]);
    expect(seenBy(DONGGOU)).toEqual([true, true, false, true, false, false, false]);
  });

  it('an alert of another county is no one’s here, even at the same codes below the county', () => {
    expect(alertVisibleTo(county, { countyCode: '420703000000', scopeCode: '420703000000' })).toBe(false);
    expect(alertVisibleTo(otherCounty, { countyCode: '420703000000', scopeCode: '420703100201' })).toBe(true);
  });
});
