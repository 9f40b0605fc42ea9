/**
 * One file per household (一户一档, SPEC §4.7): every monitoring event of a household in order —
 * leads, verifications, asset answers, deliberations and notices (by id and outcome), decisions,
 * measures, payouts, rollbacks — with who and when. Each event is written in the same transaction
 * as the step it records. Item: `pk=HHFILE#<householdId>`, `sk=<at>#<seq>#<eventId>`. The text holds no
 * names, resident IDs or phone numbers: references are ids.
 */
import { z } from 'zod';

export const FILE_EVENT_KINDS = [
  'lead.recorded',
  'lead.joined',
  'procedure.opened',
  'procedure.refused',
  'verification.recorded',
  'asset_checks.requested',
  'asset_check.answered',
  'deliberation.recorded',
  'notice.recorded',
  'town_review.recorded',
  'county_approval.recorded',
  'household.monitored',
  'household.eliminated',
  'household.rolled_back',
  'household.removed',
  'procedure.ended',
  'contact.set',
  'measure.added',
  'measure.updated',
  'payout.recorded',
  'assessment.recorded',
  'income.recorded',
] as const;
export type FileEventKind = (typeof FILE_EVENT_KINDS)[number];

export const FILE_EVENT_ZH: Readonly<Record<FileEventKind, string>> = {
  'lead.recorded': '发现线索',
  'lead.joined': '线索并入',
  'procedure.opened': '启动程序',
  'procedure.refused': '程序不予启动',
  'verification.recorded': '入户核查',
  'asset_checks.requested': '发起部门比对',
  'asset_check.answered': '部门比对反馈',
  'deliberation.recorded': '村级评议',
  'notice.recorded': '公示',
  'town_review.recorded': '乡镇审核',
  'county_approval.recorded': '县级审定',
  'household.monitored': '纳入监测',
  'household.eliminated': '风险消除',
  'household.rolled_back': '回退监测',
  'household.removed': '清退',
  'procedure.ended': '程序终止',
  'contact.set': '明确帮扶联系人',
  'measure.added': '帮扶措施',
  'measure.updated': '帮扶措施进展',
  'payout.recorded': '防贫保赔付',
  'assessment.recorded': '帮扶成效评估',
  'income.recorded': '收入记录',
};

export const HouseholdFileEvent = z
  .object({
    eventId: z.string(),
    householdId: z.string(),
    countyCode: z.string(),
    villageCode: z.string(),
    at: z.string(),
    /** Order of events written by one step at the same instant. */
    seq: z.number().int().min(0).default(0),
    kind: z.enum(FILE_EVENT_KINDS),
    kindLabel: z.string().meta({ description: 'zh-CN 事项' }),
    by: z.object({ username: z.string(), role: z.string() }),
    summary: z.string().meta({ description: 'zh-CN 说明，不含姓名、证件号、电话' }),
    refs: z
      .record(z.string(), z.string())
      .meta({ description: '相关记录编号：leadId、procedureId、deliberationId、noticeId、caseId…' }),
  })
  .meta({ id: 'HouseholdFileEvent' });
export type HouseholdFileEvent = z.infer<typeof HouseholdFileEvent>;

export interface FileEventInput {
  readonly eventId: string;
  readonly household: {
    readonly householdId: string;
    readonly countyCode: string;
    readonly villageCode: string;
  };
  readonly at: string;
  readonly seq?: number;
  readonly kind: FileEventKind;
  readonly by: { readonly username: string; readonly role: string };
  readonly summary: string;
  readonly refs?: Readonly<Record<string, string | undefined>>;
}

export const householdFileEvent = (input: FileEventInput): HouseholdFileEvent => ({
  eventId: input.eventId,
  householdId: input.household.householdId,
  countyCode: input.household.countyCode,
  villageCode: input.household.villageCode,
  at: input.at,
  seq: input.seq ?? 0,
  kind: input.kind,
  kindLabel: FILE_EVENT_ZH[input.kind],
  by: { username: input.by.username, role: input.by.role },
  summary: input.summary,
  refs: Object.fromEntries(
    Object.entries(input.refs ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined),
  ),
});

export const householdFilePartition = (householdId: string) => `HHFILE#${householdId}`;

export const householdFileItem = (event: HouseholdFileEvent): Record<string, unknown> => ({
  pk: householdFilePartition(event.householdId),
  sk: `${event.at}#${event.seq}#${event.eventId}`,
  entity: 'household_file_event',
  ...event,
});
