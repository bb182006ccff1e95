import type { Finding } from '../model/report.ts';

/** How a host colours a row: red for errors, yellow for warnings. */
export type Tone = 'error' | 'warning';

/**
 * The row colour of a finding, from violations only: an error-severity violation is red, a warning yellow.
 * `incomplete` (could not be judged, e.g. 定員 not set) and `pending` (can still be met) colour no row:
 * they are listed (the 判定不能 / 期間中 tiles), and a row colour always means a requirement was missed.
 */
export function findingTone(f: Finding): Tone | undefined {
  if (f.outcome !== 'violation') return undefined;
  return f.severity === 'error' ? 'error' : 'warning';
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
