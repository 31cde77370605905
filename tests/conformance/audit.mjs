// The GraphQL-over-HTTP audit of graphql-http against a served actorgraph API.
// Usage: node audit.mjs http://127.0.0.1:8000/graphql
// Prints one line per audit that is not ok and a JSON summary as the last line; exits 1 on any
// error or warning (notices, the spec's MAYs, are reported but pass).
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs URL (the /graphql endpoint)');
  process.exit(2);
}
const results = await auditServer({ url });
const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
for (const result of results) {
  counts[result.status] += 1;
  if (result.status !== 'ok') {
    console.log(`${result.status.toUpperCase()} ${result.id} ${result.name}: ${result.reason}`);
  }
}
console.log(JSON.stringify({ audits: results.length, ...counts }));
process.exit(counts.error || counts.warn ? 1 : 0);
