/**
 * Alerts (预警): something a county, town or village should act on — a department that missed the
 * 5th, a village over 2 %, a step out of time (SPEC §4.7). One alert per (county, kind, key): raising
 * it again while it is open changes nothing; clearing it records when. The link points at the
 * records concerned (households, cases, submissions, a board month).
 */
import { z } from 'zod';
import { REGION_CODE, countyOf } from './region.ts';

/** The kinds of alert; later areas add theirs here. */
export const ALERT_KINDS = [
  'missing_submission',
  'verification_overdue',
  'procedure_overdue',
  'calendar_missing',
  'fund_balance_low',
  'unreachable_persons',
  /** Unresolved monitored households above 2 % of a village's or a town's households. */
  'monitored_share_high',
  /** A village with no monitored household at all (空白村). */
  'blank_village',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_LINK_TYPES = [
  'submission_board',
  'submission',
  'household',
  'fund_case',
  'verification_task',
  'monitoring_procedure',
  'notice',
  'campaign',
  'region',
  /** A county fund (`GET /funds/{fundId}`, its ledger). */
  'fund',
] as const;

export const AlertLink = z.object({
  type: z.enum(ALERT_LINK_TYPES),
  id: z.string().min(1),
});
export type AlertLink = z.infer<typeof AlertLink>;

export const Alert = z
  .object({
    kind: z.enum(ALERT_KINDS),
    /** Unique per kind within the county, e.g. `<department>#<month>`. */
    key: z.string().min(1),
    countyCode: z.string().regex(REGION_CODE),
    /** The region the alert concerns: the county itself (county-wide), a town or a village. */
    scopeCode: z.string().regex(REGION_CODE),
    status: z.enum(['open', 'cleared']),
    raisedAt: z.string(),
    clearedAt: z.string().optional(),
    title: z.string().meta({ description: 'zh-CN 标题' }),
    detail: z.string().meta({ description: 'zh-CN 说明' }),
    links: z.array(AlertLink),
  })
  .meta({ id: 'Alert' });
export type Alert = z.infer<typeof Alert>;

/** What a raiser supplies; status and county follow. */
export type NewAlert = Omit<Alert, 'status' | 'clearedAt' | 'countyCode'>;

export const openAlert = (input: NewAlert): Alert => ({
  ...input,
  countyCode: countyOf(input.scopeCode),
  status: 'open',
});
