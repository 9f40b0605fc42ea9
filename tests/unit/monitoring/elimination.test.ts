import { describe, expect, it } from 'vitest';
import {
  eliminationGuards,
  monthsAboveLine,
  monthsBetween,
  type EliminationFacts,
} from '../../../shared/domain/monitoring/elimination.ts';

const LINE = 690_000;
const now = new Date('2027-08-10T02:00:00Z');
const sixMonthsAbove = ['2027-02', '2027-03', '2027-04', '2027-05', '2027-06', '2027-07'].map((month) => ({
  month,
  a38PerCapitaFen: 800_000,
}));

/** A household that meets every condition; each test breaks one. */
const eligible = (overrides: Partial<EliminationFacts> = {}): EliminationFacts => ({
  method: 'assistance',
  now,
  monitoredSince: '2027-01-05T02:00:00Z',
  latestA38Fen: 800_000,
  members: [
    { labour: 'general', status: 'active' },
    { labour: 'none', status: 'active' },
  ],
  incomeHistory: sixMonthsAbove,
  risks: ['illness'],
  risksCovered: ['illness'],
  attestations: {
    measuresInPlace: true,
    assurancesStable: true,
    incomeStable: true,
    rigidExpensesSolved: true,
  },
  lineFen: LINE,
  floorFen: 500_000,
  cfg: { minMonthsMonitored: 3, incomeAboveLineMonths: 6 },
  ...overrides,
});

const codes = (facts: EliminationFacts) => eliminationGuards(facts).map((f) => f.code);

describe('risk elimination guards (SPEC §4.5)', () => {
  it('lets a household that meets every condition through', () => {
    expect(eliminationGuards(eligible())).toEqual([]);
  });

  it('refuses per-capita income below 5,000 yuan, naming the guard', () => {
    const failures = eliminationGuards(eligible({ latestA38Fen: 499_999 }));
    expect(failures).toEqual([
      { code: 'INCOME_BELOW_FLOOR', message: '人均纯收入 4,999.99 元低于 5,000 元，不得风险消除' },
    ]);
    expect(codes(eligible({ latestA38Fen: 500_000 }))).toEqual([]);
  });

  it('refuses a household with no labour ability', () => {
    const members = [
      { labour: 'none' as const, status: 'active' as const },
      { labour: 'lost' as const, status: 'active' as const },
      { labour: 'general' as const, status: 'left' as const },
    ];
    expect(codes(eligible({ members }))).toEqual(['NO_LABOUR_ABILITY']);
  });

  it('refuses fewer months monitored than the county minimum', () => {
    expect(codes(eligible({ monitoredSince: '2027-05-11T02:00:00Z' }))).toEqual(['MONITORED_TOO_SHORT']);
    expect(eliminationGuards(eligible({ monitoredSince: '2027-05-11T02:00:00Z' }))[0]?.message).toBe(
      '纳入监测 2 个月，不足 3 个月',
    );
    expect(codes(eligible({ monitoredSince: '2027-05-10T02:00:00Z' }))).toEqual([]);
    expect(codes(eligible({ cfg: { minMonthsMonitored: 12, incomeAboveLineMonths: 6 } }))).toEqual([
      'MONITORED_TOO_SHORT',
    ]);
  });

  it('refuses income above the line for fewer than 6 months', () => {
    const history = sixMonthsAbove.map((h) => (h.month === '2027-03' ? { ...h, a38PerCapitaFen: LINE } : h));
    const failures = eliminationGuards(eligible({ incomeHistory: history }));
    expect(failures).toEqual([
      { code: 'INCOME_ABOVE_LINE_TOO_SHORT', message: '收入连续高于监测线 4 个月，不足 6 个月' },
    ]);
  });

  it('checks the four conditions, each by its own code', () => {
    expect(
      codes(
        eligible({
          risksCovered: [],
          attestations: {
            measuresInPlace: true,
            assurancesStable: false,
            incomeStable: false,
            rigidExpensesSolved: false,
          },
        }),
      ),
    ).toEqual([
      'MEASURES_NOT_IN_PLACE',
      'ASSURANCES_NOT_STABLE',
      'INCOME_NOT_STABLE',
      'RIGID_EXPENSES_NOT_SOLVED',
    ]);
    expect(codes(eligible({ method: 'natural', risksCovered: [] }))).toEqual([]);
  });
});

describe('months', () => {
  it('counts whole calendar months in Asia/Shanghai', () => {
    expect(monthsBetween('2027-01-31T16:30:00Z', new Date('2027-04-30T16:00:00Z'))).toBe(3);
    expect(monthsBetween('2027-01-31T16:30:00Z', new Date('2027-04-30T15:59:00Z'))).toBe(2);
  });

  it('counts consecutive months above the line back from this month or the one before', () => {
    expect(monthsAboveLine(sixMonthsAbove, LINE, now)).toBe(6);
    expect(monthsAboveLine([...sixMonthsAbove, { month: '2027-08', a38PerCapitaFen: 1 }], LINE, now)).toBe(0);
    expect(monthsAboveLine(sixMonthsAbove.slice(0, 5), LINE, now)).toBe(0);
  });
});
