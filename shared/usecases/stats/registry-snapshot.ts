/** Counting a county's registry by village and household type (pure). */
export interface HouseholdFacts {
  readonly villageCode: string;
  readonly type: string;
  readonly activeMembers: number;
}

export interface RegistrySnapshot {
  readonly countyCode: string;
  readonly takenAt: string;
  readonly households: number;
  readonly members: number;
  readonly byType: Record<string, number>;
  readonly byVillage: Record<string, Record<string, number>>;
  readonly membersByVillage: Record<string, number>;
}

export const snapshotOf = (
  countyCode: string,
  takenAt: string,
  facts: Iterable<HouseholdFacts>,
): RegistrySnapshot => {
  const byType: Record<string, number> = {};
  const byVillage: Record<string, Record<string, number>> = {};
  const membersByVillage: Record<string, number> = {};
  let households = 0;
  let members = 0;
  for (const fact of facts) {
    households += 1;
    members += fact.activeMembers;
    byType[fact.type] = (byType[fact.type] ?? 0) + 1;
    const village = (byVillage[fact.villageCode] ??= {});
    village[fact.type] = (village[fact.type] ?? 0) + 1;
    membersByVillage[fact.villageCode] = (membersByVillage[fact.villageCode] ?? 0) + fact.activeMembers;
  }
  return { countyCode, takenAt, households, members, byType, byVillage, membersByVillage };
};
