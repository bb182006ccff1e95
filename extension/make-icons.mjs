// Writes the toolbar/store icons (the add-in's blue house with a check) as PNGs, no dependencies.
// Usage: node extension/make-icons.mjs  → manifests/chrome/icons/icon-{16,32,48,128}.png
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { drawIcon } from '../excel-addin/make-icons.mjs';

export { drawIcon };
export const ICON_SIZES = [16, 32, 48, 128];
export const ICON_DIR = new URL('../manifests/chrome/icons/', import.meta.url);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(ICON_DIR, { recursive: true });
  for (const size of ICON_SIZES) writeFileSync(new URL(`icon-${size}.png`, ICON_DIR), drawIcon(size));
}
