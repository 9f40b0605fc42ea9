/** GET /verifications/{caseId} — the case's verification file, masked. */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { getVerification } from '../../shared/contracts/verification.ts';
import { getVerificationFile } from '../../shared/usecases/verification/read.ts';
import { verificationDeps } from './deps.ts';

export const handler = apiHandler(getVerification, async ({ identity, params, now }) => ({
  status: 200,
  body: await getVerificationFile(verificationDeps, identity, params.caseId, now),
}));
