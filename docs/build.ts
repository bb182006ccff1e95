// `npm run docs`: writes docs/rules.md from the rule metadata and pack data, and
// docs/report.schema.json (JSON Schema of the `--format json` report) from the zod schema.
import { writeFileSync } from 'node:fs';
import { rulesMarkdown } from '../core/rules/catalogue.ts';
import { reportJsonSchema } from '../core/model/report.ts';

writeFileSync(new URL('./rules.md', import.meta.url), rulesMarkdown());
writeFileSync(new URL('./report.schema.json', import.meta.url), `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
console.log('docs/rules.md and docs/report.schema.json written');
