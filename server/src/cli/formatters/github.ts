// GitHub Actions workflow commands: one annotation per finding (hints are left out; GitHub has no such level).

import type { Formatter } from './formatter';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export function githubFormatter(): Formatter {
  return {
    start: () => '',
    file(file) {
      let out = '';
      for (const f of file.findings) {
        if (f.severity === 'hint') continue;
        const props = [
          `file=${escapeProperty(file.path)}`,
          `line=${f.line}`,
          `endLine=${f.endLine}`,
          `col=${f.column}`,
          `endColumn=${f.endColumn}`,
          `title=${escapeProperty(`crmteam ${f.ruleId}`)}`,
        ].join(',');
        out += `::${COMMAND[f.severity]} ${props}::${escapeData(f.message)}\n`;
      }
      return out;
    },
    end: () => '',
  };
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
