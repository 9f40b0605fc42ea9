/** A referral file refused as a whole: nothing of it is taken in. */
import { ValidationFailed } from '../http/errors.ts';

export class FileRefused extends ValidationFailed {
  constructor(message: string) {
    super([{ path: 'file', message }], message);
  }
}

export const REFUSAL = {
  notCsvOrXlsx: '不是 CSV 或 XLSX 文件',
  noWorksheet: '不是 CSV 或 XLSX 文件（其中没有 Excel 工作表）',
  unreadableXlsx: '无法读取该 XLSX 文件，请用 Excel 另存为 .xlsx 后重新上传',
  unreadableCsv: '无法解析该 CSV 文件',
  empty: '文件为空：没有表头',
  noDataRow: '文件中没有数据行',
  tooLarge: (maxBytes: number) =>
    `文件超过大小上限（${maxBytes >= 1024 * 1024 ? `${Number((maxBytes / (1024 * 1024)).toFixed(1))} MB` : `${maxBytes} 字节`}）`,
  missingColumns: (headers: readonly string[]) => `缺少必需的列：${headers.join('、')}`,
  duplicateColumns: (headers: readonly string[]) => `列重复：${headers.join('、')}`,
} as const;
