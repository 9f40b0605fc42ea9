/** POST /exports/collection-form {householdIds} or ?villageCode= — the A1–A55 XLSX, every household audited. */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { exportCollectionForm } from '../../shared/contracts/national-export.ts';
import { ValidationFailed } from '../../shared/http/errors.ts';
import { shanghaiDate } from '../../shared/domain/shanghai-time.ts';
import { collectionFormRows } from '../../shared/usecases/national-export/collection-form.ts';
import { collectionFormXlsx } from '../../shared/usecases/national-export/collection-form-xlsx.ts';
import { exportDeps as deps, XLSX } from './deps.ts';

export const handler = apiHandler(exportCollectionForm, async ({ identity, query, body, now, requestId }) => {
  const ids = body.householdIds;
  if (query.villageCode === undefined && ids === undefined)
    throw new ValidationFailed([
      { path: 'body.householdIds', message: '请选择农户，或指定整村导出（villageCode）' },
    ]);
  if (query.villageCode !== undefined && ids !== undefined)
    throw new ValidationFailed([{ path: 'query.villageCode', message: '选择农户与整村导出只能二选一' }]);
  const selection =
    query.villageCode !== undefined ? { villageCode: query.villageCode } : { householdIds: ids ?? [] };
  const { rows } = await collectionFormRows(deps, identity, selection, now, requestId);
  const name = query.villageCode ?? `${shanghaiDate(now)}`;
  return {
    status: 200,
    file: {
      bytes: await collectionFormXlsx(rows),
      contentType: XLSX,
      fileName: `防止返贫监测对象信息采集表-${name}.xlsx`,
    },
  };
});
