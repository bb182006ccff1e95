// Whether the prebuilt CLI under `root`/dist/cli is newer than every source it was built from.
import { readFileSync, statSync } from 'node:fs';

/** @param {URL} root package root (ending in /) @param {NodeJS.ProcessEnv} env */
export function isFreshBuild(root, env = process.env) {
  if (env.ZAITAKU_CHECK_FROM_SOURCE === '1') return false;
  try {
    const { builtAt, sources } = JSON.parse(readFileSync(new URL('dist/cli/sources.json', root), 'utf8'));
    if (typeof builtAt !== 'number' || !Array.isArray(sources) || sources.length === 0) return false;
    return sources.every((file) => statSync(new URL(file, root)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}
