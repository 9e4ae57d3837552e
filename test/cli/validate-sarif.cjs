// Validates a SARIF log (stdin) against the official SARIF 2.1.0 schema; prints the errors as JSON.
// A separate process: ajv compiles the draft-04 schema at run time, which the test suite's
// --disallow-code-generation-from-strings forbids (and our shipped code never does).
const { readFileSync } = require('node:fs');
const Ajv04 = require('ajv-draft-04');
const addFormats = require('ajv-formats');

const schema = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: true });
addFormats(ajv);
const validate = ajv.compile(schema);
const ok = validate(JSON.parse(readFileSync(0, 'utf8')));
process.stdout.write(JSON.stringify({ ok, errors: (validate.errors || []).slice(0, 5) }));
