/**
 * `npm start`: the whole platform on this machine, data under `.local/data` (kept between
 * restarts), the gateway on port 3000 (`PORT` to change). Ctrl-C stops everything, Java too.
 */
import './node-env.ts';
import { startRuntime, type LocalRuntime } from './runtime.ts';
import { JavaMissing } from './dynamodb-local.ts';
import { demoUserTable } from './demo-users.ts';
import { DEFAULT_DATA_DIR } from './paths.ts';
import { declaration } from '../../shared/platform/declaration.ts';

const port = Number(process.env.PORT ?? 3000);
const started = Date.now();
console.log('防贫保 本地运行环境启动中 … / Fangpinbao local runtime starting …');

const shanghaiTime = (date: Date | undefined): string =>
  date ? `${date.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}（北京时间）` : '—';

const banner = (runtime: LocalRuntime): string => {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const schedules = declaration.schedules.map(
    (s) => `${s.name} ${s.cron} → 下次 next ${shanghaiTime(runtime.scheduler.nextRun(s.name))}`,
  );
  return `
防贫保 本地运行环境已就绪（${seconds} 秒） / Fangpinbao is up (${seconds} s)

  API 网关 gateway       ${runtime.url}
  健康检查 health        curl ${runtime.url}/health
  获取令牌 token         TOKEN=$(npm run -s token -- --user county.staff)
                         curl -H "authorization: Bearer $TOKEN" ${runtime.url}/me
  接口文档 OpenAPI       ${runtime.url}/openapi.json
  签发者 issuer          ${runtime.issuer.issuer}  (client_id ${runtime.issuer.audience})

  DynamoDB Local         ${runtime.endpoints.dynamodb}  (tables ${Object.values(runtime.tables).join(', ')})
  S3 (s3rver)            ${runtime.endpoints.s3}  (buckets ${Object.values(runtime.buckets).join(', ')}; key S3RVER/S3RVER)
  Step Functions         ${runtime.endpoints.sfn}  (${Object.keys(runtime.stepFunctions.arns).join(', ')})
  定时任务 schedules     ${schedules.length > 0 ? schedules.join('\n                         ') : '—'}
  数据目录 data          ${runtime.dataDir}

演示用户 demo users（npm run token -- --user <用户名>）:
${demoUserTable()
  .split('\n')
  .map((line) => `  ${line}`)
  .join('\n')}

按 Ctrl-C 停止 / Ctrl-C to stop.
`;
};

let runtime: LocalRuntime | undefined;
let stopping = false;

const shutdown = async (signal: string) => {
  if (stopping) {
    console.log('强制退出 / forcing exit');
    process.exit(1);
  }
  stopping = true;
  console.log(`\n${signal}: 正在停止 / stopping …`);
  await runtime?.stop();
  console.log('已停止 / stopped.');
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  runtime = await startRuntime({ dataDir: DEFAULT_DATA_DIR, port });
  console.log(banner(runtime));
  console.log(
    `timings (ms): ${Object.entries(runtime.timings)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
} catch (error) {
  if (error instanceof JavaMissing) console.error(error.message);
  else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
    console.error(`端口 ${port} 已被占用：换一个端口，例如 PORT=3001 npm start (port ${port} is in use)`);
  else console.error('启动失败 / start failed:', error);
  process.exit(1);
}
