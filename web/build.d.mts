/** Build the browser checker into outDir (default dist/web); returns the written file names. */
export function buildWeb(outDir?: string, opts?: { single?: boolean }): Promise<string[]>;
