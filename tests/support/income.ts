/**
 * Income components for tests: wages only, for a family of three, giving this A34/A38 per head
 * (no other income or expense).
 */
import type { IncomeComponents } from '../../shared/domain/income.ts';

export const incomePerHead = (fen: number): IncomeComponents => ({
  a28WagesFen: fen * 3,
  a29BusinessFen: 0,
  a30PropertyFen: 0,
  a31TransferFen: 0,
  a32BusinessExpensesFen: 0,
  a35ClaimIncomeFen: 0,
  a36SelfPaidFen: 0,
});
