import { describe, expect, it } from 'vitest';
import { redact, redactText } from '../../../shared/log/redact.ts';

describe('log redaction', () => {
  it('masks resident IDs and mobile numbers anywhere in a text', () => {
    expect(redactText('户主 42070219900101123X 电话13812345678')).toBe(
      '户主 4207**********123X 电话138****5678',
    );
  });

  it('masks personal fields by name, deep in objects and arrays', () => {
    const out = redact({
      household: {
        headName: '张三丰',
        phone: '13812345678',
        members: [{ name: '李四', residentId: '420702199001011234' }],
      },
      count: 3,
    });
    expect(out).toEqual({
      household: {
        headName: '张**',
        phone: '138****5678',
        members: [{ name: '李*', residentId: '4207**********1234' }],
      },
      count: 3,
    });
  });

  it('keeps numbers that are not IDs or phones', () => {
    expect(redactText('region 420702100201 amount 1234567')).toBe('region 420702100201 amount 1234567');
  });

  it('redacts error messages and stacks', () => {
    const out = redact(new Error('dup 420702199001011234')) as { message: string; stack: string };
    expect(out.message).toBe('dup 4207**********1234');
    expect(out.stack).not.toContain('420702199001011234');
  });
});
