#!/usr/bin/env node
// Package bin: load the TypeScript CLI through tsx's ESM loader API.
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
