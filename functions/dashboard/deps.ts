/**
 * The dashboard and area-alert handlers' dependencies on AWS, built once per Lambda container. The
 * monitoring function uses `areaAlertDeps` too, to refresh a household's town after a county approval.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoAlertStore } from '../../shared/adapters/alert-store.ts';
import { areaCountStore } from '../../shared/adapters/area-count-store.ts';
import { dynamo, tableName } from '../../shared/adapters/aws-clients.ts';
import { configStore } from '../../shared/adapters/config-store.ts';
import { regionStore } from '../../shared/adapters/region-store.ts';
import type { AreaAlertDeps } from '../../shared/usecases/alerts/area-alerts.ts';
import type { DashboardDeps } from '../../shared/usecases/dashboard/dashboard.ts';

/** The household index of a village (gsi1) or town (gsi2), households of type monitored: ids only. */
const monitoredHouseholds = async (level: 'village' | 'town', code: string, limit: number) => {
  const index = level === 'village' ? 'gsi1' : 'gsi2';
  const result = await dynamo.send(
    new QueryCommand({
      TableName: tableName.main(),
      IndexName: index,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :monitored)',
      ExpressionAttributeNames: { '#pk': `${index}pk`, '#sk': `${index}sk`, '#id': 'householdId' },
      ExpressionAttributeValues: {
        ':pk': `${level === 'village' ? 'VILLAGE' : 'TOWN'}#${code}`,
        ':monitored': 'HH#monitored#',
      },
      ProjectionExpression: '#id',
      Limit: limit,
    }),
  );
  return (result.Items ?? []).map((item) => String(item.householdId));
};

export const areaAlertDeps: AreaAlertDeps = {
  counts: areaCountStore,
  regions: regionStore,
  alerts: dynamoAlertStore,
  monitoredHouseholds,
  config: (countyCode, year) => configStore.get(countyCode, year),
};

export const dashboardDeps: DashboardDeps = {
  counts: areaCountStore,
  regions: regionStore,
  alerts: dynamoAlertStore,
  config: (countyCode, year) => configStore.get(countyCode, year),
};
