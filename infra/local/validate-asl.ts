/**
 * `npm run validate:asl`: every state machine of the declaration — its ASL file passes
 * asl-validator (`--json-path`), every `${Placeholder}` in the file is in the declaration's
 * `functions` map and every entry of the map is used, each mapped function is declared, and
 * every Task state can run locally. Exits 1 on any failure.
 */
import './node-env.ts';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { declaration } from '../../shared/platform/declaration.ts';
import { declarationProblems } from './asl-checks.ts';
import { REPO_ROOT } from './paths.ts';

const run = promisify(execFile);
const VALIDATOR = join(REPO_ROOT, 'node_modules', '.bin', 'asl-validator');

const main = async () => {
  const files = declaration.stateMachines.map((m) => m.file).filter((f) => existsSync(resolve(REPO_ROOT, f)));
  let failed = false;
  if (files.length > 0) {
    try {
      const { stdout } = await run(
        VALIDATOR,
        files.flatMap((f) => ['--json-path', f]),
        { cwd: REPO_ROOT },
      );
      process.stdout.write(stdout);
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      process.stdout.write(stdout);
      process.stderr.write(stderr);
      failed = true;
    }
  }
  const problems = declarationProblems(declaration);
  for (const problem of problems) console.error(`✕ ${problem}`);
  if (problems.length === 0)
    console.log(
      `✓ placeholders of ${declaration.stateMachines.length} state machine(s) match the declaration`,
    );
  if (failed || problems.length > 0) process.exit(1);
};

await main();
