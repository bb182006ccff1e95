// Entry of `zaitaku-check` (npm run check -- <args>, or bin/zaitaku-check.mjs).
import { processIO, run } from './run.ts';

const status = await run(process.argv.slice(2), processIO());
process.exitCode = status;
