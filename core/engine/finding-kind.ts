import type { Bilingual, Finding } from '../model/report.ts';

/** How presenters name a finding: its severity for a violation, else its outcome (要確認 / 期限前). */
export type FindingKind = 'error' | 'warning' | 'incomplete' | 'pending';

export function findingKind(f: Pick<Finding, 'outcome' | 'severity'>): FindingKind {
  return f.outcome === 'incomplete' || f.outcome === 'pending' ? f.outcome : f.severity;
}

export const KIND_LABELS: Record<FindingKind, Bilingual> = {
  error: { ja: 'エラー', en: 'Error' },
  warning: { ja: '警告', en: 'Warning' },
  incomplete: { ja: '要確認', en: 'Incomplete' },
  pending: { ja: '期限前', en: 'Pending' },
};
