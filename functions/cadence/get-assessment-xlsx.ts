/** GET /cadence/assessments/{quarter}/xlsx — the quarter's list in the caller's region as XLSX (masked). */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { getAssessmentXlsx } from '../../shared/contracts/cadence.ts';
import { AssessmentEntry } from '../../shared/domain/cadence/assessment.ts';
import { readAllEntries } from '../../shared/usecases/cadence/read-lists.ts';
import { assessmentXlsx } from '../../shared/usecases/cadence/lists-xlsx.ts';
import { cadenceDeps as deps, XLSX } from './deps.ts';

export const handler = apiHandler(getAssessmentXlsx, async ({ identity, params, query }) => {
  const { header, items } = await readAllEntries(deps, identity, 'assessment', params.quarter, {
    ...(query.regionCode ? { regionCode: query.regionCode } : {}),
    ...(query.effect ? { equals: { attribute: 'effect', value: query.effect } } : {}),
  });
  const names = await deps.regionNames(identity.countyCode);
  const unitName = names.get(header.regionCode) ?? header.regionCode;
  const bytes = await assessmentXlsx(
    header,
    items.map((item) => AssessmentEntry.parse(item)),
    { unitName, nameOf: (code) => names.get(code) ?? code },
  );
  return {
    status: 200,
    file: { bytes, contentType: XLSX, fileName: `帮扶成效评估清单-${params.quarter}-${unitName}.xlsx` },
  };
});
