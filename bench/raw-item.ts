/**
 * The raw baseline's item: a source-row-sized item, ten to a partition, as both benches write it
 * (`intake-bench.ts` against the intake, `dynamodb-patterns.ts` against the intake's pattern).
 */
export const rawItem = (round: string | number, i: number): Record<string, unknown> => ({
  pk: `BENCH#${round}#${Math.floor(i / 10)}`,
  sk: `SRC#medical_insurance#REF-${String(i).padStart(8, '0')}`,
  submissionId: '00000000-0000-4000-8000-000000000000',
  rowNumber: i + 2,
  amountFen: 1_234_500,
  outcome: 'accepted',
  department: 'medical_insurance',
  sourceRef: `REF-${i}`,
});
