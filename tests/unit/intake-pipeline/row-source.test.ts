import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fileRowSource, TEMPLATE_EXAMPLE_ROW } from '../../../shared/usecases/intake/row-source.ts';
import { templateCsv } from '../../../shared/intake/template.ts';
import type { CheckedRow } from '../../../shared/usecases/intake/decide-rows.ts';

const collect = async (rows: AsyncIterable<CheckedRow>) => {
  const out: CheckedRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
};

describe('file rows', () => {
  it('never takes in the template’s example row, and takes the department’s own rows', async () => {
    const own = '420702198503150023,李梅,420702100201,因病,,,9000,2026-10-09,YB-2026-10-0002,,\r\n';
    const bytes = Buffer.concat([templateCsv(), Buffer.from(own, 'utf8')]);
    const rows = await collect(fileRowSource(Readable.from([bytes]), 1024 * 1024, bytes.length).rows);
    expect(rows.map((r) => [r.rowNumber, r.ok])).toEqual([
      [2, false],
      [3, true],
    ]);
    const example = rows[0];
    expect(example && !example.ok ? example.errors : []).toEqual([
      { field: '来源编号', message: TEMPLATE_EXAMPLE_ROW },
    ]);
    const mine = rows[1];
    expect(mine?.ok ? mine.row.amountFen : undefined).toBe(900_000);
  });
});
