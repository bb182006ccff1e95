import type { Bilingual } from '../core/model/report.ts';

/** A problem the CLI reports to the user (never a stack trace): message + exit status. */
export class CliError extends Error {
  constructor(
    readonly bilingual: Bilingual,
    readonly exitCode: 2 = 2,
  ) {
    super(bilingual.en);
    this.name = 'CliError';
  }
}

export function usageError(ja: string, en: string): CliError {
  return new CliError({ ja, en }, 2);
}
