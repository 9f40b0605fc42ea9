import { describe, expect, it } from 'vitest';
import { Member } from '../../../shared/domain/household-schema.ts';
import { maskResidentId } from '../../../shared/domain/mask.ts';
import { proposedRegistryChanges } from '../../../shared/domain/verification/registry-diff.ts';
import { FoundMember } from '../../../shared/domain/verification/result.ts';
import { randomResidentId } from '../../support/resident-ids.ts';

const member = (idNumber: string, over: Record<string, unknown> = {}) =>
  Member.parse({
    memberId: `m-${idNumber.slice(-4)}`,
    name: '张三',
    sex: 'male',
    relation: 'head',
    idType: 'resident_id',
    idNumber,
    status: 'active',
    joinedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  });

describe('members found against the registry', () => {
  it('proposes adding, removing and updating members, IDs masked', () => {
    const [head, child, gone, newborn] = [
      randomResidentId(),
      randomResidentId(),
      randomResidentId(),
      randomResidentId(),
    ];
    const registered = [
      member(head),
      member(child, { relation: 'son' }),
      member(gone, { relation: 'spouse' }),
      member(randomResidentId(), { relation: 'daughter', status: 'left' }),
    ];
    const found = [
      FoundMember.parse({
        name: '张三',
        residentId: head,
        relation: 'head',
        labour: 'lost',
        health: 'serious_illness',
      }),
      FoundMember.parse({
        name: '张小',
        residentId: child,
        relation: 'son',
        labour: 'general',
        health: 'healthy',
      }),
      FoundMember.parse({
        name: '张幺',
        residentId: newborn,
        relation: 'grandson',
        labour: 'none',
        health: 'healthy',
      }),
    ];
    expect(proposedRegistryChanges(registered, found)).toEqual([
      {
        kind: 'update',
        memberId: `m-${head.slice(-4)}`,
        residentId: maskResidentId(head),
        fields: ['labour', 'health'],
        summary: '劳动技能、健康状况与登记不一致',
      },
      {
        kind: 'add',
        residentId: maskResidentId(newborn),
        summary: '入户发现登记中没有的家庭成员，建议增员',
      },
      {
        kind: 'remove',
        memberId: `m-${gone.slice(-4)}`,
        residentId: maskResidentId(gone),
        summary: '登记的家庭成员入户时未核实到，建议核实是否减员',
      },
    ]);
  });
});
