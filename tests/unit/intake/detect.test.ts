import { describe, expect, it } from 'vitest';
import { detectEncoding, detectFormat } from '../../../shared/intake/detect.ts';
import { FileRefused } from '../../../shared/intake/file-refused.ts';
import { gbk } from '../../fixtures/intake/files.ts';

describe('detectFormat', () => {
  it('knows XLSX by the zip signature and CSV by text', () => {
    expect(detectFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBe('xlsx');
    expect(detectFormat(Buffer.from('身份证号,姓名\r\n\t1,2\n'))).toBe('csv');
    expect(detectFormat(gbk('身份证号,姓名\r\n'))).toBe('csv');
  });

  it('refuses binary and PDF bytes', () => {
    expect(() => detectFormat(Buffer.from('%PDF-1.4\n'))).toThrow(FileRefused);
    expect(() => detectFormat(Buffer.from([0x41, 0x00, 0x42]))).toThrow('不是 CSV 或 XLSX 文件');
    expect(() => detectFormat(Buffer.alloc(0))).toThrow('文件为空：没有表头');
  });
});

describe('detectEncoding', () => {
  const utf8 = Buffer.from('身份证号,姓名');

  it('takes valid UTF-8 as UTF-8 and anything else as GB18030', () => {
    expect(detectEncoding(utf8, true)).toBe('utf-8');
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), true)).toBe('utf-8');
    expect(detectEncoding(gbk('身份证号,姓名'), true)).toBe('gb18030');
    expect(detectEncoding(Buffer.from('plain ascii'), true)).toBe('utf-8');
  });

  it('does not hold a character cut at the end of the prefix against UTF-8, unless that is the whole file', () => {
    const cut = utf8.subarray(0, utf8.length - 1);
    expect(detectEncoding(cut, false)).toBe('utf-8');
    expect(detectEncoding(cut, true)).toBe('gb18030');
  });
});
