// Runnable integrator example: node docs/examples/check-plan.mjs <plan.yaml> [today]
// Uses the built package (npm ci builds it); prints one line per finding.
import { readFileSync } from 'node:fs';
import { check } from '@laatuvahti/core';

const [file, today] = process.argv.slice(2);
if (!file) {
  console.error('usage: node docs/examples/check-plan.mjs <plan.yaml> [YYYY-MM-DD]');
  process.exit(2);
}
const diagnostics = await check(readFileSync(file, 'utf8'), { locale: 'en', ...(today ? { today } : {}) });
for (const d of diagnostics) {
  console.log(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.ruleId} ${d.message}`);
}
console.log(`${diagnostics.length} finding(s)`);
