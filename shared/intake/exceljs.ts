/**
 * exceljs, for every use in this project — import it from here, never from 'exceljs'.
 *
 * exceljs 4.4.0's streaming reader decodes each chunk of a worksheet's XML with one shared
 * `TextDecoder` called without `{ stream: true }` (lib/utils/browser-buffer-decode.js), so a
 * Chinese character cut by a chunk boundary becomes "�" (seen on 8 of 100,000 generated rows:
 * `因病` read as `���病`). The guard imported first makes the decoder exceljs builds at load
 * time a streaming one; the worksheets are parsed one after another and each XML part ends
 * on a whole character, so nothing carries over between parts.
 */
import { restoreTextDecoder } from './exceljs-decoder-guard.ts';
import ExcelJS from 'exceljs';

restoreTextDecoder();

export default ExcelJS;
