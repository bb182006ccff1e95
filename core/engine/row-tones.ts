import type { Finding } from '../model/report.ts';

/** How a host colours a row: red for errors, yellow for warnings and cases to review. */
export type Tone = 'error' | 'warning';

/**
 * The row colour of a finding: an error-severity violation is red; a warning and an
 * `incomplete` (a person must look) are yellow; `pending` (can still be met) is not coloured.
 */
export function findingTone(f: Finding): Tone | undefined {
  if (f.outcome === 'pending') return undefined;
  return f.outcome === 'violation' && f.severity === 'error' ? 'error' : 'warning';
}

/** Rows of one sheet (of one file, if given) with their tone; error wins over warning on a row. */
export function rowTones(findings: readonly Finding[], sheet: string, file?: string): Map<number, Tone> {
  const tones = new Map<number, Tone>();
  for (const f of findings) {
    const tone = findingTone(f);
    if (!tone) continue;
    for (const loc of f.locations) {
      if (loc.sheet !== sheet || loc.row === undefined) continue;
      if (file !== undefined && loc.file !== undefined && loc.file !== file) continue;
      if (tones.get(loc.row) !== 'error') tones.set(loc.row, tone);
    }
  }
  return tones;
}
