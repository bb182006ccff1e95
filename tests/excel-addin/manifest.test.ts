import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseStringPromise } from 'xml2js';
import { ADDIN_ID, DEV_BASE_URL, MIN_EXCEL_API, PROVIDER_NAME, makeManifest } from '../../excel-addin/make-manifest.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const committed = readFileSync(`${root}manifests/office/manifest.xml`, 'utf8');

type Node = Record<string, unknown> & { $?: Record<string, string>; _?: string };
const one = (n: unknown, key: string): Node => {
  const v = (n as Record<string, unknown[]>)[key];
  expect(v, `element ${key}`).toBeDefined();
  return v![0] as Node;
};
const all = (n: unknown, key: string): Node[] => ((n as Record<string, unknown[]>)[key] ?? []) as Node[];

/** Walk every element, yielding [name, node]. */
function* walk(n: unknown, name = 'OfficeApp'): Generator<[string, Node]> {
  if (!n || typeof n !== 'object') return;
  yield [name, n as Node];
  for (const [k, v] of Object.entries(n)) {
    if (k === '$' || k === '_' || !Array.isArray(v)) continue;
    for (const child of v) yield* walk(child, k);
  }
}

function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  expect(buf.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe('Office manifest', () => {
  it('the committed manifest is the generator output for the dev base URL', () => {
    expect(committed).toBe(makeManifest(DEV_BASE_URL));
  });

  for (const base of [DEV_BASE_URL, 'https://example.org/zaitaku/']) {
    it(`parses and has the required elements (${base})`, async () => {
      const xml = makeManifest(base);
      const doc = await parseStringPromise(xml, { explicitChildren: false, preserveChildrenOrder: true });
      const app = doc.OfficeApp as Node;
      expect(app.$!['xsi:type']).toBe('TaskPaneApp');
      expect(app.$!.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
      // schema sequence of OfficeApp's children
      const order = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
      expect(Object.keys(app).filter((k) => k !== '$')).toEqual(order);
      const id = String(app.Id as unknown as string[]);
      expect(id).toBe(ADDIN_ID);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(String(app.Version as unknown as string[])).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(String(app.DefaultLocale as unknown as string[])).toBe('ja-JP');
      const display = one(app, 'DisplayName');
      expect(display.$!.DefaultValue).toBe('在宅チェック');
      expect(one(display, 'Override').$).toEqual({ Locale: 'en-US', Value: 'Home-use check' });
      expect(one(one(app, 'Description'), 'Override').$!.Locale).toBe('en-US');
      expect(one(one(app, 'Hosts'), 'Host').$!.Name).toBe('Workbook');
      expect(String(app.Permissions as unknown as string[])).toBe('ReadWriteDocument');
      const set = one(one(one(app, 'Requirements'), 'Sets'), 'Set');
      expect(set.$).toEqual({ Name: 'ExcelApi', MinVersion: MIN_EXCEL_API });
      expect(one(one(app, 'DefaultSettings'), 'SourceLocation').$!.DefaultValue).toBe(new URL('taskpane.html', base).href);

      const vo = one(app, 'VersionOverrides');
      expect(vo.$!['xsi:type']).toBe('VersionOverridesV1_0');
      const host = one(one(vo, 'Hosts'), 'Host');
      expect(host.$!['xsi:type']).toBe('Workbook');
      const desktop = one(host, 'DesktopFormFactor');
      const tab = one(one(desktop, 'ExtensionPoint'), 'OfficeTab');
      expect(tab.$!.id).toBe('TabHome');
      const control = one(one(tab, 'Group'), 'Control');
      expect(control.$!['xsi:type']).toBe('Button');
      expect(one(control, 'Action').$!['xsi:type']).toBe('ShowTaskpane');

      // a person-readable provider, no FunctionFile (the button only opens the pane), every ribbon icon size
      const provider = String(app.ProviderName as unknown as string[]);
      expect(provider).toBe(PROVIDER_NAME);
      expect(provider).not.toMatch(/^[a-z0-9-]+$/);
      expect(provider.length).toBeLessThanOrEqual(125);
      expect(desktop.FunctionFile).toBeUndefined();
      expect(xml).not.toContain('commands.html');
      for (const iconOf of [one(one(tab, 'Group'), 'Icon'), one(control, 'Icon')]) {
        expect(all(iconOf, 'bt:Image').map((i) => Number(i.$!.size))).toEqual([16, 20, 24, 32, 40, 48, 64, 80]);
      }

      // every resid is defined once in Resources, ids ≤ 32 characters; strings have an en-US override
      const resources = one(vo, 'Resources');
      const defined = new Map<string, Node>();
      for (const [name, node] of walk(resources, 'Resources')) {
        if (['bt:Image', 'bt:Url', 'bt:String'].includes(name) && node.$?.id) {
          expect(defined.has(node.$.id)).toBe(false);
          expect(node.$.id.length).toBeLessThanOrEqual(32);
          defined.set(node.$.id, node);
          if (name === 'bt:String') expect(one(node, 'bt:Override').$!.Locale).toBe('en-US');
        }
      }
      const used = [...walk(host, 'Host')].map(([, n]) => n.$?.resid).filter((r): r is string => !!r);
      expect(used.length).toBeGreaterThan(5);
      for (const r of used) expect(defined.has(r), r).toBe(true);

      // every URL is https under the base; icons exist in the repo with the stated pixel size
      const urls = [...walk(app)].flatMap(([, n]) => Object.values(n.$ ?? {})).filter((v) => /^[a-z]+:\/\//i.test(v) && !v.includes('schemas.microsoft.com') && !v.includes('www.w3.org'));
      expect(urls.length).toBeGreaterThan(8);
      for (const u of urls) {
        expect(u.startsWith('https://'), u).toBe(true);
        expect(u.startsWith(base), u).toBe(true);
        const file = `${root}excel-addin/public/${u.slice(base.length)}`;
        const isPage = u.endsWith('taskpane.html');
        expect(isPage || existsSync(file), u).toBe(true);
      }
      expect(existsSync(`${root}excel-addin/taskpane.html`)).toBe(true);
      for (const [name, node] of walk(resources, 'Resources')) {
        if (name !== 'bt:Image') continue;
        const size = Number(/Icon\.(\d+)x/.exec(node.$!.id!)![1]);
        expect(pngSize(`${root}excel-addin/public/${node.$!.DefaultValue!.slice(base.length)}`)).toEqual({ width: size, height: size });
      }
      expect(pngSize(`${root}excel-addin/public/assets/icon-32.png`)).toEqual({ width: 32, height: 32 });
      expect(pngSize(`${root}excel-addin/public/assets/icon-64.png`)).toEqual({ width: 64, height: 64 });
    });
  }

  it('the generator CLI writes a manifest for a base URL and refuses http', () => {
    const out = execFileSync(process.execPath, [`${root}excel-addin/make-manifest.mjs`, '--base-url', 'https://example.org/app'], { encoding: 'utf8' });
    expect(out).toContain('<SourceLocation DefaultValue="https://example.org/app/taskpane.html" />');
    const bad = spawnSync(process.execPath, [`${root}excel-addin/make-manifest.mjs`, '--base-url', 'http://example.org/'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('https');
  });
});
