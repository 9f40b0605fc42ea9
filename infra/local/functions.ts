/**
 * The declared functions, run in this process: each handler module is imported once (from the
 * declared entry) and invoked with a Lambda-like context, the declared timeout and the JSON
 * round trip of event and result that Lambda's wire gives.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import type { FunctionDecl, PlatformDeclaration } from '../../shared/platform/declaration-types.ts';
import { functionArn, physicalFunctionName } from './names.ts';
import { REPO_ROOT } from './paths.ts';

type Handler = (event: unknown, context: Context) => unknown;

/** What Lambda reports when a function runs out of time. */
export class FunctionTimedOut extends Error {
  override readonly name = 'Sandbox.Timedout';
  constructor(fn: string, seconds: number) {
    super(`Task timed out after ${seconds.toFixed(2)} seconds (${fn})`);
  }
}

export interface LocalFunctions {
  /** Invokes the function and returns its (JSON round-tripped) result; rethrows its error. */
  invoke(name: string, event: unknown, options?: { requestId?: string }): Promise<unknown>;
  declared(name: string): FunctionDecl;
}

const jsonRoundTrip = (value: unknown): unknown =>
  value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);

const lambdaContext = (fn: FunctionDecl, requestId: string, deadline: number): Context => {
  const name = physicalFunctionName(fn.name);
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: functionArn(fn.name),
    memoryLimitInMB: String(fn.memoryMb),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: `${new Date().toISOString().slice(0, 10).replace(/-/g, '/')}/[$LATEST]local`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};

/** A thrown non-Error still reaches Retry/Catch with a name, as Lambda reports it. */
const asError = (thrown: unknown): Error => {
  if (thrown instanceof Error) return thrown;
  const error = new Error(typeof thrown === 'string' ? thrown : JSON.stringify(thrown));
  error.name = 'Error';
  return error;
};

export const createLocalFunctions = (
  declaration: Pick<PlatformDeclaration, 'functions'>,
  root = REPO_ROOT,
): LocalFunctions => {
  const modules = new Map<string, Promise<Handler>>();

  const declared = (name: string): FunctionDecl => {
    const fn = declaration.functions.find((f) => f.name === name);
    if (!fn) throw new Error(`function ${name} is not declared`);
    return fn;
  };

  const load = (fn: FunctionDecl): Promise<Handler> => {
    let loaded = modules.get(fn.name);
    if (!loaded) {
      const file = resolve(root, fn.entry);
      loaded = (async () => {
        if (!existsSync(file))
          throw new Error(`function ${fn.name}: its entry ${fn.entry} does not exist (yet)`);
        const module = (await import(pathToFileURL(file).href)) as { handler?: unknown };
        if (typeof module.handler !== 'function')
          throw new Error(`function ${fn.name}: ${fn.entry} does not export a handler function`);
        return module.handler as Handler;
      })();
      // A failed import is retried on the next call (the file may be written meanwhile).
      loaded.catch(() => modules.delete(fn.name));
      modules.set(fn.name, loaded);
    }
    return loaded;
  };

  return {
    declared,
    async invoke(name, event, options = {}) {
      const fn = declared(name);
      const handler = await load(fn);
      const timeoutMs = fn.timeoutSeconds * 1000;
      const deadline = Date.now() + timeoutMs;
      const context = lambdaContext(fn, options.requestId ?? randomUUID(), deadline);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new FunctionTimedOut(fn.name, fn.timeoutSeconds)), timeoutMs);
      });
      try {
        const result = await Promise.race([
          Promise.resolve().then(() => handler(jsonRoundTrip(event), context)),
          timeout,
        ]);
        return jsonRoundTrip(result);
      } catch (error) {
        throw asError(error);
      } finally {
        clearTimeout(timer);
      }
    },
  };
};
