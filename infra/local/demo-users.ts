/** The demo users described in zh-CN, for the start banner and `npm run token -- --list`. */
import { ROLE_LABELS } from '../../shared/auth/roles.ts';
import { DEMO_REGIONS, DEMO_USERS, type DemoUser } from './demo-county.ts';

const DEPARTMENT_LABELS: Readonly<Record<string, string>> = {
  medical_insurance: '医保',
  civil_affairs: '民政',
  emergency_management: '应急管理',
  education: '教育',
  housing: '住建',
  water: '水利',
  disability_federation: '残联',
  human_resources: '人社',
  agriculture: '农业农村',
  finance_office: '金融办',
  police: '公安',
  natural_resources: '自然资源',
  market_regulation: '市场监管',
};

const regionName = (code: string | undefined): string | undefined =>
  code ? (DEMO_REGIONS.find((r) => r.code === code)?.name ?? code) : undefined;

export const describeScope = (user: DemoUser): string =>
  [
    regionName(user.scope.countyCode),
    regionName(user.scope.townCode),
    regionName(user.scope.villageCode),
    user.scope.department
      ? `部门：${DEPARTMENT_LABELS[user.scope.department] ?? user.scope.department}`
      : undefined,
    user.scope.insurerContract ? `保险合同：${user.scope.insurerContract}` : undefined,
  ]
    .filter(Boolean)
    .join(' / ');

const width = (text: string): number =>
  [...text].reduce((n, ch) => n + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
const pad = (text: string, to: number): string => text + ' '.repeat(Math.max(0, to - width(text)));

/** One line per demo user: username, role (zh-CN and code), who, scope. */
export const demoUserTable = (users: readonly DemoUser[] = DEMO_USERS): string => {
  const rows = users.map((u) => [
    u.username,
    `${ROLE_LABELS[u.role]}（${u.role}）`,
    u.displayName,
    describeScope(u),
  ]);
  const header = ['用户名 username', '角色 role', '姓名/单位 who', '管辖范围 scope'];
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  return [header, ...rows]
    .map((r) =>
      r
        .map((cell, i) => pad(cell, widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
};
