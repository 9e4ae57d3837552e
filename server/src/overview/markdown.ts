// The team overview as GitHub-flavoured Markdown: a heading and tables per plan, readable in a pull request or wiki.

import { displayName, findingSummary, gapText } from './html';
import { MARK_LETTERS, type Overview } from './model';

/** Text for a table cell: pipes escaped, line breaks flattened, HTML-significant characters neutralised. */
export function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function renderOverviewMarkdown(overviews: readonly Overview[], title = 'CRM team overview'): string {
  const out: string[] = [`# ${mdCell(title)}`, ''];
  for (const o of overviews) out.push(...planMarkdown(o));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function planMarkdown(o: Overview): string[] {
  const byId = new Map(o.people.map((p) => [p.id, p]));
  const who = (id: string) => mdCell(displayName(byId.get(id), id));
  const link = (ruleId: string, href: string | undefined) => (href ? `[\`${ruleId}\`](${href.replace(/[()\s]/g, encodeURIComponent)})` : `\`${ruleId}\``);
  const out: string[] = [];
  out.push(`## ${mdCell(o.project.name ?? o.file ?? 'Team plan')}`, '');
  if (o.file !== undefined && o.project.name !== undefined) out.push(`\`${o.file.replace(/`/g, '')}\``, '');
  out.push(`Phase ${o.project.phase} · company size ${o.project.companySize} · delivery ${o.project.delivery} · scope ${o.project.scope} · complexity ${o.project.complexity}. **${findingSummary(o)}**`, '');

  out.push('### Who does what', '');
  if (o.matrix.activities.length === 0) {
    out.push('The plan defines no activities yet.', '');
  } else {
    out.push('O owner · P participant · L sets the load-testing criteria', '');
    out.push(`| Activity | ${o.matrix.people.map(who).join(' | ')} | Gaps |`);
    out.push(`| --- | ${o.matrix.people.map(() => ':-:').join(' | ')} | --- |`);
    for (const a of o.matrix.activities) {
      const cells = new Map(a.cells.map((c) => [c.person, c.marks.map((m) => MARK_LETTERS[m]).join(' ')]));
      out.push(`| ${mdCell(a.label)} | ${o.matrix.people.map((id) => cells.get(id) ?? '').join(' | ')} | ${mdCell(a.gaps.map(gapText).join('; '))} |`);
    }
    out.push('');
  }
  if (o.matrix.notPlanned.length > 0) out.push(`Not in the plan: ${mdCell(o.matrix.notPlanned.map((a) => a.label).join(', '))}.`, '');
  if (o.matrix.inNoActivity.length > 0) out.push(`In no activity: ${o.matrix.inNoActivity.map(who).join(', ')}.`, '');

  out.push('### Roles', '', '| Role | Held by |', '| --- | --- |');
  for (const r of o.roles) {
    const holders = r.holders.map((h) => `${who(h.person)}${h.allocation !== undefined ? `, ${h.allocation}%` : ''}`).join(', ');
    out.push(`| ${mdCell(r.label)} | ${holders || '**nobody**'} |`);
  }
  out.push('');

  out.push('### Coverage', '', '| Technical function | Needed here | Filled by |', '| --- | --- | --- |');
  for (const fn of o.coverage.technicalFunctions) {
    const holders = fn.holders.map((h) => who(h.person)).join(', ');
    out.push(`| ${mdCell(fn.label)} | ${fn.required ? 'yes' : 'no'} | ${holders || (fn.required ? '**nobody (needed)**' : 'nobody')} |`);
  }
  out.push('');
  if (o.coverage.activityGaps.length > 0) {
    for (const g of o.coverage.activityGaps) {
      const label = o.matrix.activities.find((a) => a.id === g.activity)?.label ?? g.activity;
      out.push(`- ${mdCell(label)}: ${mdCell(g.gaps.map(gapText).join('; '))}`);
    }
    out.push('');
  }

  out.push('### Load', '');
  if (o.load.length === 0) {
    out.push('Nobody holds a role yet.', '');
  } else {
    out.push('| Person | Stated total | Allocations | Roles without an allocation |', '| --- | --: | --- | --- |');
    for (const l of o.load) {
      const total = l.allocations.length === 0 ? 'none stated' : l.total > l.capacity ? `**${l.total}% (over ${l.capacity}%)**` : `${l.total}%`;
      out.push(`| ${who(l.person)} | ${total} | ${mdCell(l.allocations.map((a) => `${a.percent}% as ${a.role}${a.file !== undefined && a.file !== o.file ? ` in ${a.file}` : ''}`).join(', '))} | ${mdCell(l.unstated.join(', '))} |`);
    }
    out.push('');
  }

  out.push('### Findings', '');
  if (o.findings.byRule.length === 0) {
    out.push('No findings.', '');
  } else {
    out.push('| Rule | Severity | Count |', '| --- | --- | --: |');
    for (const r of o.findings.byRule) out.push(`| ${link(r.ruleId, r.href)} | ${r.severity} | ${r.count} |`);
    out.push('');
  }
  return out;
}
