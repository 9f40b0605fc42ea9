/**
 * Starts the referral-intake state machine for a submission. The execution is named after the
 * submission (and the attempt, for resumes), so a repeated start of the same attempt is a no-op.
 */
import { ExecutionAlreadyExists, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { stateMachineEnvVar } from '../platform/declaration-types.ts';
import { sfn, stateMachineArn } from './aws-clients.ts';

export const INTAKE_STATE_MACHINE = 'referral-intake';

export const startIntake = async (submissionId: string, attempt = 'first'): Promise<void> => {
  try {
    await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: stateMachineArn(stateMachineEnvVar(INTAKE_STATE_MACHINE)),
        name: `${submissionId}-${attempt}`.slice(0, 80),
        input: JSON.stringify({ submissionId }),
      }),
    );
  } catch (error) {
    if (
      error instanceof ExecutionAlreadyExists ||
      (error as { name?: string }).name === 'ExecutionAlreadyExists'
    )
      return;
    throw error;
  }
};
