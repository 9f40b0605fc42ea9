/** GET /cadence/comparisons/{month}/xlsx — the month's list in the caller's region as XLSX (masked). */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { getComparisonXlsx } from '../../shared/contracts/cadence.ts';
import { ComparisonEntry } from '../../shared/domain/cadence/comparison.ts';
import { readAllEntries } from '../../shared/usecases/cadence/read-lists.ts';
import { comparisonXlsx } from '../../shared/usecases/cadence/lists-xlsx.ts';
import { cadenceDeps as deps, XLSX } from './deps.ts';

export const handler = apiHandler(getComparisonXlsx, async ({ identity, params, query }) => {
  const { header, items } = await readAllEntries(deps, identity, 'comparison', params.month, {
    ...(query.regionCode ? { regionCode: query.regionCode } : {}),
    ...(query.list ? { equals: { attribute: 'list', value: query.list } } : {}),
  });
  const names = await deps.regionNames(identity.countyCode);
  const unitName = names.get(header.regionCode) ?? header.regionCode;
  const bytes = await comparisonXlsx(
    header,
    items.map((item) => ComparisonEntry.parse(item)),
    { unitName, nameOf: (code) => names.get(code) ?? code },
  );
  return {
    status: 200,
    file: { bytes, contentType: XLSX, fileName: `数据比对清单-${params.month}-${unitName}.xlsx` },
  };
});
