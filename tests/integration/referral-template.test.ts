/** The department file template through the gateway, read back with the intake's own reader. */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { baseUrl, tokenFor } from './support/api.ts';
import { readReferralFile, type ParsedRow } from '../../shared/intake/read-referral-file.ts';
import { rowFromValues } from '../../shared/intake/row-from-values.ts';
import { TEMPLATE_EXAMPLE } from '../../shared/intake/template.ts';

const download = async (username: string, format: string) => {
  const response = await fetch(`${baseUrl()}/referrals/template/${format}`, {
    headers: { authorization: `Bearer ${await tokenFor(username)}` },
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
};

const rowsOf = async (bytes: Buffer): Promise<ParsedRow[]> => {
  const rows: ParsedRow[] = [];
  for await (const row of readReferralFile(Readable.from([bytes]), { maxBytes: 1024 * 1024 })) rows.push(row);
  return rows;
};

const EXPECTED_ROW = {
  residentId: TEMPLATE_EXAMPLE.residentId,
  name: '张三',
  villageCode: '420702100201',
  category: 'illness',
  amountFen: 1234560,
  eventDate: '2026-01-15',
  sourceRef: 'YB-2026-000001',
  perCapitaIncomeFen: 860000,
  note: '示例行，填写前请删除',
};

describe('GET /referrals/template/{format}', () => {
  it('gives the XLSX template, whose example row reads back as a valid referral row', async () => {
    const file = await download('dept.medical', 'xlsx');
    expect(file.status).toBe(200);
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.disposition).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('防贫保部门推送模板.xlsx')}`,
    );
    expect(file.bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const rows = await rowsOf(file.bytes);
    expect(rows.map((r) => r.rowNumber)).toEqual([2]);
    expect(rowFromValues(rows[0]?.values ?? {})).toEqual({ ok: true, row: EXPECTED_ROW });
  });

  it('gives the CSV template in UTF-8 with BOM, which reads back the same', async () => {
    const file = await download('village.taihe', 'csv');
    expect(file.status).toBe(200);
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect(file.disposition).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('防贫保部门推送模板.csv')}`,
    );
    expect(file.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(file.bytes.toString('utf8').split('\r\n')[0]).toBe(
      '\uFEFF身份证号,姓名,村级区划代码,事件类别,灾害类型,学段,金额（元）,事件日期,来源编号,家庭年人均纯收入（元）,备注',
    );
    const rows = await rowsOf(file.bytes);
    expect(rowFromValues(rows[0]?.values ?? {})).toEqual({ ok: true, row: EXPECTED_ROW });
  });

  it('refuses an unknown format with a zh-CN field error, and roles outside intake', async () => {
    const response = await fetch(`${baseUrl()}/referrals/template/pdf`, {
      headers: { authorization: `Bearer ${await tokenFor('county.staff')}` },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      issues: [{ path: 'params.format', message: '格式应为 xlsx 或 csv' }],
    });
    expect((await download('adjuster.wang', 'xlsx')).status).toBe(403);
    expect((await download('town.taihe', 'csv')).status).toBe(200);
  });
});
