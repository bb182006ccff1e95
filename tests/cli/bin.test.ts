// The package bin: prebuilt CLI when fresh, TypeScript sources otherwise; the build behaves like the sources.
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFreshBuild } from '../../bin/fresh-build.mjs';
import { AS_OF, ROOT } from './helpers.ts';

describe('isFreshBuild', () => {
  let dir: string;
  let root: URL;
  const builtAt = Date.UTC(2026, 10, 23, 12);
  const at = (ms: number) => new Date(ms);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zc-bin-'));
    root = pathToFileURL(`${dir}/`);
    await mkdir(join(dir, 'dist/cli'), { recursive: true });
    await mkdir(join(dir, 'cli'), { recursive: true });
    for (const f of ['cli/a.ts', 'cli/b.ts']) {
      await writeFile(join(dir, f), 'export {};\n');
      await utimes(join(dir, f), at(builtAt - 60_000), at(builtAt - 60_000));
    }
    await writeFile(join(dir, 'dist/cli/sources.json'), JSON.stringify({ builtAt, sources: ['cli/a.ts', 'cli/b.ts'] }));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is fresh when every source is older than the build', () => {
    expect(isFreshBuild(root, {})).toBe(true);
  });
  it('is stale when one source was edited after the build, and fresh again when it is older', async () => {
    await utimes(join(dir, 'cli/b.ts'), at(builtAt + 1), at(builtAt + 1));
    expect(isFreshBuild(root, {})).toBe(false);
    await utimes(join(dir, 'cli/b.ts'), at(builtAt), at(builtAt));
    expect(isFreshBuild(root, {})).toBe(true);
  });
  it('is stale when a source is gone, the list is broken or missing, or the sources are asked for', async () => {
    expect(isFreshBuild(root, { ZAITAKU_CHECK_FROM_SOURCE: '1' })).toBe(false);
    const list = join(dir, 'dist/cli/sources.json');
    await writeFile(list, JSON.stringify({ builtAt, sources: ['cli/a.ts', 'cli/gone.ts'] }));
    expect(isFreshBuild(root, {})).toBe(false);
    await writeFile(list, '{"builtAt": ');
    expect(isFreshBuild(root, {})).toBe(false);
    await writeFile(list, JSON.stringify({ builtAt, sources: [] }));
    expect(isFreshBuild(root, {})).toBe(false);
    await rm(list);
    expect(isFreshBuild(root, {})).toBe(false);
  });
});

describe('the built CLI', () => {
  // built inside the repository so that `exceljs` resolves from node_modules as for dist/cli
  const out = join(ROOT, 'dist', `cli-test-${process.pid}`);
  let outDir: string;

  beforeAll(() => {
    const r = spawnSync(process.execPath, ['cli/build.mjs', '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    outDir = out;
  }, 120_000);
  afterAll(() => rm(out, { recursive: true, force: true }));

  const run = (entry: string[], args: string[]) =>
    spawnSync(process.execPath, [...entry, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('lists its sources and never the dependencies', async () => {
    const { builtAt, sources } = JSON.parse(await readFile(join(outDir, 'sources.json'), 'utf8')) as {
      builtAt: number;
      sources: string[];
    };
    expect(builtAt).toBeGreaterThan(Date.UTC(2026, 0, 1));
    expect(sources).toEqual(expect.arrayContaining(['cli/main.ts', 'cli/read.ts', 'core/engine/index.ts', 'package.json']));
    expect(sources.some((s) => s.includes('node_modules'))).toBe(false);
  });

  it.each([
    ['rows workbook, JSON', ['examples/attendance-rows.xlsx', ...AS_OF, '--format', 'json']],
    ['matrix workbook, text', ['examples/matrix.xlsx', ...AS_OF]],
    ['Shift_JIS CSV, English', ['examples/attendance-sjis.csv', ...AS_OF, '--lang', 'en']],
    ['clean workbook', ['examples/clean.xlsx', ...AS_OF]],
    ['rules table', ['rules', '--format', 'json']],
    ['a form', ['form', 'examples/forms/kobe-application.problems.json', '--form', 'kobe-application']],
    ['version', ['--version']],
    ['usage error', ['examples/clean.xlsx', '--format', 'yaml']],
    ['missing file', ['examples/none.xlsx']],
  ])('answers like the sources: %s', (_name, args) => {
    const built = run([join(outDir, 'zaitaku-check.mjs')], args);
    const source = run(['--import', 'tsx', 'cli/main.ts'], args);
    expect(built.stdout.length + built.stderr.length).toBeGreaterThan(0);
    expect({ status: built.status, stdout: built.stdout, stderr: built.stderr }).toEqual({
      status: source.status,
      stdout: source.stdout,
      stderr: source.stderr,
    });
  });

  it('writes the same annotated copy as the sources', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'zc-bin-annotate-'));
    try {
      await copyFile(join(ROOT, 'examples/attendance-rows.xlsx'), join(tmp, 'in.xlsx'));
      const built = run([join(outDir, 'zaitaku-check.mjs')], [join(tmp, 'in.xlsx'), ...AS_OF, '--annotate', join(tmp, 'built.xlsx')]);
      const source = run(['--import', 'tsx', 'cli/main.ts'], [join(tmp, 'in.xlsx'), ...AS_OF, '--annotate', join(tmp, 'source.xlsx')]);
      expect(built.status).toBe(source.status);
      const ExcelJS = (await import('exceljs')).default;
      const read = async (f: string) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(join(tmp, f));
        return wb.worksheets.map((ws) => ({ name: ws.name, values: ws.getSheetValues() }));
      };
      expect(await read('built.xlsx')).toEqual(await read('source.xlsx'));
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });
});

describe('bin/zaitaku-check.mjs', () => {
  it.each([
    ['from the sources', { ZAITAKU_CHECK_FROM_SOURCE: '1' }],
    ['as installed (prebuilt when fresh)', {}],
  ])('checks a workbook %s', (_name, env) => {
    const r = spawnSync(process.execPath, ['bin/zaitaku-check.mjs', 'examples/clean.xlsx', ...AS_OF], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('指摘はありません');
  });
});
