#!/usr/bin/env node
// Package bin: runs the prebuilt CLI (dist/cli/, `npm run build:cli`) when it is newer than every
// source it was built from; otherwise the TypeScript sources through tsx, so an edit never runs stale code.
import { isFreshBuild } from './fresh-build.mjs';

const root = new URL('../', import.meta.url);

if (isFreshBuild(root)) {
  await import(new URL('dist/cli/zaitaku-check.mjs', root).href);
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write(
      'エラー: tsx が見つかりません。`npm install` を実行してください。\n' +
        'Error: tsx is not installed; run `npm install` in the package directory.\n',
    );
    process.exit(2);
  }
  register();
  await import('../cli/main.ts');
}
