/**
 * A Step Functions–compatible endpoint (AWS JSON 1.0: `POST /`, `X-Amz-Target:
 * AWSStepFunctions.<Operation>`), so handlers that start executions through
 * `@aws-sdk/client-sfn` with AWS_ENDPOINT_URL_SFN need not know they run locally.
 * Operations: StartExecution, DescribeExecution, ListExecutions, StopExecution,
 * ListStateMachines, DescribeStateMachine.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { StepFunctionsError, type ExecutionRecord, type LocalStepFunctions } from './step-functions.ts';
import { closeServer, listen, LOOPBACK } from './net.ts';

const epochSeconds = (date: Date): number => date.getTime() / 1000;

const summary = (record: ExecutionRecord) => ({
  executionArn: record.executionArn,
  stateMachineArn: record.stateMachineArn,
  name: record.name,
  status: record.status,
  startDate: epochSeconds(record.startDate),
  ...(record.stopDate ? { stopDate: epochSeconds(record.stopDate) } : {}),
});

const describe = (record: ExecutionRecord) => ({
  ...summary(record),
  input: record.input,
  inputDetails: { included: true },
  ...(record.output !== undefined ? { output: record.output, outputDetails: { included: true } } : {}),
  ...(record.error !== undefined ? { error: record.error } : {}),
  ...(record.cause !== undefined ? { cause: record.cause } : {}),
});

const text = (value: unknown, field: string): string => {
  if (typeof value !== 'string' || value.length === 0)
    throw new StepFunctionsError('ValidationException', `${field} is required`);
  return value;
};

const machineName = (sfn: LocalStepFunctions, arn: string): string => {
  const name = Object.entries(sfn.arns).find(([, candidate]) => candidate === arn)?.[0];
  if (!name)
    throw new StepFunctionsError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
  return name;
};

const execution = (sfn: LocalStepFunctions, arn: string): ExecutionRecord => {
  const record = sfn.describe(arn);
  if (!record) throw new StepFunctionsError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
  return record;
};

type Operation = (sfn: LocalStepFunctions, request: Record<string, unknown>) => unknown | Promise<unknown>;

const operations: Record<string, Operation> = {
  StartExecution(sfn, request) {
    const name = machineName(sfn, text(request.stateMachineArn, 'stateMachineArn'));
    let input: unknown = {};
    if (request.input !== undefined) {
      try {
        input = JSON.parse(String(request.input));
      } catch {
        throw new StepFunctionsError('InvalidExecutionInput', 'Invalid State Machine Execution Input');
      }
    }
    const executionName = typeof request.name === 'string' ? request.name : undefined;
    const { record } = sfn.start(name, input, { executionName });
    return { executionArn: record.executionArn, startDate: epochSeconds(record.startDate) };
  },
  DescribeExecution: (sfn, request) => describe(execution(sfn, text(request.executionArn, 'executionArn'))),
  async StopExecution(sfn, request) {
    const record = await sfn.abort(execution(sfn, text(request.executionArn, 'executionArn')).executionArn);
    return { stopDate: epochSeconds(record?.stopDate ?? new Date()) };
  },
  ListExecutions(sfn, request) {
    const arn = text(request.stateMachineArn, 'stateMachineArn');
    machineName(sfn, arn);
    const filter = typeof request.statusFilter === 'string' ? request.statusFilter : undefined;
    const all = sfn.list(arn).filter((record) => !filter || record.status === filter);
    const offset = typeof request.nextToken === 'string' ? Number(request.nextToken) || 0 : 0;
    const limit = typeof request.maxResults === 'number' && request.maxResults > 0 ? request.maxResults : 100;
    const page = all.slice(offset, offset + limit);
    return {
      executions: page.map(summary),
      ...(offset + limit < all.length ? { nextToken: String(offset + limit) } : {}),
    };
  },
  ListStateMachines: (sfn) => ({
    stateMachines: Object.entries(sfn.arns).map(([name, arn]) => ({
      stateMachineArn: arn,
      name,
      type: 'STANDARD',
      creationDate: 0,
    })),
  }),
  DescribeStateMachine(sfn, request) {
    const arn = text(request.stateMachineArn, 'stateMachineArn');
    return { stateMachineArn: arn, name: machineName(sfn, arn), status: 'ACTIVE', type: 'STANDARD' };
  },
};

const readJson = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  if (!body) return {};
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    throw new StepFunctionsError('SerializationException', 'request body is not JSON');
  }
};

export interface SfnEndpoint {
  readonly endpoint: string;
  stop(): Promise<void>;
}

export const startSfnEndpoint = async (sfn: LocalStepFunctions, port = 0): Promise<SfnEndpoint> => {
  const server = createServer((req, res) => {
    const requestId = randomUUID();
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': requestId });
      res.end(JSON.stringify(body));
    };
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target.startsWith('AWSStepFunctions.')
      ? operations[target.slice('AWSStepFunctions.'.length)]
      : undefined;
    if (req.method !== 'POST' || !operation) {
      reply(400, { __type: 'UnknownOperationException', message: `unknown operation ${target}` });
      return;
    }
    readJson(req)
      .then(async (request) => reply(200, await operation(sfn, request)))
      .catch((error: unknown) => {
        if (error instanceof StepFunctionsError) reply(400, { __type: error.code, message: error.message });
        else {
          console.error('Step Functions endpoint:', error);
          reply(500, { __type: 'InternalFailure', message: 'internal error' });
        }
      });
  });
  const bound = await listen(server, port, LOOPBACK);
  return { endpoint: `http://${LOOPBACK}:${bound}`, stop: () => closeServer(server) };
};
