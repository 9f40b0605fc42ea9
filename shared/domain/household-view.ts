/**
 * What the API shows of a household (SPEC "Personal data"): names, resident IDs and phones are
 * masked everywhere except the audited `/identity` read.
 */
import type { Household, HouseholdSummary, Member } from './household-schema.ts';
import { activeHeadOf, activeMembers } from './household.ts';
import { maskName, maskPhone, maskResidentId } from './mask.ts';

export const maskMember = (member: Member): Member => ({
  ...member,
  name: maskName(member.name),
  idNumber: maskResidentId(member.idNumber),
});

export const maskHousehold = (household: Household): Household => ({
  ...household,
  headName: maskName(household.headName),
  ...(household.phone ? { phone: maskPhone(household.phone) } : {}),
  members: household.members.map(maskMember),
});

/** One list line: masked head name and head ID, number of active members. */
export const householdSummary = (household: Household): HouseholdSummary => {
  const head = activeHeadOf(household);
  return {
    householdId: household.householdId,
    villageCode: household.villageCode,
    townCode: household.townCode,
    group: household.group,
    type: household.type,
    headName: maskName(household.headName),
    headIdNumber: head ? maskResidentId(head.idNumber) : '',
    memberCount: activeMembers(household).length,
    version: household.version,
    updatedAt: household.updatedAt,
  };
};
