/**
 * Members found at home against the registry (SPEC §3.3): who is new, who was not found, and whose
 * relation, labour ability or health differ. Proposed to the registry, never applied here; IDs
 * masked so the list can be shown.
 */
import type { Member } from '../household-schema.ts';
import { maskResidentId } from '../mask.ts';
import type { FoundMember, ProposedChange } from './result.ts';

const COMPARED = ['relation', 'labour', 'health'] as const;

const FIELD_ZH: Readonly<Record<(typeof COMPARED)[number], string>> = {
  relation: '与户主关系',
  labour: '劳动技能',
  health: '健康状况',
};

export const proposedRegistryChanges = (
  registered: readonly Member[],
  found: readonly FoundMember[],
): ProposedChange[] => {
  const active = registered.filter((m) => m.status === 'active');
  const byId = new Map(active.map((m) => [m.idNumber.slice(0, 18).toUpperCase(), m]));
  const foundIds = new Set(found.map((f) => f.residentId));
  const changes: ProposedChange[] = [];
  for (const f of found) {
    const member = byId.get(f.residentId);
    if (!member) {
      changes.push({
        kind: 'add',
        residentId: maskResidentId(f.residentId),
        summary: '入户发现登记中没有的家庭成员，建议增员',
      });
      continue;
    }
    const fields = COMPARED.filter((field) => member[field] !== f[field]);
    if (fields.length > 0)
      changes.push({
        kind: 'update',
        memberId: member.memberId,
        residentId: maskResidentId(f.residentId),
        fields: [...fields],
        summary: `${fields.map((field) => FIELD_ZH[field]).join('、')}与登记不一致`,
      });
  }
  for (const [id, member] of byId)
    if (!foundIds.has(id))
      changes.push({
        kind: 'remove',
        memberId: member.memberId,
        residentId: maskResidentId(id),
        summary: '登记的家庭成员入户时未核实到，建议核实是否减员',
      });
  return changes;
};
