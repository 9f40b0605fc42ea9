/**
 * Where a run's time went, seen from the database: a middleware on the client notes when each
 * request goes out and when its answer is back; `stop` answers, as shares of the time between the
 * first request and the last answer, the time with reads in flight, with writes in flight, with
 * both, and with nothing (the database waiting on the caller).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface InFlight {
  readonly requests: number;
  /** 0–1 each: only reads in flight, only writes, both, none. */
  readonly reads: number;
  readonly writes: number;
  readonly both: number;
  readonly idle: number;
}

const READS = new Set(['BatchGetItemCommand', 'GetItemCommand', 'QueryCommand', 'ScanCommand']);

export const traceInFlight = (client: DynamoDBDocumentClient): { stop: () => InFlight } => {
  const events: { at: number; read: boolean; delta: 1 | -1 }[] = [];
  const name = 'benchInFlight';
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const read = READS.has(String(context.commandName));
      events.push({ at: performance.now(), read, delta: 1 });
      try {
        return await next(args);
      } finally {
        events.push({ at: performance.now(), read, delta: -1 });
      }
    },
    { step: 'finalizeRequest', priority: 'low', name },
  );
  return {
    stop() {
      client.middlewareStack.remove(name);
      events.sort((a, b) => a.at - b.at);
      const time = { reads: 0, writes: 0, both: 0, idle: 0 };
      let reads = 0;
      let writes = 0;
      let last = events[0]?.at ?? 0;
      for (const event of events) {
        const span = event.at - last;
        if (reads > 0 && writes > 0) time.both += span;
        else if (reads > 0) time.reads += span;
        else if (writes > 0) time.writes += span;
        else time.idle += span;
        last = event.at;
        if (event.read) reads += event.delta;
        else writes += event.delta;
      }
      const total = last - (events[0]?.at ?? 0) || 1;
      return {
        requests: events.length / 2,
        reads: time.reads / total,
        writes: time.writes / total,
        both: time.both / total,
        idle: time.idle / total,
      };
    },
  };
};
