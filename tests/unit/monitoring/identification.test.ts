import { describe, expect, it } from 'vitest';
import { Conflict, Forbidden } from '../../../shared/http/errors.ts';
import {
  assertStep,
  Procedure,
  withStep,
  type StepName,
} from '../../../shared/domain/monitoring/procedure.ts';
import {
  assertCanOpenIdentification,
  overdueStep,
  stepSchedule,
} from '../../../shared/domain/monitoring/identification.ts';
import { yearConfigOf } from '../../../shared/domain/year-config.ts';

const cfg = yearConfigOf('420702000000', 2027).monitoring;
const OPENED = '2027-01-05T02:00:00.000Z';

const procedure = (kind: Procedure['kind'] = 'identification'): Procedure =>
  Procedure.parse({
    procedureId: 'p1',
    kind,
    status: 'in_progress',
    householdId: 'h1',
    countyCode: '420702000000',
    townCode: '420702100000',
    villageCode: '420702100201',
    openedAt: OPENED,
    openedBy: 'village.taihe',
    steps: {},
    updatedAt: OPENED,
    version: 1,
  });

const done = (p: Procedure, ...steps: StepName[]) =>
  steps.reduce((acc, step) => withStep(acc, step, { at: OPENED, by: 'x', role: 'village_cadre' }), p);

const conflictOf = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
};

describe('identification as a state machine', () => {
  it('refuses a step out of order, naming the step that must come first', () => {
    const error = conflictOf(() => assertStep(procedure(), 'deliberation', 'village_cadre'));
    expect(error).toBeInstanceOf(Conflict);
    expect(error).toMatchObject({
      code: 'STEP_OUT_OF_ORDER',
      message: '须先完成“入户核查”步骤',
      details: { step: 'deliberation', requiredFirst: 'home_verification' },
    });
    const p = done(procedure(), 'home_verification', 'asset_checks');
    expect(() => assertStep(p, 'deliberation', 'village_cadre')).not.toThrow();
    expect(conflictOf(() => assertStep(p, 'asset_checks', 'village_cadre'))).toMatchObject({
      message: '“部门信息比对”步骤已办理',
    });
  });

  it('lets only the county approve and only the town review', () => {
    const p = done(procedure(), 'home_verification', 'asset_checks', 'deliberation', 'notice', 'town_review');
    expect(conflictOf(() => assertStep(p, 'county_approval', 'town_official'))).toBeInstanceOf(Forbidden);
    expect(() => assertStep(p, 'county_approval', 'county_staff')).not.toThrow();
    const q = done(procedure(), 'home_verification', 'asset_checks', 'deliberation', 'notice');
    expect(conflictOf(() => assertStep(q, 'town_review', 'village_cadre'))).toBeInstanceOf(Forbidden);
  });

  it('has no asset checks in an elimination and only county approval in a rollback', () => {
    expect(
      conflictOf(() => assertStep(procedure('elimination'), 'asset_checks', 'county_staff')),
    ).toMatchObject({
      message: '风险消除程序没有“部门信息比对”步骤',
    });
    expect(() => assertStep(procedure('rollback'), 'county_approval', 'county_staff')).not.toThrow();
  });

  it('gives each step a due date within 15 days and finds the overdue one', () => {
    const schedule = stepSchedule(procedure(), cfg, new Date('2027-01-06T00:00:00Z'));
    expect(schedule.map((s) => [s.step, s.dueAt])).toEqual([
      ['home_verification', '2027-01-08T02:00:00.000Z'],
      ['asset_checks', '2027-01-11T02:00:00.000Z'],
      ['deliberation', '2027-01-12T02:00:00.000Z'],
      ['notice', '2027-01-19T02:00:00.000Z'],
      ['town_review', '2027-01-20T02:00:00.000Z'],
      ['county_approval', '2027-01-20T02:00:00.000Z'],
    ]);
    expect(overdueStep(procedure(), cfg, new Date('2027-01-08T02:00:00.000Z'))).toBeUndefined();
    expect(overdueStep(procedure(), cfg, new Date('2027-01-08T02:00:01.000Z'))).toEqual({
      step: 'home_verification',
      dueAt: '2027-01-08T02:00:00.000Z',
    });
    const verified = done(procedure(), 'home_verification');
    expect(overdueStep(verified, cfg, new Date('2027-01-09T00:00:00Z'))).toBeUndefined();
    expect(
      overdueStep({ ...verified, status: 'completed' }, cfg, new Date('2027-03-01T00:00:00Z')),
    ).toBeUndefined();
  });

  it('refuses opening for the negative list with its reasons, then for a monitored household', () => {
    expect(
      conflictOf(() =>
        assertCanOpenIdentification({
          householdType: 'general',
          negativeReasons: ['拥有高档小汽车', '拥有高档小汽车'],
        }),
      ),
    ).toMatchObject({
      code: 'NEGATIVE_LIST',
      message: '该户家庭成员在负面清单内（拥有高档小汽车），不予纳入监测',
    });
    expect(
      conflictOf(() => assertCanOpenIdentification({ householdType: 'monitored', negativeReasons: [] })),
    ).toMatchObject({ code: 'ALREADY_MONITORED' });
    expect(() => assertCanOpenIdentification({ householdType: 'lifted', negativeReasons: [] })).not.toThrow();
  });
});
