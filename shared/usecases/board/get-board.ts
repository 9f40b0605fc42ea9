/**
 * The submission board of the caller's county for a due month: county staff and auditors see
 * every department; a department sees only its own row.
 */
import type { Identity } from '../../auth/identity.ts';
import type { BoardStore } from '../../adapters/board-store.ts';
import type { YearConfig } from '../../domain/year-config.ts';
import { boardRows, type BoardRow } from '../../domain/submission-board.ts';
import { dueMoment } from '../../domain/submission.ts';
import { NotFound } from '../../http/errors.ts';

export interface BoardDeps {
  readonly boardStore: BoardStore;
  readonly configStore: { get(countyCode: string, year: number): Promise<YearConfig> };
}

export interface Board {
  readonly countyCode: string;
  readonly month: string;
  readonly dueAt: string;
  readonly rows: BoardRow[];
}

export const getBoard = async (
  deps: BoardDeps,
  identity: Identity,
  month: string,
  now: Date,
): Promise<Board> => {
  // 1. The county's referral schedule for the month's year.
  const config = await deps.configStore.get(identity.countyCode, Number(month.slice(0, 4)));
  const schedule = config.referral;
  // 2. The month's submissions (a department: its own only) and the check's marks.
  const own = identity.role === 'department' ? identity.department : undefined;
  if (identity.role === 'department' && !own) throw new NotFound();
  const [submissions, missingMarks] = await Promise.all([
    deps.boardStore.monthSubmissions(identity.countyCode, month, own),
    deps.boardStore.missingMarks(identity.countyCode, month),
  ]);
  // 3. The rows, narrowed to the caller's department.
  const rows = boardRows({ month, now, schedule, submissions, missingMarks }).filter(
    (row) => own === undefined || row.department === own,
  );
  return {
    countyCode: identity.countyCode,
    month,
    dueAt: dueMoment(month, schedule.dueDay).toISOString(),
    rows,
  };
};
