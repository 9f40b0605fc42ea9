/**
 * How much of a run the database spent waiting on the intake: a middleware on the client notes
 * when each request goes out and when its answer is back; `stop` answers the share of the time
 * between the first request and the last answer with no request in flight, and the requests.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface InFlight {
  readonly requests: number;
  /** 0–1: the share of the run with no request in flight. */
  readonly idleShare: number;
}

export const traceInFlight = (client: DynamoDBDocumentClient): { stop: () => InFlight } => {
  const spans: [number, number][] = [];
  const name = 'benchInFlight';
  client.middlewareStack.add(
    (next) => async (args) => {
      const start = performance.now();
      try {
        return await next(args);
      } finally {
        spans.push([start, performance.now()]);
      }
    },
    { step: 'finalizeRequest', priority: 'low', name },
  );
  return {
    stop() {
      client.middlewareStack.remove(name);
      spans.sort((a, b) => a[0] - b[0]);
      let idle = 0;
      let reach = spans[0]?.[1] ?? 0;
      for (const [start, end] of spans) {
        if (start > reach) idle += start - reach;
        reach = Math.max(reach, end);
      }
      const span = reach - (spans[0]?.[0] ?? 0);
      return { requests: spans.length, idleShare: span > 0 ? idle / span : 0 };
    },
  };
};
