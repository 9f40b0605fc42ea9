import { describe, expect, it } from 'vitest';
import { api, runStateMachine } from './support/api.ts';
import { householdBody, SHAOJIALONG_VILLAGE, DONGGOU_VILLAGE } from '../support/household-input.ts';

describe('the nightly registry snapshot (state machine registry-snapshot)', () => {
  it('counts every county by village and type, and scopes what each role sees', async () => {
    const created = await Promise.all([
      api('village.shaojialong').post(
        '/households',
        householdBody({ villageCode: SHAOJIALONG_VILLAGE, type: 'lifted' }),
      ),
      api('village.donggou').post(
        '/households',
        householdBody({ villageCode: DONGGOU_VILLAGE, type: 'monitored' }),
      ),
    ]);
    for (const result of created) expect(result.status).toBe(201);

    const execution = await runStateMachine('registry-snapshot', {});
    expect(execution.status).toBe('SUCCEEDED');

    const county = await api('county.staff').get('/registry/stats');
    expect(county.status).toBe(200);
    expect(county.body.byVillage[SHAOJIALONG_VILLAGE].lifted).toBeGreaterThanOrEqual(1);
    expect(county.body.byVillage[DONGGOU_VILLAGE].monitored).toBeGreaterThanOrEqual(1);
    expect(county.body.households).toBe(
      Object.values(county.body.byType as Record<string, number>).reduce((a, b) => a + b, 0),
    );

    const town = await api('town.taihe').get('/registry/stats');
    expect(town.status).toBe(200);
    expect(Object.keys(town.body.byVillage).every((v) => v.startsWith('420702100'))).toBe(true);
    expect(town.body.byVillage[DONGGOU_VILLAGE]).toBeUndefined();
    expect(town.body.households).toBeLessThan(county.body.households);

    expect((await api('village.taihe').get('/registry/stats')).status).toBe(403);
  });
});
