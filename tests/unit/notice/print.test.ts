import { describe, expect, it } from 'vitest';
import { chineseDate, escapeHtml, renderNoticeHtml } from '../../../shared/domain/notice/print.ts';
import { postedNotice } from './fixtures.ts';

const place = { villageName: '太和村', townName: '太和镇' };

describe('the printable notice', () => {
  it('is an A4 zh-CN page with the period and the masked rows', () => {
    const html = renderNoticeHtml(postedNotice(), place);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('<h2>太和镇太和村防贫保障对象名单</h2>');
    expect(html).toContain('公示期：2026年10月1日至2026年10月8日（7日，截至2026年10月8日24时）');
    expect(html).toContain('<td>张**</td><td>4207**********0012</td>');
    expect(html).toContain('太和村村民委员会<br>2026年9月30日');
    expect(html).not.toContain('尚未公布');
  });

  it('escapes every value and marks withdrawn rows and a provisional end', () => {
    const notice = postedNotice({
      objectionContact: '<script>alert(1)</script>',
      workingDays: true,
      periodDays: 5,
      calendarMissing: [2027],
      subjects: [
        {
          subjectType: 'identification',
          subjectId: 'p',
          householdId: 'h',
          headNameMasked: '王*"',
          residentIdMasked: '4207**********001X',
          householdSize: 4,
          risk: '因病 & 因学',
          status: 'withdrawn',
          withdrawnReason: '<b>收入高</b>',
        },
      ],
    });
    const html = renderNoticeHtml(notice, { villageName: '<i>村', townName: '镇' });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<i>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('王*&quot;');
    expect(html).toContain('因病 &amp; 因学（已撤出：&lt;b&gt;收入高&lt;/b&gt;）');
    expect(html).toContain('<tr class="withdrawn">');
    expect(html).toContain('（5个工作日，');
    expect(html).toContain('公示期跨入2027年，该年度节假日安排尚未公布');
  });

  it('escapes the five HTML characters and writes dates the Chinese way', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(chineseDate('2026-02-05')).toBe('2026年2月5日');
  });
});
