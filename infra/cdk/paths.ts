/** Paths in the declaration are from the repository root; this resolves them. */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export const fromRoot = (relative: string): string => path.join(repoRoot, relative);
