import { describe, expect, it } from 'vitest';
import { householdFileEvent, householdFileItem } from '../../../shared/domain/household-file.ts';
import { householdFileHtml } from '../../../shared/usecases/monitoring/household-file.ts';

const household = { householdId: 'h-1', countyCode: '420702000000', villageCode: '420702100201' };

const event = (at: string, seq: number, summary: string) =>
  householdFileEvent({
    eventId: `e-${seq}`,
    household,
    at,
    seq,
    kind: seq === 0 ? 'county_approval.recorded' : 'household.monitored',
    by: { username: 'county.staff', role: 'county_staff' },
    summary,
    refs: { procedureId: 'p-1', noticeId: undefined },
  });

describe('the household file', () => {
  it('orders events of one step by their sequence under the same instant, keeping only set refs', () => {
    const first = event('2032-01-19T02:00:00.000Z', 0, '县级审定通过');
    const second = event('2032-01-19T02:00:00.000Z', 1, '纳入监测');
    expect(first.refs).toEqual({ procedureId: 'p-1' });
    expect(first.kindLabel).toBe('县级审定');
    expect([householdFileItem(second).sk, householdFileItem(first).sk].sort()).toEqual([
      '2032-01-19T02:00:00.000Z#0#e-0',
      '2032-01-19T02:00:00.000Z#1#e-1',
    ]);
    expect(householdFileItem(first).pk).toBe('HHFILE#h-1');
  });

  it('prints an A4 zh-CN page, escaped, with the head’s name masked and times in Asia/Shanghai', () => {
    const html = householdFileHtml(
      { householdId: 'h-1', headName: '张三丰', address: '太和村<三组>', villageCode: '420702100201' },
      [event('2032-01-19T16:30:00.000Z', 0, '理由：<script>alert(1)</script> & 其他')],
      new Date('2032-02-01T00:00:00.000Z'),
    );
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('@page { size: A4; margin: 15mm; }');
    expect(html).toContain('户主：张**');
    expect(html).not.toContain('张三丰');
    expect(html).toContain('太和村&lt;三组&gt;');
    expect(html).toContain(
      '<td>1</td><td>2032-01-20 00:30</td><td>县级审定</td><td>理由：&lt;script&gt;alert(1)&lt;/script&gt; &amp; 其他</td><td>county.staff（县乡村振兴局）</td>',
    );
    expect(html).not.toContain('<script>');
  });
});
