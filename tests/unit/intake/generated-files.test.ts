/** Generated files (bench/generate-referral-file.ts) through the reader: formats, bad rows, 100,000 rows streamed. */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateReferralRows,
  residentIdForPerson,
  writeCsv,
  writeXlsx,
} from '../../../bench/generate-referral-file.ts';
import { readReferralFile } from '../../../shared/intake/read-referral-file.ts';
import { rowFromValues } from '../../../shared/intake/row-from-values.ts';
import { residentIdProblem } from '../../../shared/domain/resident-id.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fpb-intake-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const tally = async (path: string, maxBytes = 100 * 1024 * 1024) => {
  const counts = { rows: 0, ok: 0, bad: 0, lastRowNumber: 0 };
  for await (const row of readReferralFile(createReadStream(path, { highWaterMark: 64 * 1024 }), {
    maxBytes,
  })) {
    counts.rows += 1;
    counts.lastRowNumber = row.rowNumber;
    if (rowFromValues(row.values).ok) counts.ok += 1;
    else counts.bad += 1;
  }
  return counts;
};

describe('generateReferralRows', () => {
  it('is deterministic per seed and gives valid, distinct resident IDs', () => {
    const a = [...generateReferralRows(50, { seed: 7 })];
    expect([...generateReferralRows(50, { seed: 7 })]).toEqual(a);
    expect([...generateReferralRows(50, { seed: 8 })]).not.toEqual(a);
    expect(new Set(a.map((r) => r.residentId)).size).toBe(50);
    for (const row of a) expect(residentIdProblem(row.residentId)).toBeUndefined();
    expect(residentIdForPerson(18_000 + 5)).not.toBe(residentIdForPerson(5));
  });

  it('injects bad rows and duplicates where asked', () => {
    const rows = [
      ...generateReferralRows(60, { badEvery: 10, duplicateEvery: 15, department: 'civil_affairs' }),
    ];
    const results = rows.map((r) => rowFromValues(r));
    // bad at 10, 20, 40, 50; 30 and 60 are duplicates (a duplicate wins over a bad row)
    expect(results.flatMap((r, i) => (r.ok ? [] : [i + 1]))).toEqual([10, 20, 40, 50]);
    expect(rows[14]).toEqual(rows[13]);
    expect(rows[0]?.category).toBe('因灾');
  });
});

describe('generated files through readReferralFile', () => {
  it('reads a GB18030 CSV and an XLSX with the same outcome per row', async () => {
    const options = { seed: 3, badEvery: 9, department: 'education' } as const;
    await writeCsv(join(dir, 'gbk.csv'), generateReferralRows(200, options), 'gb18030');
    await writeXlsx(join(dir, 'small.xlsx'), generateReferralRows(200, options));
    const expected = { rows: 200, ok: 178, bad: 22, lastRowNumber: 201 };
    expect(await tally(join(dir, 'gbk.csv'))).toEqual(expected);
    expect(await tally(join(dir, 'small.xlsx'))).toEqual(expected);
  });

  it('streams a 100,000-row CSV', async () => {
    const path = join(dir, 'big.csv');
    await writeCsv(path, generateReferralRows(100_000, { seed: 1, badEvery: 1000 }));
    expect(await tally(path)).toEqual({ rows: 100_000, ok: 99_900, bad: 100, lastRowNumber: 100_001 });
  }, 120_000);
});
