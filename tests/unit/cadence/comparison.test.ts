import { describe, expect, it } from 'vitest';
import { compareMonth, type MonthCase } from '../../../shared/domain/cadence/comparison.ts';

const LINE = 690_000;
const VILLAGE = '420702100201';
const TOWN = '420702100000';

const monthCase = (overrides: Partial<MonthCase> & Pick<MonthCase, 'caseId' | 'householdId'>): MonthCase => ({
  townCode: TOWN,
  villageCode: VILLAGE,
  residentId: '420702198001010012',
  personName: '张三丰',
  category: 'illness',
  eventDate: '2031-03-08',
  amountFen: 1_280_000,
  status: 'awaiting_verification',
  screenReasons: [],
  reports: [{ department: 'medical_insurance', sourceRef: 'YB-1', amountFen: 1_280_000 }],
  ...overrides,
});

const monitored = (householdId: string, a34?: number) => ({
  householdId,
  townCode: TOWN,
  villageCode: VILLAGE,
  headName: '李四娘',
  ...(a34 === undefined ? {} : { latestIncome: { month: '2031-02', a34PerCapitaFen: a34 } }),
});

describe('the monthly data comparison', () => {
  it('lists a person in department data whose household is not monitored, with departments, event and registry type', () => {
    const entries = compareMonth({
      period: '2031-03',
      monitoringLineFen: LINE,
      cases: [
        monthCase({
          caseId: 'c1',
          householdId: 'h1',
          reports: [
            { department: 'medical_insurance', sourceRef: 'YB-1', amountFen: 1_280_000 },
            { department: 'civil_affairs', sourceRef: 'MZ-9', amountFen: 1_280_000 },
          ],
        }),
      ],
      households: new Map([['h1', { type: 'general' as const }]]),
      monitored: [],
    });
    expect(entries).toEqual([
      {
        entryKey: 'A#c1',
        list: 'not_monitored',
        householdId: 'h1',
        townCode: TOWN,
        villageCode: VILLAGE,
        caseId: 'c1',
        personName: '张**',
        residentId: '4207**********0012',
        departments: ['医保局', '民政局'],
        category: 'illness',
        eventDate: '2031-03-08',
        amountFen: 1_280_000,
        caseStatus: 'awaiting_verification',
        householdType: 'general',
        reasons: [
          '医保局、民政局推送的因病数据中有此人（事件日期 2031-03-08，金额 12,800 元），其家庭未纳入监测（一般农户）',
        ],
      },
    ]);
  });

  it('does not list a person whose household is monitored (and its income at or below the line lists nothing)', () => {
    const entries = compareMonth({
      period: '2031-03',
      monitoringLineFen: LINE,
      cases: [monthCase({ caseId: 'c2', householdId: 'h2' })],
      households: new Map([['h2', { type: 'monitored' as const, monitoringStatus: 'monitored' as const }]]),
      monitored: [monitored('h2', LINE)],
    });
    expect(entries).toEqual([]);
  });

  it('lists a monitored household whose latest A34 is above the line, with both amounts in the reason', () => {
    const entries = compareMonth({
      period: '2031-03',
      monitoringLineFen: LINE,
      cases: [],
      households: new Map(),
      monitored: [monitored('h3', LINE + 1), monitored('h4', LINE), monitored('h5')],
    });
    expect(entries).toEqual([
      {
        entryKey: 'B#h3',
        list: 'income_above_line',
        householdId: 'h3',
        townCode: TOWN,
        villageCode: VILLAGE,
        headName: '李**',
        householdType: 'monitored',
        monitoringStatus: 'monitored',
        incomeMonth: '2031-02',
        a34PerCapitaFen: 690_001,
        monitoringLineFen: LINE,
        reasons: ['最新收入记录（2031-02）家庭人均纯收入（A34）6,900.01 元，高于监测线 6,900 元'],
      },
    ]);
  });

  it('flags an eliminated household found in department data and a monitored one a department reports far above the line', () => {
    const far = { code: 'INCOME_FAR_ABOVE_LINE', message: '家庭人均纯收入远高于防贫监测线：人均 12,000 元' };
    const entries = compareMonth({
      period: '2031-03',
      monitoringLineFen: LINE,
      cases: [
        monthCase({ caseId: 'c6', householdId: 'h6', villageCode: '420702100202' }),
        monthCase({ caseId: 'c7', householdId: 'h7', status: 'screened_out', screenReasons: [far] }),
      ],
      households: new Map([['h6', { type: 'lifted' as const, monitoringStatus: 'eliminated' as const }]]),
      monitored: [monitored('h7', 500_000)],
    });
    expect(entries.map((e) => [e.entryKey, e.villageCode, e.reasons])).toEqual([
      [
        'B#h7',
        VILLAGE,
        [
          '医保局推送的因病数据（事件日期 2031-03-08）显示收入偏高：家庭人均纯收入远高于防贫监测线：人均 12,000 元',
        ],
      ],
      [
        'A#c6',
        '420702100202',
        [
          '医保局推送的因病数据中有此人（事件日期 2031-03-08，金额 12,800 元），其家庭未纳入监测（脱贫户）',
          '该户曾为监测对象，现为“风险已消除”，请核实是否需要回退',
        ],
      ],
    ]);
  });
});
