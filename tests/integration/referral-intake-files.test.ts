/**
 * Department files through the presigned URL, the S3 notification and the intake state machine:
 * a GBK CSV from civil affairs, a UTF-8 CSV from emergency management, an XLSX from medical
 * insurance with bad rows and an event the other departments also report, a re-upload of the same
 * XLSX, and files refused as a whole with nothing written.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { api, localEnv, runStateMachine } from './support/api.ts';
import { waitFor } from '../support/wait-for.ts';
import { randomResidentId, uniqueResidentIds } from '../support/resident-ids.ts';
import { DONGGOU_VILLAGE, SHAOJIALONG_VILLAGE, TAIHE_VILLAGE } from '../support/household-input.ts';
import { referralCaseId } from '../../shared/domain/fund-case.ts';
import { CHUNK_ROWS } from '../../shared/usecases/intake/ingest-rows.ts';
import { COLUMN_HEADERS, REFERRAL_FIELDS } from '../../shared/intake/columns.ts';

const COUNTY = '420702000000';
/** The template's columns without the two optional ones. */
const HEADERS = REFERRAL_FIELDS.slice(0, 9).map((field) => COLUMN_HEADERS[field]);

let doc: DynamoDBDocumentClient;
beforeAll(() => {
  doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: localEnv().dynamoEndpoint,
      region: 'cn-north-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
});

type FileRow = [string, string, string, string, string, string, number | string, string, string];

const csvText = (rows: FileRow[]) => [HEADERS, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';

const xlsxBytes = async (rows: FileRow[]): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('转介数据');
  sheet.addRow(HEADERS);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

const upload = async (username: string, fileName: string, bytes: Buffer): Promise<string> => {
  const ticket = await api(username).post('/submissions/files', {
    fileName,
    size: bytes.length,
    period: '2026-02',
  });
  expect(ticket.status).toBe(201);
  expect(ticket.body.status).toBe('received');
  const put = await fetch(ticket.body.url, { method: 'PUT', body: bytes });
  expect(put.status).toBe(200);
  return ticket.body.submissionId;
};

const finished = (username: string, submissionId: string) =>
  waitFor(
    async () => {
      const result = await api(username).get(`/submissions/${submissionId}`);
      return result.body.status === 'done' || result.body.status === 'refused' ? result.body : undefined;
    },
    { timeoutMs: 30_000, what: `submission ${submissionId} finished` },
  );

const caseOf = async (residentId: string, category: 'illness' | 'disaster', eventDate: string) =>
  (
    await doc.send(
      new GetCommand({
        TableName: localEnv().tables.main,
        Key: {
          pk: `CASE#${referralCaseId({ countyCode: COUNTY, residentId, category, eventDate })}`,
          sk: 'CASE',
        },
      }),
    )
  ).Item;

const itemsOf = async (pk: string, prefix: string) =>
  (
    await doc.send(
      new QueryCommand({
        TableName: localEnv().tables.main,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
      }),
    )
  ).Items ?? [];

describe('files from three departments', () => {
  const flooded = randomResidentId();
  const sick = randomResidentId();
  const poor = randomResidentId();
  const storm = randomResidentId();
  const ref = () => randomUUID().slice(0, 8);
  const civilRows: FileRow[] = [
    [flooded, '张翠花', TAIHE_VILLAGE, '因灾', '洪涝灾害', '', 9000, '2026-02-03', `MZ-${ref()}`],
    [poor, '李大嘴', SHAOJIALONG_VILLAGE, '因病', '', '', '12000.50', '2026-02-11', `MZ-${ref()}`],
  ];
  const emergencyRows: FileRow[] = [
    [flooded, '张翠花', TAIHE_VILLAGE, '因灾', '洪涝灾害', '', 9500, '2026-02-03', `YJ-${ref()}`],
    [storm, '孙二娘', DONGGOU_VILLAGE, '因灾', '气象灾害', '', 3000, '2026-02-20', `YJ-${ref()}`],
  ];
  const medicalRows: FileRow[] = [
    [sick, '赵本山', TAIHE_VILLAGE, '因病', '', '', 25000, '2026-02-15', `YB-${ref()}`],
    [poor, '李大嘴', SHAOJIALONG_VILLAGE, '因病', '', '', 12000.5, '2026-02-11', `YB-${ref()}`],
    ['123456', '钱多多', TAIHE_VILLAGE, '因病', '', '', 8000, '2026-02-01', `YB-${ref()}`],
    [randomResidentId(), '周芷若', TAIHE_VILLAGE, '因病', '', '', -5, '2026-02-01', `YB-${ref()}`],
  ];
  let civil = '';
  let emergency = '';
  let medical = '';
  let xlsx: Buffer;

  beforeAll(async () => {
    civil = await upload('dept.civil', '民政2月.csv', iconv.encode(csvText(civilRows), 'gbk'));
    await finished('dept.civil', civil);
    emergency = await upload(
      'dept.emergency',
      '应急2月.csv',
      Buffer.from(`\uFEFF${csvText(emergencyRows)}`, 'utf8'),
    );
    await finished('dept.emergency', emergency);
    xlsx = await xlsxBytes(medicalRows);
    medical = await upload('dept.medical', '医保2月.xlsx', xlsx);
    await finished('dept.medical', medical);
  }, 120_000);

  it('takes in the GBK CSV of civil affairs', async () => {
    const done = await finished('dept.civil', civil);
    expect(done).toMatchObject({ status: 'done', channel: 'file', fileName: '民政2月.csv' });
    expect(done.counts).toEqual({ rows: 2, accepted: 2, rejected: 0, duplicates: 0, screenedOut: 0 });
    expect(await caseOf(flooded, 'disaster', '2026-02-03')).toMatchObject({
      status: 'awaiting_verification',
      personName: '张翠花',
      disasterKind: 'flood',
      amountFen: 900_000,
    });
    expect((await caseOf(poor, 'illness', '2026-02-11'))?.amountFen).toBe(1_200_050);
  });

  it('takes in the UTF-8 CSV of emergency management: the flood is the same case, the storm below the deductible', async () => {
    const done = await finished('dept.emergency', emergency);
    expect(done.counts).toEqual({ rows: 2, accepted: 0, rejected: 0, duplicates: 1, screenedOut: 1 });
    expect((await caseOf(storm, 'disaster', '2026-02-20'))?.status).toBe('screened_out');
  });

  it('takes in the XLSX of medical insurance with its bad rows and the event civil affairs reported', async () => {
    const done = await finished('dept.medical', medical);
    expect(done.counts).toEqual({ rows: 4, accepted: 1, rejected: 2, duplicates: 1, screenedOut: 0 });
    const errors = await api('dept.medical').get(`/submissions/${medical}/errors`);
    expect(errors.body.items).toEqual([
      { rowNumber: 4, field: '身份证号', message: '身份证号码应为18位' },
      { rowNumber: 5, field: '金额（元）', message: '金额不能为负' },
    ]);
    const csv = await api('dept.medical').get(`/submissions/${medical}/errors.csv`);
    expect(csv.status).toBe(200);
    const lines = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('4,身份证号,身份证号码应为18位,123456,钱多多');
  });

  it('ends with exactly the expected cases and one source per department row (the first inside the case)', async () => {
    await finished('dept.medical', medical);
    const floodCase = referralCaseId({
      countyCode: COUNTY,
      residentId: flooded,
      category: 'disaster',
      eventDate: '2026-02-03',
    });
    const flood = await api('county.staff').get(`/fund-cases/${floodCase}`);
    expect(flood.body.sources.map((s: { department: string }) => s.department)).toEqual([
      'civil_affairs',
      'emergency_management',
    ]);
    expect((await itemsOf(`CASE#${floodCase}`, 'SRC#')).map((s) => `${s.department}:${s.outcome}`)).toEqual([
      'emergency_management:duplicate',
    ]);
    expect((await caseOf(sick, 'illness', '2026-02-15'))?.status).toBe('awaiting_verification');
    const checkpoints = await itemsOf(`SUB#${medical}`, 'CHUNK#');
    expect(checkpoints.map((c) => c.counts)).toEqual([
      { rows: 4, accepted: 1, rejected: 2, duplicates: 1, screenedOut: 0 },
    ]);
  });

  it('makes the same XLSX uploaded again a duplicate of the first, with nothing new', async () => {
    const again = await upload('dept.medical', '医保2月（重传）.xlsx', xlsx);
    const done = await finished('dept.medical', again);
    expect(done).toMatchObject({
      status: 'done',
      duplicateOf: medical,
      counts: { rows: 0, accepted: 0, rejected: 0, duplicates: 0, screenedOut: 0 },
    });
    expect(await itemsOf(`SUB#${again}`, 'CHUNK#')).toEqual([]);
    expect(await itemsOf(`SUB#${again}`, 'ERR#')).toEqual([]);
  });
});

describe('files refused as a whole', () => {
  it('refuses PDF bytes, with nothing written', async () => {
    const id = await upload(
      'dept.medical',
      '说明.pdf',
      Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n', 'latin1'),
    );
    const done = await finished('dept.medical', id);
    expect(done).toMatchObject({ status: 'refused', refusedReason: '不是 CSV 或 XLSX 文件' });
    expect(await itemsOf(`SUB#${id}`, 'CHUNK#')).toEqual([]);
  });

  it('refuses a CSV with wrong columns, with nothing written', async () => {
    const id = await upload('dept.civil', '错误表头.csv', Buffer.from('姓名,金额\n张三,100\n', 'utf8'));
    const done = await finished('dept.civil', id);
    expect(done.status).toBe('refused');
    expect(done.refusedReason).toContain('缺少必需的列');
    expect(await itemsOf(`SUB#${id}`, 'ERR#')).toEqual([]);
  });

  it('refuses an announced file above the size limit at once', async () => {
    const result = await api('dept.civil').post('/submissions/files', {
      fileName: '大文件.csv',
      size: 60 * 1024 * 1024,
    });
    expect(result.status).toBe(400);
    expect(result.body.issues).toEqual([{ path: 'body.size', message: '文件超过大小上限（50 MB）' }]);
  });

  it('does not let one department read another’s file submission', async () => {
    const id = await upload('dept.civil', '民政.csv', Buffer.from(csvText([]), 'utf8'));
    expect((await api('dept.medical').get(`/submissions/${id}`)).status).toBe(404);
    expect((await finished('dept.civil', id)).refusedReason).toBe('文件中没有数据行');
  });
});

describe('a rerun of the intake after a crash between writes', () => {
  /** Two chunks and a short third one. */
  const people = uniqueResidentIds(2 * CHUNK_ROWS + 100);
  /** Amounts of 4,000 and 5,000 yuan (i % 7 < 2) are not above the 5,000-yuan deductible. */
  const screenedOut = people.filter((_, i) => i % 7 < 2).length;
  const rows: FileRow[] = people.map((id, i) => [
    id,
    '吴用',
    TAIHE_VILLAGE,
    '因病',
    '',
    '',
    4000 + (i % 7) * 1000,
    '2026-02-12',
    `YJ-R${i}-${randomUUID().slice(0, 6)}`,
  ]);
  const caseKey = (id: string) => ({
    pk: `CASE#${referralCaseId({ countyCode: COUNTY, residentId: id, category: 'illness', eventDate: '2026-02-12' })}`,
    sk: 'CASE',
  });
  const getAll = async (keys: { pk: string; sk: string }[]) => {
    const found: Record<string, unknown>[] = [];
    for (const key of keys) {
      const item = (await doc.send(new GetCommand({ TableName: localEnv().tables.main, Key: key }))).Item;
      if (item) found.push(item);
    }
    return found;
  };

  it('ends with exactly the same cases, sources and counts', async () => {
    const id = await upload('dept.emergency', '应急重跑.csv', Buffer.from(csvText(rows), 'utf8'));
    const first = await finished('dept.emergency', id);
    expect(first.counts).toEqual({
      rows: people.length,
      accepted: people.length - screenedOut,
      rejected: 0,
      duplicates: 0,
      screenedOut,
    });
    expect((await itemsOf(`SUB#${id}`, 'CHUNK#')).map((c) => c.sk)).toEqual([
      'CHUNK#000000',
      'CHUNK#000001',
      'CHUNK#000002',
    ]);
    const chunkTwo = people.slice(CHUNK_ROWS, 2 * CHUNK_ROWS);
    const casesBefore = await getAll(chunkTwo.map(caseKey));
    const sourcesBefore = await Promise.all(chunkTwo.map((p) => itemsOf(caseKey(p).pk, 'SRC#')));

    // The crash: chunk 1 wrote only part of its batches (some cases), no checkpoint.
    const table = localEnv().tables.main;
    await doc.send(new DeleteCommand({ TableName: table, Key: { pk: `SUB#${id}`, sk: 'CHUNK#000001' } }));
    for (const [i, p] of chunkTwo.entries()) {
      if (i % 3 !== 0)
        for (const source of sourcesBefore[i] ?? [])
          await doc.send(new DeleteCommand({ TableName: table, Key: { pk: source.pk, sk: source.sk } }));
      if (i % 3 !== 1) await doc.send(new DeleteCommand({ TableName: table, Key: caseKey(p) }));
    }
    await doc.send(
      new UpdateCommand({
        TableName: table,
        Key: { pk: `SUB#${id}`, sk: 'SUB' },
        UpdateExpression: 'SET #status = :processing REMOVE #counts',
        ExpressionAttributeNames: { '#status': 'status', '#counts': 'counts' },
        ExpressionAttributeValues: { ':processing': 'processing' },
      }),
    );

    const rerun = await runStateMachine('referral-intake', { submissionId: id }, { timeoutMs: 60_000 });
    expect(rerun.status).toBe('SUCCEEDED');
    const again = await finished('dept.emergency', id);
    expect(again.counts).toEqual(first.counts);
    expect(await getAll(chunkTwo.map(caseKey))).toEqual(casesBefore);
    expect(await Promise.all(chunkTwo.map((p) => itemsOf(caseKey(p).pk, 'SRC#')))).toEqual(sourcesBefore);
  }, 120_000);
});
