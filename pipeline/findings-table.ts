// Findings as a table (header + rows) for the findings workbook / CSV of the browser checker.
import type { Bilingual, Finding, Location } from '../core/model/report.ts';

import { findingKind, KIND_LABELS } from '../core/engine/finding-kind.ts';

/** `file シート!12, 13` per sheet. */
export function locationText(locations: Location[]): string {
  const groups = new Map<string, number[]>();
  for (const l of locations) {
    if (l.field) continue;
    const key = `${l.file ? `${l.file} ` : ''}${l.sheet ?? ''}`;
    const rows = groups.get(key) ?? [];
    if (l.row !== undefined && !rows.includes(l.row)) rows.push(l.row);
    groups.set(key, rows);
  }
  const fields = locations.flatMap((l) => (l.field ? [l.field] : []));
  const parts = [...groups].map(([k, rows]) => (rows.length ? `${k}!${rows.sort((a, b) => a - b).join(', ')}` : k));
  if (fields.length) parts.push(fields.join(', '));
  return parts.join('; ');
}

/** Header and one row per finding; Japanese and English columns side by side. */
export function findingsTable(findings: Finding[], ruleTitle: (id: string) => Bilingual | undefined): string[][] {
  const header = ['種別 / Kind', 'ルール / Rule', 'ルール名', 'Rule title', '利用者 / User', '期間 / Period', '場所 / Location', '内容', 'Message', '根拠 / Source', 'パック / Pack'];
  const rows = findings.map((f) => {
    const k = KIND_LABELS[findingKind(f)];
    const title = ruleTitle(f.ruleId);
    const period = f.period ? (f.period.from === f.period.to ? f.period.from : `${f.period.from}〜${f.period.to}`) : '';
    return [`${k.ja} / ${k.en}`, f.ruleId, title?.ja ?? '', title?.en ?? '', f.user ?? '', period, locationText(f.locations), f.message.ja, f.message.en, f.source, f.pack];
  });
  return [header, ...rows];
}

/** RFC 4180 CSV with a BOM and CRLF, so Excel opens the Japanese text correctly. */
export function toCsv(rows: string[][]): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) || /^[=+\-@]/.test(v) ? `"${(/^[=+\-@]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"` : v);
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
