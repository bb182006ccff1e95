// `npm run docs`: writes docs/rules.md from the rule metadata and pack data.
import { writeFileSync } from 'node:fs';
import { rulesMarkdown } from '../core/rules/catalogue.ts';

writeFileSync(new URL('./rules.md', import.meta.url), rulesMarkdown());
console.log('docs/rules.md written');
