/**
 * `npm run bench:patterns`: what the intake's access pattern costs DynamoDB Local itself, with no
 * intake code around it — the ceiling any intake of this design can reach on this machine. On a
 * fresh in-memory DynamoDB Local, for a table like `main` with and without its stream, it writes N
 * small items (the raw baseline of `npm run bench`), N case-sized items, and then takes N rows
 * through the intake's pattern in chunks of 500: read 500 case keys (misses) and 500 claims (hits),
 * write 500 cases — with the next chunk's reads beside this chunk's writes (`overlapped`), after
 * them (`one at a time`), and without the case read. Last, a village index query against the same
 * items read by key. Each figure is rows (or items) per second, with its ratio to the raw rate of
 * the same table in the same round.
 *
 *   npm run bench:patterns [-- --rows 20000] [-- --rounds 3]
 */
import '../infra/local/node-env.ts';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local.ts';
import { batchGet, batchPut } from '../shared/adapters/batch-io.ts';
import { CHUNK_ROWS } from '../shared/usecases/intake/ingest-rows.ts';
import { INTAKE_PARALLEL } from '../shared/adapters/intake-row-store.ts';
import { rawItem } from './raw-item.ts';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const N = Math.max(CHUNK_ROWS, Math.round(arg('--rows', 20_000) / CHUNK_ROWS) * CHUNK_ROWS);
const ROUNDS = arg('--rounds', 3);
const parallel = { parallel: INTAKE_PARALLEL };

type Item = Record<string, unknown>;

/** About the size and shape of a case the intake writes (three index entries). */
const caseItem = (round: string, i: number): Item => {
  const caseId = `${round}-${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`;
  const sort = `awaiting_verification#2026-03-04T02:00:00.000Z#${caseId}`;
  return {
    pk: `CASE#${caseId}`,
    sk: 'CASE',
    entity: 'fundCase',
    caseId,
    countyCode: '420702000000',
    townCode: '420702100000',
    villageCode: '420702100201',
    householdId: `${i}-0000-4000-8000-000000000000`,
    memberId: `${i}-0000-4000-8000-000000000001`,
    residentId: '42070219800101001X',
    personName: '王五',
    category: 'illness',
    eventDate: '2026-02-10',
    amountFen: 900_000,
    origin: 'referral',
    status: 'awaiting_verification',
    screenReasons: [],
    createdAt: '2026-03-04T02:00:00.000Z',
    updatedAt: '2026-03-04T02:00:00.000Z',
    version: 1,
    gsi1pk: 'CASES#420702100201',
    gsi1sk: sort,
    gsi2pk: 'CASES#420702100000',
    gsi2sk: sort,
    gsi3pk: 'CASES#420702000000',
    gsi3sk: sort,
    intakeSubmissionId: '00000000-0000-4000-8000-000000000000',
    intakeRowNumber: i + 2,
    intakeDepartment: 'medical_insurance',
    intakeSourceRef: `YB-${i}`,
    intakeAmountFen: 900_000,
    intakeOutcome: 'accepted',
  };
};

const householdItem = (round: string, i: number): Item => ({
  pk: `HH#${round}#${i}`,
  sk: 'HH',
  gsi1pk: `VILLAGE#${round}#${i % 10}`,
  gsi1sk: `HH#${i}`,
  householdId: `${i}-0000-4000-8000-000000000000`,
  countyCode: '420702000000',
  townCode: '420702100000',
  villageCode: '420702100201',
  type: 'general',
  members: [
    { memberId: `${i}-1`, idNumber: '42070219800101001X', name: '王五', relation: 'head' },
    { memberId: `${i}-2`, idNumber: '42070219810101002X', name: '李六', relation: 'spouse' },
  ],
});

const perSecond = async (n: number, work: () => Promise<unknown>): Promise<number> => {
  const t0 = performance.now();
  await work();
  return n / ((performance.now() - t0) / 1000);
};

const createTable = (client: DynamoDBClient, name: string, stream: boolean) =>
  client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk'].map(
        (AttributeName) => ({ AttributeName, AttributeType: 'S' }),
      ),
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [1, 2, 3].map((n) => ({
        IndexName: `gsi${n}`,
        KeySchema: [
          { AttributeName: `gsi${n}pk`, KeyType: 'HASH' },
          { AttributeName: `gsi${n}sk`, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      ...(stream
        ? { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } }
        : {}),
    }),
  );

const main = async () => {
  const db = await startDynamoDbLocal({ inMemory: true });
  const client = new DynamoDBClient({
    endpoint: db.endpoint,
    region: 'cn-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  client.middlewareStack.remove('loggerMiddleware');
  const doc = DynamoDBDocumentClient.from(client);
  const tables = [
    { name: 'with-stream', label: 'table with its stream (as `main`)', stream: true },
    { name: 'no-stream', label: 'the same table without a stream', stream: false },
  ];
  try {
    for (const t of tables) await createTable(client, t.name, t.stream);
    let serial = 0;
    const round = () => String((serial += 1));
    const write = (table: string, make: (round: string, i: number) => Item) => {
      const r = round();
      const items = Array.from({ length: N }, (_, i) => make(r, i));
      return { round: r, rate: perSecond(N, () => batchPut(doc, table, items, parallel)) };
    };
    /** The intake's pattern over N rows whose claims are the raw items of `claimsRound`. */
    const intakePattern = (
      table: string,
      claimsRound: string,
      mode: 'overlapped' | 'one at a time' | 'no case read',
    ) => {
      const r = round();
      const readsOf = (chunk: number) =>
        Promise.all([
          mode === 'no case read'
            ? Promise.resolve(new Map())
            : batchGet(
                doc,
                table,
                Array.from({ length: CHUNK_ROWS }, (_, j) => ({ pk: `CASE#${r}-${chunk}-${j}`, sk: 'CASE' })),
                parallel,
              ),
          batchGet(
            doc,
            table,
            Array.from({ length: CHUNK_ROWS }, (_, j) => {
              const item = rawItem(claimsRound, chunk * CHUNK_ROWS + j);
              return { pk: String(item.pk), sk: String(item.sk) };
            }),
            parallel,
          ),
        ]);
      return perSecond(N, async () => {
        let writing: Promise<void> = Promise.resolve();
        let reads = readsOf(0);
        for (let chunk = 0; chunk < N / CHUNK_ROWS; chunk += 1) {
          if (mode === 'one at a time') await writing;
          const [, claims] = await reads;
          if (claims.size !== CHUNK_ROWS) throw new Error(`claims found: ${claims.size}`);
          if (chunk + 1 < N / CHUNK_ROWS) reads = readsOf(chunk + 1);
          const cases = Array.from({ length: CHUNK_ROWS }, (_, j) => caseItem(r, chunk * CHUNK_ROWS + j));
          await writing;
          writing = batchPut(doc, table, cases, parallel);
        }
        await writing;
      });
    };
    const queryVillages = (table: string, householdsRound: string) =>
      perSecond(N, async () => {
        const counts = await Promise.all(
          Array.from({ length: 10 }, async (_, village) => {
            let found = 0;
            let start: Record<string, unknown> | undefined;
            do {
              const page = await doc.send(
                new QueryCommand({
                  TableName: table,
                  IndexName: 'gsi1',
                  KeyConditionExpression: 'gsi1pk = :pk',
                  ExpressionAttributeValues: { ':pk': `VILLAGE#${householdsRound}#${village}` },
                  ProjectionExpression: 'householdId, villageCode, members',
                  ExclusiveStartKey: start,
                }),
              );
              found += page.Items?.length ?? 0;
              start = page.LastEvaluatedKey;
            } while (start);
            return found;
          }),
        );
        if (counts.reduce((a, b) => a + b, 0) !== N) throw new Error('households missing');
      });

    // Warm-up: the JVM compiles the paths before anything is timed.
    for (const t of tables) {
      const warm = write(t.name, rawItem);
      await warm.rate;
      await intakePattern(t.name, warm.round, 'overlapped');
    }
    const results = new Map<string, number[]>();
    const keep = (key: string, value: number) => results.set(key, [...(results.get(key) ?? []), value]);
    for (let r = 0; r < ROUNDS; r += 1) {
      for (const t of tables) {
        const raw = write(t.name, rawItem);
        const rawRate = await raw.rate;
        keep(`${t.name}|raw BatchWriteItem, small items`, rawRate);
        keep(`${t.name}|BatchWriteItem, case items`, await write(t.name, caseItem).rate);
        for (const mode of ['overlapped', 'one at a time', 'no case read'] as const)
          keep(`${t.name}|intake pattern, ${mode}`, await intakePattern(t.name, raw.round, mode));
        const households = write(t.name, householdItem);
        await households.rate;
        keep(
          `${t.name}|households by key (BatchGetItem)`,
          await perSecond(N, () =>
            batchGet(
              doc,
              t.name,
              Array.from({ length: N }, (_, i) => ({ pk: `HH#${households.round}#${i}`, sk: 'HH' })),
              parallel,
            ),
          ),
        );
        keep(`${t.name}|households by village (Query)`, await queryVillages(t.name, households.round));
      }
    }
    const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    console.log(
      `rows: ${N.toLocaleString('en-US')} a figure, ${ROUNDS} rounds, ${INTAKE_PARALLEL} requests in parallel`,
    );
    for (const t of tables) {
      console.log(`\n${t.label}`);
      const raw = mean(results.get(`${t.name}|raw BatchWriteItem, small items`) ?? [0]);
      for (const [key, values] of results) {
        if (!key.startsWith(`${t.name}|`)) continue;
        const label = key.slice(t.name.length + 1);
        console.log(
          `  ${label.padEnd(38)} ${Math.round(mean(values)).toLocaleString('en-US').padStart(7)}/s  ` +
            `(${values.map((v) => Math.round(v)).join(', ')})  ÷ raw ${(mean(values) / raw).toFixed(2)}`,
        );
      }
    }
  } finally {
    await db.stop();
  }
};

await main();
