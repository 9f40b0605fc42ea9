/**
 * `npm run token -- --user county.staff` prints an access token for a demo user, signed by the
 * local issuer's key under `.local/data/issuer` (the key `npm start` uses).
 *   --client dept.medical  a department machine client's client-credentials token instead
 *   --list               the demo users with role and scope
 *   --expires-in 30m     lifetime (seconds, or with s/m/h/d); default 1h
 *   --data-dir DIR       another data directory
 */
import './node-env.ts';
import { parseArgs } from 'node:util';
import { DEMO_DEPARTMENT_CLIENTS, DEMO_USERS } from './demo-county.ts';
import { demoUserTable } from './demo-users.ts';
import { createIssuer, DEFAULT_TOKEN_SECONDS, issuerUrl, readIssuerInfo } from './issuer.ts';
import { dataPaths, DEFAULT_DATA_DIR } from './paths.ts';

const USAGE = `用法 usage: npm run token -- --user <用户名> [--expires-in 1h] [--data-dir DIR]
       npm run token -- --client <部门客户端> [--expires-in 1h] [--data-dir DIR]
       npm run token -- --list`;

const clientList = (): string =>
  `部门客户端 department clients: ${DEMO_DEPARTMENT_CLIENTS.map((c) => c.name).join(', ')}`;

/** `3600`, `90s`, `30m`, `12h`, `7d` → seconds. */
export const parseDuration = (value: string): number => {
  const match = /^(\d+)\s*([smhd]?)$/.exec(value.trim());
  if (!match?.[1]) throw new Error(`无效的有效期 invalid duration: ${value}`);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] ?? ''] ?? 1;
  const seconds = Number(match[1]) * unit;
  if (seconds <= 0) throw new Error(`有效期须大于 0 duration must be positive: ${value}`);
  return seconds;
};

const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};

const main = async () => {
  const { values } = parseArgs({
    options: {
      user: { type: 'string', short: 'u' },
      client: { type: 'string', short: 'c' },
      list: { type: 'boolean', short: 'l' },
      'expires-in': { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return console.log(USAGE);
  if (values.list) return console.log(`${demoUserTable()}\n\n${clientList()}`);
  if (!values.user && !values.client) return fail(`${USAGE}\n\n${demoUserTable()}\n\n${clientList()}`);
  const user = values.user ? DEMO_USERS.find((u) => u.username === values.user) : undefined;
  const client = values.client ? DEMO_DEPARTMENT_CLIENTS.find((c) => c.name === values.client) : undefined;
  if (values.user && !user)
    return fail(
      `未知的演示用户 unknown demo user: ${values.user}\n可用的用户 available users:\n\n${demoUserTable()}`,
    );
  if (values.client && !client)
    return fail(`未知的部门客户端 unknown department client: ${values.client}\n${clientList()}`);

  const keyDir = dataPaths(values['data-dir'] ?? DEFAULT_DATA_DIR).issuer;
  let info = await readIssuerInfo(keyDir);
  if (!info) {
    const fallback = issuerUrl(`http://localhost:${process.env.PORT ?? 3000}`);
    console.error(
      `提示：尚未运行 npm start，按默认签发者 ${fallback} 签发 (npm start not run yet; assuming it)`,
    );
    info = { issuer: fallback, audience: '' };
  }
  const issuer = await createIssuer({ keyDir, issuer: info.issuer, audience: info.audience || undefined });
  const expiresInSeconds = values['expires-in'] ? parseDuration(values['expires-in']) : DEFAULT_TOKEN_SECONDS;
  if (client) return console.log(await issuer.signClientToken(client, { expiresInSeconds }));
  if (user) console.log(await issuer.signAccessToken(user, { expiresInSeconds }));
};

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
