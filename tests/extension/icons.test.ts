import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { drawIcon, ICON_SIZES } from '../../extension/make-icons.mjs';
import { pngSize } from './png.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifests/chrome/manifest.json'), 'utf8')) as {
  icons: Record<string, string>;
  action: { default_icon: Record<string, string> };
};

describe('extension icons', () => {
  it('the manifest names a 16, 32, 48 and 128 px icon and the toolbar uses the small ones', () => {
    expect(Object.keys(manifest.icons).sort((a, b) => +a - +b)).toEqual(['16', '32', '48', '128']);
    expect(Object.keys(manifest.action.default_icon).length).toBeGreaterThan(0);
    for (const [size, path] of Object.entries(manifest.action.default_icon)) expect(path).toBe(manifest.icons[size]);
  });

  it('committed icons are what `node extension/make-icons.mjs` draws now', () => {
    for (const size of ICON_SIZES) {
      const file = readFileSync(join(ROOT, 'manifests/chrome', manifest.icons[String(size)]!));
      expect(pngSize(file)).toEqual({ width: size, height: size });
      expect(file.equals(drawIcon(size)), `icon-${size}.png is stale`).toBe(true);
    }
  });

  it('icons are opaque in the middle and transparent in the corners (rounded square)', () => {
    const file = readFileSync(join(ROOT, 'manifests/chrome/icons/icon-48.png'));
    // one IDAT chunk right after IHDR (33 bytes in): filter byte + 48 RGBA pixels per row
    const len = file.readUInt32BE(33);
    const raw = inflateSync(file.subarray(41, 41 + len));
    const alpha = (x: number, y: number): number => raw[y * (48 * 4 + 1) + 1 + x * 4 + 3]!;
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(47, 47)).toBe(0);
    expect(alpha(24, 24)).toBe(255);
  });
});
