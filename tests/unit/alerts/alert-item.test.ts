import { describe, expect, it } from 'vitest';
import { alertItem } from '../../../shared/adapters/alert-store.ts';
import { openAlert } from '../../../shared/domain/alert.ts';

const at = (scopeCode: string) =>
  openAlert({
    kind: 'unreachable_persons',
    key: 'c-1#x',
    scopeCode,
    raisedAt: '2029-04-01T02:00:00.000Z',
    title: 't',
    detail: 'd',
    links: [],
  });

const listKeys = (item: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(item).filter(([k]) => k.startsWith('gsi')));

describe('the alert item’s list keys', () => {
  const sk = '2029-04-01T02:00:00.000Z#unreachable_persons#c-1#x';

  it('a village alert is on the county, town and village lists', () => {
    expect(listKeys(alertItem(at('420702100201')))).toEqual({
      gsi1pk: 'ALERTS#420702000000#open',
      gsi1sk: sk,
      gsi2pk: 'ALERTAREA#420702100000#open',
      gsi2sk: sk,
      gsi3pk: 'ALERTVILLAGE#420702100201#open',
      gsi3sk: sk,
    });
  });

  it('a town or county-wide alert is on no village list; a cleared one on no list', () => {
    expect(Object.keys(listKeys(alertItem(at('420702100000'))))).toEqual([
      'gsi1pk',
      'gsi1sk',
      'gsi2pk',
      'gsi2sk',
    ]);
    expect(listKeys(alertItem(at('420702000000'))).gsi2pk).toBe('ALERTAREA#420702000000#open');
    expect(Object.keys(listKeys(alertItem(at('420702000000'))))).toEqual([
      'gsi1pk',
      'gsi1sk',
      'gsi2pk',
      'gsi2sk',
    ]);
    expect(listKeys(alertItem({ ...at('420702100201'), status: 'cleared' }))).toEqual({});
  });
});
