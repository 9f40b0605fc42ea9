import { describe, expect, it } from 'vitest';
import {
  caseIdOf,
  decideChunk,
  keyText,
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
      [ok(2, referral()), ok(3, referral({ sourceRef: 'YB-9' }))],
      state(),
      config,
    );
    expect(decision.outcomes.map((o) => o.outcome)).toEqual(['accepted', 'duplicate']);
    expect(decision.caseItems).toHaveLength(1);
    expect(decision.sourceItems.map((s) => s.outcome)).toEqual(['accepted', 'duplicate']);
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
    const first = decideChunk(
      sub,
      [ok(2, referral()), ok(3, referral({ sourceRef: 'YB-9' }))],
      state(),
      config,
    );
    const caseId = caseIdOf(sub.countyCode, referral());
    // Crash after the case was written, before the sources: the case is recognised as ours.
    const afterCases = decideChunk(
      sub,
      [ok(2, referral()), ok(3, referral({ sourceRef: 'YB-9' }))],
      state({
        cases: new Map([
          [caseId, { status: 'awaiting_verification', intakeSubmissionId: 'sub-1', intakeRowNumber: 2 }],
        ]),
      }),
      config,
    );
    expect(afterCases.counts).toEqual(first.counts);
    expect(afterCases.caseItems).toEqual([]);
    expect(afterCases.sourceItems.map((s) => s.outcome)).toEqual(['accepted', 'duplicate']);
    // Crash after everything but the checkpoint: sources replay their outcome, nothing is written again.
    const sources = new Map(
      first.sourceItems.map((s) => [
        keyText({ pk: String(s.pk), sk: String(s.sk) }),
        { submissionId: 'sub-1', rowNumber: Number(s.rowNumber), outcome: s.outcome as 'accepted' },
      ]),
    );
    const again = decideChunk(
      sub,
      [ok(2, referral()), ok(3, referral({ sourceRef: 'YB-9' }))],
      state({
        sources,
        cases: new Map([
          [caseId, { status: 'awaiting_verification', intakeSubmissionId: 'sub-1', intakeRowNumber: 2 }],
        ]),
      }),
      config,
    );
    expect(again.counts).toEqual(first.counts);
    expect(again.caseItems).toEqual([]);
    expect(again.sourceItems).toEqual([]);
  });

  it('writes a case again when a crash kept its source but lost the case', () => {
    const first = decideChunk(sub, [ok(2, referral())], state(), config);
    const source = first.sourceItems[0] ?? {};
    const again = decideChunk(
      sub,
      [ok(2, referral())],
      state({
        sources: new Map([
          [
            keyText({ pk: String(source.pk), sk: String(source.sk) }),
            { submissionId: 'sub-1', rowNumber: 2, outcome: 'accepted' },
          ],
        ]),
      }),
      config,
    );
    expect(again.counts).toEqual(first.counts);
    expect(again.caseItems).toEqual(first.caseItems);
    expect(again.sourceItems).toEqual([]);
  });

  it('makes the same department and source reference pushed again a duplicate', () => {
    const key = keyText(sourceKeyOf(caseIdOf(sub.countyCode, referral()), 'medical_insurance', 'YB-1'));
    const decision = decideChunk(
      { ...sub, submissionId: 'sub-2' },
      [ok(2, referral())],
      state({ sources: new Map([[key, { submissionId: 'sub-1', rowNumber: 2, outcome: 'accepted' }]]) }),
      config,
    );
    expect(decision.outcomes).toEqual([{ rowNumber: 2, outcome: 'duplicate' }]);
    expect(decision.sourceItems).toEqual([]);
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
