/**
 * One file per household (一户一档): its events in order, and the same as a printable page (A4,
 * zh-CN, every value escaped). The page shows the head's name masked, never an ID or a phone.
 */
import type { Identity } from '../../auth/identity.ts';
import type { HouseholdFileEvent } from '../../domain/household-file.ts';
import { maskName } from '../../domain/mask.ts';
import { ROLE_LABELS, isRole } from '../../auth/roles.ts';
import { loadHousehold } from './context.ts';
import type { MonitoringDeps } from './ports.ts';

export const getHouseholdFile = async (
  deps: MonitoringDeps,
  identity: Identity,
  householdId: string,
): Promise<{ householdId: string; events: HouseholdFileEvent[] }> => {
  await loadHousehold(deps, identity, householdId);
  return { householdId, events: await deps.files.events(householdId) };
};

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** `2026-10-08T02:00:00.000Z` → `2026-10-08 10:00` (Asia/Shanghai). */
const shanghaiTime = (iso: string): string =>
  new Date(new Date(iso).getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');

const roleLabel = (role: string) => (isRole(role) ? ROLE_LABELS[role] : role);

export const householdFileHtml = (
  household: { householdId: string; headName: string; address: string; villageCode: string },
  events: readonly HouseholdFileEvent[],
  printedAt: Date,
): string => {
  const rows = events
    .map(
      (e, i) =>
        `<tr><td>${i + 1}</td><td>${escapeHtml(shanghaiTime(e.at))}</td><td>${escapeHtml(e.kindLabel)}</td>` +
        `<td>${escapeHtml(e.summary)}</td><td>${escapeHtml(e.by.username)}（${escapeHtml(roleLabel(e.by.role))}）</td></tr>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>一户一档 ${escapeHtml(household.householdId)}</title>
<style>
@page { size: A4; margin: 15mm; }
body { font-family: "SimSun", "Songti SC", serif; font-size: 10.5pt; }
h1 { text-align: center; font-size: 16pt; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #000; padding: 3px 4px; vertical-align: top; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
</style>
</head>
<body>
<h1>防止返贫监测帮扶 一户一档</h1>
<p>户编号：${escapeHtml(household.householdId)}&emsp;户主：${escapeHtml(maskName(household.headName))}&emsp;村级区划代码：${escapeHtml(household.villageCode)}</p>
<p>住址：${escapeHtml(household.address)}&emsp;打印时间：${escapeHtml(shanghaiTime(printedAt.toISOString()))}</p>
<table>
<thead><tr><th>序号</th><th>时间</th><th>事项</th><th>内容</th><th>经办人</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
};

export const printHouseholdFile = async (
  deps: MonitoringDeps,
  identity: Identity,
  householdId: string,
  now: Date,
): Promise<string> => {
  const household = await loadHousehold(deps, identity, householdId);
  return householdFileHtml(household, await deps.files.events(householdId), now);
};
