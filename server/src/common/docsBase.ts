// Where the rule pages are when nobody says (the language server without a docsBase from its client, `crmteam report`
// and `crmteam diff` without --docs-base): `docs/rules` next to the bundle's folder (`dist/server.js` or
// `dist/cli.js` → `docs/rules/<id>.md`), as shipped in the extension and the npm package.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export function bundledDocsBase(): string {
  return pathToFileURL(join(__dirname, '..', 'docs', 'rules')).href;
}
