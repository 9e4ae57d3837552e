// The one HTML renderer of the team overview: `crmteam report --format html` wraps it in a self-contained page, the
// VS Code overview shows the same sections in a webview. Every text is escaped; nothing refers to a remote resource;
// no inline `style` attribute or event handler is used, so a strict Content-Security-Policy holds.

import { MARK_LABELS, MARK_LETTERS, type Gap, type Overview, type OverviewPerson, type Place } from './model';

export interface HtmlOptions {
  /**
   * Interactive (the webview): cells, findings and roles are buttons carrying `data-line` / `data-column`, and rule
   * links carry `data-rule-href` so the host can open them. Otherwise (the report) they are plain text.
   */
  readonly interactive: boolean;
}

const SEVERITY_LETTER = { error: 'E', warning: 'W', info: 'I', hint: 'H' } as const;
const SIDE_LABELS = { it: 'IT', business: 'business', external: 'external' } as const;

/**
 * What HTML cannot carry as text: control characters (a plan may hold them; messages quote them), lone surrogates and
 * noncharacters are parse errors even as character references, so they become U+FFFD.
 */
const UNREPRESENTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPECIAL = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

export function escapeHtml(text: string): string {
  // Most texts have nothing to escape: testing first avoids a new string per call (a big matrix has 50,000 cells).
  if (!SPECIAL.test(text)) return text;
  return text.replace(UNREPRESENTABLE, '\uFFFD').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One plan's overview as a `<section>`. */
export function renderOverviewSection(o: Overview, options: HtmlOptions): string {
  const out: string[] = [];
  const byId = new Map(o.people.map((p) => [p.id, p]));
  const names = new Map(o.people.map((p) => [p.id, displayName(p, p.id)]));
  const who = (id: string) => names.get(id) ?? id;
  const title = o.project.name ?? o.file ?? 'Team plan';
  const jump = (place: Place | undefined, content: string, label: string, cls = 'jump') =>
    options.interactive && place
      ? `<button type="button" class="${cls}" data-line="${place.line}" data-column="${place.column}" aria-label="${escapeHtml(label)}">${content}</button>`
      : content;
  const ruleLink = (ruleId: string, href: string | undefined) => {
    const code = `<code>${escapeHtml(ruleId)}</code>`;
    if (!href) return code;
    return options.interactive
      ? `<a href="#" data-rule-href="${escapeHtml(href)}">${code}</a>`
      : `<a href="${escapeHtml(href)}">${code}</a>`;
  };

  out.push(`<section class="plan" aria-label="${escapeHtml(title)}">`);
  out.push(`<h2>${escapeHtml(title)}</h2>`);
  const facts = [
    o.file !== undefined && o.project.name !== undefined ? `<span class="file">${escapeHtml(o.file)}</span>` : '',
    `phase: ${escapeHtml(o.project.phase)}`,
    `company size: ${escapeHtml(o.project.companySize)}`,
    `delivery: ${escapeHtml(o.project.delivery)}`,
    `scope: ${escapeHtml(o.project.scope)}`,
    `complexity: ${escapeHtml(o.project.complexity)}`,
  ].filter((f) => f !== '');
  out.push(`<p class="facts">${facts.join(' · ')}</p>`);
  out.push(`<p class="summary">${escapeHtml(findingSummary(o))}</p>`);

  // ---- the matrix ----
  out.push('<h3>Who does what</h3>');
  if (o.matrix.activities.length === 0) {
    out.push('<p>The plan defines no activities yet.</p>');
  } else {
    out.push('<p class="legend"><span class="mark owner">O</span> owner · <span class="mark participant">P</span> participant · <span class="mark loadTesting">L</span> sets the load-testing criteria</p>');
    out.push('<div class="scroll"><table class="matrix">');
    out.push('<caption>Activities (rows) and the people in them (columns)</caption>');
    out.push('<thead><tr><th scope="col" class="corner">Activity</th>');
    for (const id of o.matrix.people) {
      const person = byId.get(id);
      out.push(`<th scope="col" class="person${person?.defined === false ? ' undefined' : ''}"><span class="vertical">${escapeHtml(who(id))}${person?.defined === false ? ' (not defined)' : ''}</span></th>`);
    }
    out.push('<th scope="col">Sides</th><th scope="col">Gaps</th><th scope="col">Findings</th></tr></thead><tbody>');
    // The hot loop of a big plan (activities × people): strings built once per person and per kind of cell.
    const escapedNames = new Map(o.matrix.people.map((id) => [id, escapeHtml(who(id))]));
    for (const a of o.matrix.activities) {
      const cells = new Map(a.cells.map((c) => [c.person, c]));
      const inActivity = `: %ROLES% in ${escapeHtml(a.label)}`;
      let row = `<tr><th scope="row">${jump(a.place, escapeHtml(a.label), `Go to ${a.label}`)}</th>`;
      for (const id of o.matrix.people) {
        const cell = cells.get(id);
        if (!cell) {
          row += '<td></td>';
          continue;
        }
        const letters = cell.marks.length === 1 ? MARK_LETTERS[cell.marks[0]!] : cell.marks.map((m) => MARK_LETTERS[m]).join(' ');
        const roles = cell.marks.length === 1 ? MARK_LABELS[cell.marks[0]!] : cell.marks.map((m) => MARK_LABELS[m]).join(' and ');
        row += options.interactive
          ? `<td class="mark ${cell.marks[0]}"><button type="button" class="cell" data-line="${cell.place.line}" data-column="${cell.place.column}" aria-label="${escapedNames.get(id)}${inActivity.replace('%ROLES%', roles)}">${letters}</button></td>`
          : `<td class="mark ${cell.marks[0]}"><abbr title="${roles}">${letters}</abbr></td>`;
      }
      out.push(row);
      const sides = (Object.keys(SIDE_LABELS) as (keyof typeof SIDE_LABELS)[]).filter((s) => a.sides[s]).map((s) => SIDE_LABELS[s]);
      out.push(`<td class="sides">${escapeHtml(sides.join(', ') || 'nobody')}</td>`);
      out.push(`<td class="gaps">${a.gaps.map((g) => `<span class="gap">${escapeHtml(gapText(g))}</span>`).join(' ')}</td>`);
      const found = a.findings.map((i) => o.findings.list[i]!);
      out.push(`<td class="found">${found.map((f) => jump(f.place, `<span class="sev ${f.severity}">${SEVERITY_LETTER[f.severity]}</span> <code title="${escapeHtml(f.message)}">${escapeHtml(f.ruleId)}</code>`, `${f.severity}: ${f.message}`)).join('<br>')}</td>`);
      out.push('</tr>');
    }
    out.push('</tbody></table></div>');
  }
  if (o.matrix.notPlanned.length > 0) {
    out.push(`<p class="note">Not in the plan: ${escapeHtml(o.matrix.notPlanned.map((a) => a.label).join(', '))}.</p>`);
  }
  if (o.matrix.inNoActivity.length > 0) {
    out.push(`<p class="note">In no activity: ${escapeHtml(o.matrix.inNoActivity.map(who).join(', '))}.</p>`);
  }

  // ---- roles ----
  out.push('<h3>Roles</h3><table class="list"><thead><tr><th scope="col">Role</th><th scope="col">Held by</th></tr></thead><tbody>');
  for (const role of o.roles) {
    const holders = role.holders.length === 0
      ? '<span class="missing">nobody</span>'
      : role.holders.map((h) => jump(h.place, escapeHtml(who(h.person) + (h.allocation !== undefined ? `, ${h.allocation}%` : '')), `Go to ${who(h.person)} as ${role.label}`)).join(', ');
    out.push(`<tr><th scope="row">${escapeHtml(role.label)}</th><td>${holders}</td></tr>`);
  }
  out.push('</tbody></table>');

  // ---- coverage ----
  out.push('<h3>Coverage</h3><table class="list"><caption>Technical functions</caption><thead><tr><th scope="col">Function</th><th scope="col">Needed here</th><th scope="col">Filled by</th></tr></thead><tbody>');
  for (const fn of o.coverage.technicalFunctions) {
    const holders = fn.holders.length === 0
      ? `<span class="${fn.required ? 'missing' : 'muted'}">${fn.required ? 'nobody (needed)' : 'nobody'}</span>`
      : fn.holders.map((h) => jump(h.place, escapeHtml(who(h.person) + (h.allocation !== undefined ? `, ${h.allocation}%` : '')), `Go to ${who(h.person)} for ${fn.label}`)).join(', ');
    out.push(`<tr><th scope="row">${escapeHtml(fn.label)}</th><td>${fn.required ? 'yes' : 'no'}</td><td>${holders}</td></tr>`);
  }
  out.push('</tbody></table>');
  if (o.coverage.activityGaps.length === 0) {
    out.push('<p class="note">Every activity in the plan has an owner and the sides the checks ask for.</p>');
  } else {
    out.push('<ul class="gaps-list">');
    for (const g of o.coverage.activityGaps) {
      const activity = o.matrix.activities.find((a) => a.id === g.activity)!;
      out.push(`<li>${jump(activity.place, escapeHtml(activity.label), `Go to ${activity.label}`)}: ${escapeHtml(g.gaps.map(gapText).join('; '))}</li>`);
    }
    out.push('</ul>');
  }

  // ---- load ----
  out.push('<h3>Load</h3>');
  if (o.load.length === 0) {
    out.push('<p>Nobody holds a role yet.</p>');
  } else {
    out.push('<table class="list"><caption>Stated allocations per person, across their roles</caption><thead><tr><th scope="col">Person</th><th scope="col">Stated total</th><th scope="col">Allocations</th><th scope="col">Roles without an allocation</th></tr></thead><tbody>');
    for (const l of o.load) {
      const over = l.total > l.capacity;
      // An allocation in another plan of the scope names that plan and is not a place in this one.
      const allocations = l.allocations.map((a) => a.file !== undefined && a.file !== o.file
        ? escapeHtml(`${a.percent}% as ${a.role} in ${a.file}`)
        : jump(a.place, escapeHtml(`${a.percent}% as ${a.role}`), `Go to ${who(l.person)}'s allocation as ${a.role}`)).join(', ');
      out.push(`<tr><th scope="row">${escapeHtml(who(l.person))}</th><td class="num${over ? ' over' : ''}">${l.allocations.length === 0 ? 'none stated' : `${l.total}%`}${over ? ' <strong>(over ' + l.capacity + '%)</strong>' : ''}</td><td>${allocations}</td><td>${escapeHtml(l.unstated.join(', '))}</td></tr>`);
    }
    out.push('</tbody></table>');
  }

  // ---- findings ----
  out.push('<h3>Findings</h3>');
  if (o.findings.list.length === 0) {
    out.push('<p>No findings.</p>');
  } else {
    out.push('<table class="list"><caption>By rule</caption><thead><tr><th scope="col">Rule</th><th scope="col">Severity</th><th scope="col">Count</th></tr></thead><tbody>');
    for (const r of o.findings.byRule) {
      out.push(`<tr><th scope="row">${ruleLink(r.ruleId, r.href)}</th><td><span class="sev ${r.severity}">${SEVERITY_LETTER[r.severity]}</span> ${r.severity}</td><td class="num">${r.count}</td></tr>`);
    }
    out.push('</tbody></table>');
    out.push('<table class="list findings"><caption>Every finding</caption><thead><tr><th scope="col">Line</th><th scope="col">Severity</th><th scope="col">Message</th><th scope="col">Rule</th></tr></thead><tbody>');
    for (const f of o.findings.list) {
      out.push(`<tr><td class="num">${jump(f.place, String(f.place.line), `Go to line ${f.place.line}: ${f.message}`)}</td><td><span class="sev ${f.severity}">${SEVERITY_LETTER[f.severity]}</span> ${f.severity}</td><td>${inlineCode(f.message)}</td><td>${ruleLink(f.ruleId, f.href)}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  out.push('</section>');
  return out.join('\n');
}

/** "2 errors, 5 warnings, 1 info, 0 hints", or "No findings." */
export function findingSummary(o: Overview): string {
  const c = o.findings.counts;
  if (c.error + c.warning + c.info + c.hint === 0) return 'No findings.';
  return `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.info, 'info', 'info')}, ${plural(c.hint, 'hint')}.`;
}

export function gapText(gap: Gap): string {
  if (gap.kind === 'owner') return 'no owner';
  return `needs someone ${gap.kind === 'external' ? 'from an outside party' : `from the ${SIDE_LABELS[gap.kind]} side`}`;
}

export function displayName(person: OverviewPerson | undefined, id: string): string {
  return person?.name !== undefined ? `${person.name} (${id})` : id;
}

/** The styles shared by the report and the webview; colours come from the variables each of them defines. */
export const OVERVIEW_CSS = `
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 14px; line-height: 1.4; color: var(--fg); background: var(--bg); margin: 0; padding: 16px 24px; }
h1 { font-size: 1.5em; margin: 0 0 .5em; }
h2 { font-size: 1.3em; margin: 1.2em 0 .2em; border-bottom: 1px solid var(--border); padding-bottom: .2em; }
h3 { font-size: 1.05em; margin: 1.2em 0 .4em; }
p { margin: .3em 0; }
.facts, .note, .muted, caption, .file { color: var(--muted); }
.summary { font-weight: 600; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .92em; }
a { color: var(--link); }
table { border-collapse: collapse; margin: .3em 0 .8em; }
caption { text-align: left; padding: .2em 0; font-size: .9em; }
th, td { border: 1px solid var(--border); padding: 3px 6px; text-align: left; vertical-align: top; }
/* Long unbroken words (a plan's path in the load across a scope) wrap rather than push a table past the page. */
table.list td { overflow-wrap: anywhere; }
thead th { background: var(--head-bg); }
tbody th { font-weight: 600; white-space: nowrap; }
.scroll { overflow-x: auto; }
.matrix td.mark, .matrix td:empty { text-align: center; min-width: 1.6em; font-weight: 700; }
.matrix th.person { vertical-align: bottom; padding: 4px 2px; }
.matrix th.person .vertical { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-weight: 600; }
.matrix th.undefined { color: var(--error); }
.mark.owner { background: var(--owner-bg); }
.mark.participant { background: var(--participant-bg); }
.mark.loadTesting { background: var(--load-bg); }
span.mark { display: inline-block; min-width: 1.2em; text-align: center; font-weight: 700; border: 1px solid var(--border); }
.gap, .missing { color: var(--error); font-weight: 600; }
.gap + .gap::before { content: "; "; }
.sev { display: inline-block; min-width: 1.2em; text-align: center; font-weight: 700; border-radius: 3px; color: var(--sev-fg); }
.sev.error { background: var(--error); }
.sev.warning { background: var(--warning); }
.sev.info { background: var(--info); }
.sev.hint { background: var(--hint); }
.num { text-align: right; white-space: nowrap; }
.over { color: var(--error); }
abbr { text-decoration: none; }
button.jump, button.cell { font: inherit; color: inherit; background: transparent; border: 0; padding: 0; margin: 0; cursor: pointer; text-align: inherit; }
button.jump { text-decoration: underline dotted; }
button.cell { width: 100%; font-weight: 700; }
button:focus-visible, a:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
`;

/** The report's colours: light and dark by the reader's preference, and a plain printable page. */
export const REPORT_CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --border: #d1d9e0; --head-bg: #f6f8fa; --link: #0969da;
  --owner-bg: #b6e3ff; --participant-bg: #e4f2e6; --load-bg: #fff1c2; --error: #cf222e; --warning: #9a6700; --info: #0969da; --hint: #6e7781; --sev-fg: #ffffff; --focus: #0969da; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --border: #3d444d; --head-bg: #151b23; --link: #4493f8;
    --owner-bg: #0c4a6e; --participant-bg: #1f3d2a; --load-bg: #4d3c00; --error: #f85149; --warning: #d29922; --info: #4493f8; --hint: #9198a1; --sev-fg: #0d1117; --focus: #4493f8; }
}
@page { margin: 12mm; }
@media print {
  :root { --fg: #000; --bg: #fff; --muted: #444; --border: #888; --head-bg: #eee; --link: #000; --owner-bg: #d0d0d0; --participant-bg: #f0f0f0; --load-bg: #e4e4e4; --error: #000; --warning: #333; --info: #555; --hint: #777; --sev-fg: #fff; }
  body { font-size: 9pt; padding: 0; }
  .scroll { overflow: visible; }
  section.plan { break-before: page; }
  section.plan:first-of-type { break-before: auto; }
  tr, h3 { break-inside: avoid; }
  h3 { break-after: avoid; }
  a { text-decoration: none; }
}
`;

/** The webview's colours: VS Code's theme variables, so the overview follows the editor's theme. */
export const WEBVIEW_CSS = `
:root { --fg: var(--vscode-foreground); --bg: var(--vscode-editor-background); --muted: var(--vscode-descriptionForeground);
  --border: var(--vscode-panel-border, var(--vscode-editorWidget-border)); --head-bg: var(--vscode-editorWidget-background); --link: var(--vscode-textLink-foreground);
  --owner-bg: var(--vscode-diffEditor-insertedLineBackground, rgba(0,120,212,.25)); --participant-bg: var(--vscode-editor-inactiveSelectionBackground); --load-bg: var(--vscode-editor-findMatchHighlightBackground);
  --error: var(--vscode-errorForeground); --warning: var(--vscode-editorWarning-foreground); --info: var(--vscode-editorInfo-foreground); --hint: var(--vscode-descriptionForeground);
  --sev-fg: var(--vscode-editor-background); --focus: var(--vscode-focusBorder); }
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
code { font-family: var(--vscode-editor-font-family); }
`;

/** The report: one self-contained HTML page for the given plans. */
export function renderReportPage(overviews: readonly Overview[], title = 'CRM team overview'): string {
  const toc = overviews.length > 1
    ? `<nav aria-label="Plans"><ul>${overviews.map((o, i) => `<li><a href="#plan-${i + 1}">${escapeHtml(o.project.name ?? o.file ?? `Plan ${i + 1}`)}</a> (${escapeHtml(findingSummary(o))})</li>`).join('')}</ul></nav>`
    : '';
  const sections = overviews.map((o, i) => `<div id="plan-${i + 1}">\n${renderOverviewSection(o, { interactive: false })}\n</div>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}${OVERVIEW_CSS}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${toc}
${sections}
</main>
</body>
</html>
`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Backquoted words in a message as `<code>`, the rest escaped. */
function inlineCode(message: string): string {
  return message.split('`').map((part, i) => (i % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part))).join('');
}
