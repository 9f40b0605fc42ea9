/** The roles of SPEC §1; they are the Cognito user pool groups. */
export const ROLES = [
  'department',
  'village_cadre',
  'town_official',
  'county_staff',
  'insurer_manager',
  'insurer_adjuster',
  'finance_officer',
  'auditor',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  department: '行业部门',
  village_cadre: '村两委/驻村工作队',
  town_official: '乡镇工作人员',
  county_staff: '县乡村振兴局',
  insurer_manager: '保险公司管理员',
  insurer_adjuster: '保险公司核查员',
  finance_officer: '财政局',
  auditor: '审计',
};

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** The departments of the SPEC appendix. */
export const DEPARTMENTS = [
  'medical_insurance',
  'civil_affairs',
  'emergency_management',
  'education',
  'housing',
  'water',
  'disability_federation',
  'human_resources',
  'agriculture',
  'finance_office',
  'police',
  'natural_resources',
  'market_regulation',
] as const;

export type Department = (typeof DEPARTMENTS)[number];
