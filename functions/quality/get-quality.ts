/** GET /quality?period=YYYY-MM[&format=xlsx] — verification quality per adjuster and insurer. */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { getQuality } from '../../shared/contracts/quality.ts';
import { verificationStore } from '../../shared/adapters/verification-store.ts';
import { qualityOf, qualityXlsx } from '../../shared/usecases/verification/quality.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const handler = apiHandler(getQuality, async ({ identity, query, now }) => {
  const quality = await qualityOf({ verification: verificationStore }, identity, query.period, now);
  if (query.format === 'json') return { status: 200, body: quality };
  return {
    status: 200,
    file: { bytes: await qualityXlsx(quality), contentType: XLSX, fileName: `核查质量-${query.period}.xlsx` },
  };
});
