/** Starts the `sampling-draw` state machine for a plan; the execution is named after the plan. */
import { ExecutionAlreadyExists, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { stateMachineEnvVar } from '../platform/declaration-types.ts';
import { sfn, stateMachineArn } from './aws-clients.ts';

export const SAMPLING_STATE_MACHINE = 'sampling-draw';

export const startSamplingDraw = async (planId: string): Promise<void> => {
  try {
    await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: stateMachineArn(stateMachineEnvVar(SAMPLING_STATE_MACHINE)),
        name: `plan-${planId}`,
        input: JSON.stringify({ planId }),
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
