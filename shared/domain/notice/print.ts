/**
 * The printable notice (公示): an A4 HTML page in zh-CN to post on the village board. It carries
 * what the notice holds — masked names and IDs only — and escapes every value.
 */
import { NOTICE_KIND_ZH, type Notice } from './notice.ts';
import { shanghaiMinute } from './transitions.ts';
import { shanghaiDate } from '../shanghai-time.ts';

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (value: string | number): string =>
  String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** `2026-10-08` → `2026年10月8日`. */
export const chineseDate = (date: string): string => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

export interface PrintPlace {
  readonly villageName: string;
  readonly townName: string;
}

const STYLE = `@page { size: A4; margin: 20mm 18mm; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 12pt; color: #000; }
h1 { text-align: center; font-size: 20pt; letter-spacing: 0.5em; margin: 0 0 4mm; }
h2 { text-align: center; font-size: 13pt; font-weight: normal; margin: 0 0 6mm; }
table { width: 100%; border-collapse: collapse; page-break-inside: auto; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: 2mm; text-align: center; }
td.risk { text-align: left; }
.withdrawn td { text-decoration: line-through; }
p { line-height: 1.8; text-indent: 2em; margin: 3mm 0; }
.provisional { font-weight: bold; }
.sign { text-align: right; margin-top: 12mm; }`;

const periodText = (notice: Notice): string =>
  `${chineseDate(notice.firstDay)}至${chineseDate(notice.lastDay)}（${notice.periodDays}${
    notice.workingDays ? '个工作日' : '日'
  }，截至${chineseDate(notice.lastDay)}24时）`;

export const renderNoticeHtml = (notice: Notice, place: PrintPlace): string => {
  const rows = notice.subjects
    .map(
      (s, i) => `<tr${s.status === 'withdrawn' ? ' class="withdrawn"' : ''}>
<td>${i + 1}</td><td>${escapeHtml(s.headNameMasked)}</td><td>${escapeHtml(s.residentIdMasked)}</td>
<td>${escapeHtml(s.householdSize)}</td><td class="risk">${escapeHtml(s.risk)}${
        s.status === 'withdrawn' ? `（已撤出：${escapeHtml(s.withdrawnReason ?? '异议成立')}）` : ''
      }</td></tr>`,
    )
    .join('\n');
  const provisional =
    notice.calendarMissing.length > 0
      ? `<p class="provisional">注：公示期跨入${escapeHtml(notice.calendarMissing.join('、'))}年，该年度节假日安排尚未公布，截止日期暂按周末推算，以公布后为准。</p>`
      : '';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(place.villageName)}${escapeHtml(NOTICE_KIND_ZH[notice.kind])}公示</title>
<style>
${STYLE}
</style>
</head>
<body>
<h1>公示</h1>
<h2>${escapeHtml(place.townName)}${escapeHtml(place.villageName)}${escapeHtml(NOTICE_KIND_ZH[notice.kind])}名单</h2>
<p>经村级民主评议，下列农户评议通过，现予以公示。公示期：${escapeHtml(periodText(notice))}。</p>
${provisional}
<table>
<thead><tr><th>序号</th><th>户主姓名</th><th>身份证号码</th><th>家庭人口</th><th>主要风险</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p>公示期间，如有异议，请向村委会或乡镇反映：${escapeHtml(notice.objectionContact)}。反映情况须实事求是。</p>
<p class="sign">${escapeHtml(place.villageName)}村民委员会<br>${escapeHtml(chineseDate(shanghaiDate(new Date(notice.postedAt))))}</p>
<p class="sign">公示编号：${escapeHtml(notice.noticeId)}&emsp;张贴时间：${escapeHtml(shanghaiMinute(notice.postedAt))}</p>
</body>
</html>
`;
};
