// Shared set-up of the browser checker tests: build once into a temp dir, real Chromium.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { run } from '../../cli/run.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM = '/usr/lib/chromium/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function buildWeb(): string {
  const out = mkdtempSync(join(tmpdir(), 'zaitaku-web-'));
  execFileSync(process.execPath, [join(ROOT, 'web/build.mjs'), '--out', out], { cwd: ROOT, stdio: 'pipe' });
  return out;
}

export async function launch(): Promise<Browser> {
  for (let i = 0; i < 60 && !existsSync(CHROMIUM); i++) await new Promise((r) => setTimeout(r, 5000));
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** The CLI's JSON report for examples/<name>, with file names as the browser sees them (no directory). */
export async function cliJson(name: string, args: string[]): Promise<unknown> {
  let stdout = '';
  await run([`examples/${name}`, ...args, '--format', 'json'], { stdout: (s) => void (stdout += s), stderr: () => {}, env: {}, isTty: false });
  return JSON.parse(stdout.split(`examples/${name}`).join(name));
}
