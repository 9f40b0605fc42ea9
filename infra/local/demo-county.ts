/**
 * The demo county seeded on first `npm start` (and by the test setup): regions down to
 * villages, one user per role (and a few more), a fund and the year's configuration.
 * 梁子湖区 is the county of `002_…`; 华容区 next door is there to prove the scope checks.
 */
import type { Department, Role } from '../../shared/auth/roles.ts';
import type { ScopeAttributes } from '../../shared/auth/identity.ts';

export interface DemoRegion {
  readonly code: string;
  readonly name: string;
  readonly level: 'county' | 'town' | 'village';
  readonly parentCode?: string;
}

export interface DemoUser {
  readonly username: string;
  readonly userId: string;
  readonly role: Role;
  readonly displayName: string;
  readonly scope: ScopeAttributes;
}

export const DEMO_COUNTY = '420702000000';
export const OTHER_COUNTY = '420703000000';

export const DEMO_REGIONS: readonly DemoRegion[] = [
  { code: DEMO_COUNTY, name: '梁子湖区', level: 'county' },
  { code: '420702100000', name: '太和镇', level: 'town', parentCode: DEMO_COUNTY },
  { code: '420702100201', name: '太和村', level: 'village', parentCode: '420702100000' },
  { code: '420702100202', name: '邵家垅村', level: 'village', parentCode: '420702100000' },
  { code: '420702101000', name: '东沟镇', level: 'town', parentCode: DEMO_COUNTY },
  { code: '420702101201', name: '东沟村', level: 'village', parentCode: '420702101000' },
  { code: '420702101202', name: '新屋村', level: 'village', parentCode: '420702101000' },
  { code: '420702102000', name: '沼山镇', level: 'town', parentCode: DEMO_COUNTY },
  { code: '420702102201', name: '沼山村', level: 'village', parentCode: '420702102000' },
  { code: OTHER_COUNTY, name: '华容区', level: 'county' },
  { code: '420703100000', name: '华容镇', level: 'town', parentCode: OTHER_COUNTY },
  { code: '420703100201', name: '华容村', level: 'village', parentCode: '420703100000' },
];

const user = (
  n: number,
  username: string,
  role: Role,
  displayName: string,
  scope: ScopeAttributes,
): DemoUser => ({
  username,
  userId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  role,
  displayName,
  scope,
});

const county = { countyCode: DEMO_COUNTY };
const INSURER = 'PICC-420702-2026';

export const DEMO_USERS: readonly DemoUser[] = [
  user(1, 'county.staff', 'county_staff', '县乡村振兴局 王科长', county),
  user(2, 'county.staff2', 'county_staff', '县乡村振兴局 刘干事', county),
  user(3, 'auditor', 'auditor', '审计 陈审计员', county),
  user(4, 'finance', 'finance_officer', '财政局 赵会计', county),
  user(5, 'town.taihe', 'town_official', '太和镇 李专干', { ...county, townCode: '420702100000' }),
  user(6, 'town.donggou', 'town_official', '东沟镇 周专干', { ...county, townCode: '420702101000' }),
  user(7, 'village.taihe', 'village_cadre', '太和村 村支书', {
    ...county,
    townCode: '420702100000',
    villageCode: '420702100201',
  }),
  user(8, 'village.shaojialong', 'village_cadre', '邵家垅村 驻村队员', {
    ...county,
    townCode: '420702100000',
    villageCode: '420702100202',
  }),
  user(9, 'village.donggou', 'village_cadre', '东沟村 村主任', {
    ...county,
    townCode: '420702101000',
    villageCode: '420702101201',
  }),
  user(10, 'insurer.manager', 'insurer_manager', '人保财险 项目经理', {
    ...county,
    insurerContract: INSURER,
  }),
  user(11, 'adjuster.wang', 'insurer_adjuster', '人保财险 核查员王', { ...county, insurerContract: INSURER }),
  user(12, 'adjuster.li', 'insurer_adjuster', '人保财险 核查员李', { ...county, insurerContract: INSURER }),
  user(13, 'dept.medical', 'department', '区医保局', { ...county, department: 'medical_insurance' }),
  user(14, 'dept.civil', 'department', '区民政局', { ...county, department: 'civil_affairs' }),
  user(15, 'dept.emergency', 'department', '区应急管理局', { ...county, department: 'emergency_management' }),
  user(16, 'dept.education', 'department', '区教育局', { ...county, department: 'education' }),
  user(17, 'other.county.staff', 'county_staff', '华容区 乡村振兴局', { countyCode: OTHER_COUNTY }),
  user(18, 'other.village', 'village_cadre', '华容村 村支书', {
    countyCode: OTHER_COUNTY,
    townCode: '420703100000',
    villageCode: '420703100201',
  }),
  user(19, 'adjuster.zhang', 'insurer_adjuster', '人保财险 核查员张', {
    ...county,
    insurerContract: INSURER,
  }),
  user(20, 'dept.finance', 'department', '区财政局', { ...county, department: 'finance_office' }),
  user(21, 'dept.police', 'department', '区公安分局', { ...county, department: 'police' }),
  user(22, 'dept.resources', 'department', '区自然资源局', { ...county, department: 'natural_resources' }),
  user(23, 'dept.market', 'department', '区市场监督管理局', { ...county, department: 'market_regulation' }),
  user(24, 'dept.hr', 'department', '区人力资源和社会保障局', { ...county, department: 'human_resources' }),
];

/**
 * Department machine clients (OAuth client credentials), as CDK registers by default: the local
 * issuer signs their tokens (`npm run token -- --client dept.medical`), the gateway accepts their
 * ids as audiences.
 */
export interface DemoDepartmentClient {
  readonly name: string;
  readonly clientId: string;
  readonly department: Department;
  readonly countyCode: string;
}

const departmentClient = (name: string, department: Department): DemoDepartmentClient => ({
  name,
  clientId: `fpb-local-${name.replace('.', '-')}`,
  department,
  countyCode: DEMO_COUNTY,
});

export const DEMO_DEPARTMENT_CLIENTS: readonly DemoDepartmentClient[] = [
  departmentClient('dept.medical', 'medical_insurance'),
  departmentClient('dept.civil', 'civil_affairs'),
  departmentClient('dept.emergency', 'emergency_management'),
  departmentClient('dept.education', 'education'),
];

export const demoDepartmentClient = (name: string): DemoDepartmentClient => {
  const found = DEMO_DEPARTMENT_CLIENTS.find((c) => c.name === name);
  if (!found)
    throw new Error(
      `unknown demo department client ${name}; one of: ${DEMO_DEPARTMENT_CLIENTS.map((c) => c.name).join(', ')}`,
    );
  return found;
};

export const demoUser = (username: string): DemoUser => {
  const found = DEMO_USERS.find((u) => u.username === username);
  if (!found)
    throw new Error(`unknown demo user ${username}; one of: ${DEMO_USERS.map((u) => u.username).join(', ')}`);
  return found;
};

/** The year's configuration (SPEC: every number is configuration with a default). Money in fen. */
export const DEMO_YEAR_CONFIG = {
  year: 2026,
  monitoringLineFen: 690_000,
  fundLineFen: 520_000,
  eliminationFloorFen: 500_000,
  verificationDeadlineDays: 10,
  noticeDays: 7,
  noticeWorkingDays: false,
  samplingRate: 0.1,
  reinspectionTolerance: 0.1,
  secondApprovalAboveFen: 5_000_000,
} as const;

export const DEMO_FUND = {
  fundId: 'fund-420702-2026',
  name: '梁子湖区防贫保障基金',
  insurerContract: INSURER,
  initialDepositFen: 450_000_000,
} as const;
