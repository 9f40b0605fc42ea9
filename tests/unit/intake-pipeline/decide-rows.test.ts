import { describe, expect, it } from 'vitest';
import {
  caseIdOf,
  decideChunk,
  keyText,
  needsSourceRead,
  sourceKeyOf,
  type ChunkState,
  type CheckedRow,
  type SubmissionRef,
} from '../../../shared/usecases/intake/decide-rows.ts';
import { yearConfigOf } from '../../../shared/domain/year-config.ts';
import type { ReferralRow } from '../../../shared/domain/referral-row.ts';

const config = yearConfigOf('420702000000', 2026);
const sub: SubmissionRef = {
  submissionId: 'sub-1',
  countyCode: '420702000000',
  department: 'medical_insurance',
  receivedAt: '2026-03-04T02:00:00.000Z',
};
const PERSON = '420702198001010011';
const OTHER = '420702198501010022';

const referral = (overrides: Partial<ReferralRow> = {}): ReferralRow => ({
  residentId: PERSON,
  name: '王大锤',
  villageCode: '420702100201',
  category: 'illness',
  amountFen: 800_000,
  eventDate: '2026-02-10',
  sourceRef: 'YB-1',
  ...overrides,
});

const ok = (rowNumber: number, row: ReferralRow): CheckedRow => ({ rowNumber, ok: true, row });

const place = {
  householdId: 'hh-1',
  countyCode: '420702000000',
  townCode: '420702100000',
  villageCode: '420702100201',
};
const state = (overrides: Partial<ChunkState> = {}): ChunkState => ({
  places: new Map([
    [PERSON, place],
    [OTHER, { ...place, householdId: 'hh-2' }],
  ]),
  cases: new Map(),
  sources: new Map(),
  negatives: new Map(),
  ...overrides,
});

describe('decideChunk', () => {
  it('accepts a new event, screens out one below the deductible, rejects a bad row, and counts them', () => {
    const decision = decideChunk(
      sub,
      [
        ok(2, referral()),
        ok(3, referral({ residentId: OTHER, amountFen: 500_000, sourceRef: 'YB-2' })),
        { rowNumber: 4, ok: false, errors: [{ field: '金额（元）', message: '金额不能为负' }] },
      ],
      state(),
      config,
    );
    expect(decision.outcomes).toEqual([
      { rowNumber: 2, outcome: 'accepted' },
      { rowNumber: 3, outcome: 'screened_out' },
      { rowNumber: 4, outcome: 'rejected' },
    ]);
    expect(decision.counts).toEqual({ rows: 3, accepted: 1, rejected: 1, duplicates: 0, screenedOut: 1 });
    expect(decision.caseItems).toHaveLength(2);
    expect(decision.caseItems[0]).toMatchObject({
      pk: `CASE#${caseIdOf(sub.countyCode, referral())}`,
      status: 'awaiting_verification',
      householdId: 'hh-1',
      intakeSubmissionId: 'sub-1',
      intakeRowNumber: 2,
      createdAt: sub.receivedAt,
    });
    expect(decision.caseItems[1]?.screenReasons).toEqual([
      {
        code: 'AMOUNT_NOT_ABOVE_DEDUCTIBLE',
        message: '金额未超过起付线：因病金额 5,000 元，起付线 5,000 元',
      },
    ]);
    expect(decision.errorItems).toEqual([
      {
        pk: 'SUB#sub-1',
        sk: 'ERR#0000004',
        entity: 'rowError',
        rowNumber: 4,
        errors: [{ field: '金额（元）', message: '金额不能为负' }],
      },
    ]);
  });

  it('makes a second row of the same event a duplicate with its own source item', () => {
    const decision = decideChunk(
      sub,
      [ok(2, referral()), ok(3, referral({ sourceRef: 'YB-9' })), ok(4, referral({ sourceRef: 'YB-9' }))],
      state(),
      config,
    );
    expect(decision.outcomes.map((o) => o.outcome)).toEqual(['accepted', 'duplicate', 'duplicate']);
    // The first source lives in the case item; the second reference gets one item, its repeat none.
    expect(decision.caseItems).toHaveLength(1);
    expect(decision.caseItems[0]).toMatchObject({
      intakeDepartment: 'medical_insurance',
      intakeSourceRef: 'YB-1',
      intakeAmountFen: 800_000,
      intakeOutcome: 'accepted',
    });
    expect(decision.sourceItems).toEqual([
      expect.objectContaining({
        sk: 'SRC#medical_insurance#YB-9',
        rowNumber: 3,
        outcome: 'duplicate',
      }),
    ]);
  });

  it('makes a row whose case came from another source a duplicate', () => {
    const caseId = caseIdOf(sub.countyCode, referral());
    const decision = decideChunk(
      sub,
      [ok(2, referral())],
      state({
        cases: new Map([
          [caseId, { status: 'awaiting_verification', intakeSubmissionId: 'sub-0', intakeRowNumber: 7 }],
        ]),
      }),
      config,
    );
    expect(decision.outcomes).toEqual([{ rowNumber: 2, outcome: 'duplicate' }]);
    expect(decision.caseItems).toEqual([]);
    expect(decision.sourceItems[0]).toMatchObject({ outcome: 'duplicate', department: 'medical_insurance' });
  });

  it('replays the first decision when the chunk runs again after a crash', () => {
    const rows = [ok(2, referral({ amountFen: 400_000 })), ok(3, referral({ sourceRef: 'YB-9' }))];
    const first = decideChunk(sub, rows, state(), config);
    expect(first.outcomes.map((o) => o.outcome)).toEqual(['screened_out', 'duplicate']);
    const caseId = caseIdOf(sub.countyCode, referral());
    const created = first.decidedCases.get(caseId);
    expect(created).toEqual({
      status: 'screened_out',
      intakeSubmissionId: 'sub-1',
      intakeRowNumber: 2,
      intakeDepartment: 'medical_insurance',
      intakeSourceRef: 'YB-1',
      intakeOutcome: 'screened_out',
    });
    // Crash after the case was written (the case was since sent on), the source item lost.
    const stored = { ...created, status: 'awaiting_verification' } as const;
    const afterCase = decideChunk(sub, rows, state({ cases: new Map([[caseId, stored]]) }), config);
    expect(afterCase.counts).toEqual(first.counts);
    expect(afterCase.caseItems).toEqual([]);
    expect(afterCase.sourceItems).toEqual(first.sourceItems);
    // Crash after everything but the checkpoint: the same counts, the source item not written over.
    const sourceKey = keyText(sourceKeyOf(caseId, 'medical_insurance', 'YB-9'));
    const again = decideChunk(
      sub,
      rows,
      state({
        cases: new Map([[caseId, stored]]),
        sources: new Map([[sourceKey, { submissionId: 'sub-1', rowNumber: 3, outcome: 'duplicate' }]]),
      }),
      config,
    );
    expect(again.counts).toEqual(first.counts);
    expect(again.caseItems).toEqual([]);
    expect(again.sourceItems).toEqual([]);
  });

  it('sees the cases and sources the previous chunk decided while its writes are in flight', () => {
    const first = decideChunk(sub, [ok(2, referral())], state(), config);
    const next = decideChunk(
      sub,
      [ok(502, referral({ sourceRef: 'YB-1' })), ok(503, referral({ sourceRef: 'YB-3' }))],
      state({ cases: first.decidedCases, recentSourceKeys: first.decidedSourceKeys }),
      config,
    );
    expect(next.outcomes.map((o) => o.outcome)).toEqual(['duplicate', 'duplicate']);
    expect(next.caseItems).toEqual([]);
    expect(next.sourceItems.map((s) => s.sk)).toEqual(['SRC#medical_insurance#YB-3']);
  });

  it('makes the same department and source reference pushed again a duplicate, writing nothing', () => {
    const caseId = caseIdOf(sub.countyCode, referral());
    const stored = {
      status: 'awaiting_verification',
      intakeSubmissionId: 'sub-1',
      intakeRowNumber: 2,
      intakeDepartment: 'medical_insurance',
      intakeSourceRef: 'YB-1',
      intakeOutcome: 'accepted' as const,
    };
    const decision = decideChunk(
      { ...sub, submissionId: 'sub-2' },
      [ok(2, referral())],
      state({ cases: new Map([[caseId, stored]]) }),
      config,
    );
    expect(decision.outcomes).toEqual([{ rowNumber: 2, outcome: 'duplicate' }]);
    expect(decision.sourceItems).toEqual([]);
    expect(needsSourceRead({ ...sub, submissionId: 'sub-2' }, 2, referral(), stored)).toBe(false);
    expect(
      needsSourceRead({ ...sub, submissionId: 'sub-2' }, 2, referral({ sourceRef: 'YB-7' }), stored),
    ).toBe(true);
    expect(needsSourceRead(sub, 2, referral({ sourceRef: 'YB-7' }), stored)).toBe(false);
  });

  it('screens out a person on the negative list', () => {
    const decision = decideChunk(
      sub,
      [ok(2, referral())],
      state({ negatives: new Map([[PERSON, 'illegal_behaviour']]) }),
      config,
    );
    expect(decision.caseItems[0]?.screenReasons).toEqual([
      { code: 'NEGATIVE_LIST', message: '列入负面清单：有违法违规行为' },
    ]);
  });
});
