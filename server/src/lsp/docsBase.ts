// Where the rule pages are when the client does not say: `docs/rules` next to the folder of the server bundle
// (`dist/server.js` → `docs/rules/<id>.md`), as shipped in the extension and the npm package.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export function bundledDocsBase(): string {
  return pathToFileURL(join(__dirname, '..', 'docs', 'rules')).href;
}
