/** Starts the `cadence-lists` state machine for one county's period; the execution is named after the run. */
import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { sfn, stateMachineArn } from '../../shared/adapters/aws-clients.ts';
import { stateMachineEnvVar } from '../../shared/platform/declaration-types.ts';
import type { RunRequest } from '../../shared/usecases/cadence/ports.ts';

export const CADENCE_STATE_MACHINE = 'cadence-lists';

export const startCadenceRun = async (run: RunRequest): Promise<void> => {
  await sfn.send(
    new StartExecutionCommand({
      stateMachineArn: stateMachineArn(stateMachineEnvVar(CADENCE_STATE_MACHINE)),
      name: `${run.kind}-${run.countyCode.slice(0, 6)}-${run.period}-${run.runId}`.slice(0, 80),
      input: JSON.stringify({
        kind: run.kind,
        period: run.period,
        countyCodes: [run.countyCode],
        runId: run.runId,
        startedAt: run.startedAt,
        requestedBy: run.requestedBy,
      }),
    }),
  );
};
