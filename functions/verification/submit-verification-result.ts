/** POST /verifications/{caseId}/results — the adjuster's result: 201 new (or a new version), 200 a replay. */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { submitVerificationResult } from '../../shared/contracts/verification.ts';
import { maskName, maskResidentId } from '../../shared/domain/mask.ts';
import { submitResult } from '../../shared/usecases/verification/submit-result.ts';
import { verificationDeps } from './deps.ts';

export const handler = apiHandler(
  submitVerificationResult,
  async ({ identity, params, body, now, requestId }) => {
    const { created, result } = await submitResult(
      verificationDeps,
      { identity, now, requestId },
      params.caseId,
      body,
    );
    const membersFound = result.input.membersFound.map((m) => ({
      ...m,
      name: maskName(m.name),
      residentId: maskResidentId(m.residentId),
    }));
    return { status: created ? 201 : 200, body: { ...result, input: { ...result.input, membersFound } } };
  },
);
