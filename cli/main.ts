// Entry of `zaitaku-check` (npm run check -- <args>, or bin/zaitaku-check.mjs).
import { processIO, run } from './run.ts';

// `zaitaku-check … | head` closes the pipe early: stop quietly instead of printing a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const status = await run(process.argv.slice(2), processIO());
process.exitCode = status;
