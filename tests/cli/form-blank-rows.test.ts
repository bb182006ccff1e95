// The CLI's `form` command and the extension share core/forms: spare blank rows of a list are no entries.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { AS_OF, runCli } from './helpers.ts';

it('form: a monthly list with rows for 10 users, 3 filled, has no 未入力 for the 7 blank rows', async () => {
  const values: Record<string, string> = { 対象月: '令和8年10月', 提出日: '令和8年11月10日', 事業所番号: '2712345678', 事業所名: 'ひがしおおさか作業所' };
  const filled = [['東 一郎', '2700000001', '12', '5', '5'], ['河内 花子', '2700000002', '8', '4', '4'], ['生駒 三郎', '2700000003', '4', '8', '2']];
  for (let r = 0; r < 10; r++) {
    const row = filled[r] ?? ['', '', '', '', ''];
    ['name', 'recipientNo', 'homeDays', 'commuteDays', 'homeWeeks'].forEach((f, i) => (values[`users.${r}.${f}`] = row[i]!));
  }
  const file = join(await mkdtemp(join(tmpdir(), 'zc-form-')), 'list.json');
  await writeFile(file, JSON.stringify(values));
  const r = await runCli(['form', file, '--form', 'higashiosaka-monthly-list', '--format', 'json', ...AS_OF]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const report = JSON.parse(r.stdout) as { findings: { ruleId: string; locations: { field?: string }[] }[] };
  expect(report.findings.filter((f) => f.ruleId === 'required')).toEqual([]);
  expect(report.findings.flatMap((f) => f.locations.map((l) => l.field)).filter((f) => /^users\.[3-9]\./.test(f ?? ''))).toEqual([]);
});
