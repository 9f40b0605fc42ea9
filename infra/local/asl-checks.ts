/**
 * The declaration's view of the ASL files (asl-validator checks the ASL itself): every
 * `${Placeholder}` in a file is in the state machine's `functions` map and every entry of the
 * map is used; each mapped function is declared; every Task state can run locally.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PlatformDeclaration } from '../../shared/platform/declaration-types.ts';
import { loadDefinition, taskBindings } from './step-functions.ts';
import { REPO_ROOT } from './paths.ts';

export const declarationProblems = (decl: PlatformDeclaration, root = REPO_ROOT): string[] => {
  const problems: string[] = [];
  for (const machine of decl.stateMachines) {
    const file = resolve(root, machine.file);
    if (!existsSync(file)) {
      problems.push(`${machine.name}: ${machine.file} does not exist`);
      continue;
    }
    const text = readFileSync(file, 'utf8');
    const inFile = new Set([...text.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1] ?? ''));
    const declared = new Set(Object.keys(machine.functions));
    for (const name of inFile)
      if (!declared.has(name))
        problems.push(`${machine.name}: \${${name}} is in ${machine.file} but not declared`);
    for (const name of declared)
      if (!inFile.has(name))
        problems.push(`${machine.name}: \${${name}} is declared but not used in ${machine.file}`);
    for (const [placeholder, fn] of Object.entries(machine.functions))
      if (!decl.functions.some((f) => f.name === fn))
        problems.push(`${machine.name}: \${${placeholder}} maps to ${fn}, which is not a declared function`);
    try {
      taskBindings(machine, loadDefinition(machine, root));
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  return problems;
};
