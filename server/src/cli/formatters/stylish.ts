// The default human output: findings grouped by file with line:col, severity, message and rule id, then a summary.

import { createColors } from 'picocolors';
import type { Formatter } from './formatter';

/** One configuration's scope, for the summary: how many plans it has, its roster, its cross-plan findings. */
export interface ScopeSummary {
  readonly config: string;
  /** Plans in the scope (read for the cross-plan rules) and, of those, the plans checked. */
  readonly plans: number;
  readonly checked: number;
  readonly roster?: string;
  readonly people?: number;
  readonly crossPlanFindings: number;
}

export function stylishFormatter(color: boolean, quiet = false): Formatter {
  const c = createColors(color);
  const lines = (out: readonly string[]) => out.map((line) => `${line}\n`).join('');
  return {
    start: () => '',
    file(file) {
      if (file.findings.length === 0 && file.fixed === 0) return '';
      const out = [c.underline(file.path)];
      if (file.fixed > 0) out.push(`  ${c.green(`fixed ${file.fixed} problem${file.fixed === 1 ? '' : 's'}`)}`);
      const width = Math.max(0, ...file.findings.map((f) => `${f.line}:${f.column}`.length));
      for (const f of file.findings) {
        const severity = f.severity === 'error' ? c.red('error  ') : f.severity === 'warning' ? c.yellow('warning') : f.severity === 'info' ? c.blue('info   ') : c.dim('hint   ');
        out.push(`  ${c.dim(`${f.line}:${f.column}`.padEnd(width))}  ${severity}  ${f.message}  ${c.dim(f.ruleId)}`);
      }
      out.push('');
      return lines(out);
    },
    end({ summary: s, plans: planCount, scopes }) {
      const out: string[] = [];
      for (const scope of scopes) {
        const plans = scope.checked === scope.plans ? `${scope.plans} plan${scope.plans === 1 ? '' : 's'}` : `${scope.checked} of ${scope.plans} plans checked`;
        const roster = scope.roster ? `, roster ${scope.roster} (${scope.people} ${scope.people === 1 ? 'person' : 'people'})` : '';
        const cross = `${scope.crossPlanFindings} cross-plan finding${scope.crossPlanFindings === 1 ? '' : 's'}`;
        out.push(c.dim(`Scope ${scope.config}: ${plans}${roster}, ${cross}.`));
      }
      if (scopes.length > 0) out.push('');
      const total = s.errors + s.warnings + s.infos + s.hints;
      const parts = [`${s.errors} error${s.errors === 1 ? '' : 's'}`, `${s.warnings} warning${s.warnings === 1 ? '' : 's'}`, `${s.infos} info`, `${s.hints} hint${s.hints === 1 ? '' : 's'}`];
      const checked = `${planCount} plan${planCount === 1 ? '' : 's'} checked`;
      if (total === 0) {
        // Under --quiet only errors were kept: say so rather than claim there is nothing at all.
        out.push(c.green(`✔ No ${quiet ? 'errors' : 'problems'} (${checked}${s.fixed ? `, ${s.fixed} fixed` : ''}${quiet ? '; warnings and info not shown: --quiet' : ''}).`));
      } else {
        const line = `✖ ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${checked}${s.fixed ? `; ${s.fixed} fixed` : ''}.`;
        out.push(s.errors > 0 ? c.red(c.bold(line)) : c.yellow(c.bold(line)));
        if (s.fixable > 0) out.push(c.dim(`  ${s.fixable} of them can be fixed with --fix.`));
      }
      return lines(out);
    },
  };
}
