// What a person sees: in a loaded VS Code workbench (a playwright-core Page), open a file, wait for a squiggle, read
// the Problems panel, hover, take a screenshot. Used by launch.mjs when runInVSCode({ uiCheck }) is given; usable on
// its own with any Page showing a workbench.
//
//   const r = await uiCheck(page, { file: 'team.crmteam.yaml', expectSquiggle: 'error',
//     problemText: 'missing owner', hoverText: 'Owner', screenshot: '/tmp/ui.png' });
//   // r = { ok: true, opened: 'quickopen', squiggles: { error: 1, warning: 0 }, problems: [...], hover: '...' }
//
// Throws (with what it saw) when something expected does not appear; launch.mjs turns that into exit code 1.

const sel = {
  workbench: '.monaco-workbench',
  editor: '.part.editor .editor-instance .monaco-editor',
  quickInput: '.quick-input-widget',
  quickRows: '.quick-input-widget .quick-input-list .monaco-list-row',
  explorerRows: '.explorer-folders-view .monaco-list-row',
  problemsRows: '.markers-panel .monaco-list-row',
  hover: '.monaco-hover',
};
const squiggleSel = { error: '.squiggly-error', warning: '.squiggly-warning', any: '.squiggly-error, .squiggly-warning' };

/**
 * @param {import('playwright-core').Page} page
 * @param {object} o
 * @param {string} o.file                 workspace-relative path (or just the file name) of the file to open
 * @param {'error'|'warning'|'any'|false} [o.expectSquiggle='any'] squiggle to wait for; false: none expected
 * @param {string} [o.problemText]         text the Problems panel must show (default: any entry when a squiggle is expected)
 * @param {string} [o.hoverText]           text the hover must contain (no hover check when omitted)
 * @param {string} [o.hoverWord]           hover over the first occurrence of this word instead of the squiggle
 * @param {string} [o.screenshot]          PNG path
 * @param {object} [o.overview]            { file, cell, screenshot }: open the Team Overview, click `cell`, land on its line
 * @param {'quickopen'|'explorer'} [o.open='quickopen'] how to open the file (falls back to the other one)
 * @param {number} [o.stepTimeoutMs=60000] per wait
 * @param {(msg: string) => void} [o.log]
 */
export async function uiCheck(page, o) {
  const log = o.log ?? (() => {});
  const timeout = o.stepTimeoutMs ?? 60_000;
  const expect = o.expectSquiggle === undefined ? 'any' : o.expectSquiggle;
  const base = o.file.split('/').pop();
  const r = { ok: false, opened: null, squiggles: { error: 0, warning: 0 }, problems: [], hover: '', screenshot: o.screenshot ?? null };

  await page.waitForSelector(sel.workbench, { timeout });
  // the Explorer shows the folder once the remote connection and file service are up
  await page.waitForSelector(sel.explorerRows, { timeout });
  log('ui-check: workbench ready');

  // ---- open the file
  const opened = async () => {
    const tab = page.locator('.part.editor .tab.active').filter({ hasText: base });
    await tab.first().waitFor({ timeout: 10_000 });
    await page.waitForSelector(`${sel.editor} .view-lines`, { timeout });
  };
  const viaQuickOpen = async () => {
    await page.locator('.part.editor').click({ position: { x: 5, y: 40 } }).catch(() => {}); // focus the workbench
    await page.keyboard.press('Control+P');
    await page.waitForSelector(`${sel.quickInput} input`, { state: 'visible', timeout: 10_000 });
    await page.keyboard.type(o.file, { delay: 10 });
    await page.locator(sel.quickRows).filter({ hasText: base }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await opened();
    r.opened = 'quickopen';
  };
  const viaExplorer = async () => {
    await page.keyboard.press('Escape').catch(() => {});
    const parts = o.file.split('/');
    for (const [i, name] of parts.entries()) {
      const row = page.locator(sel.explorerRows).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRe(name)}$`) }) }).first();
      await row.waitFor({ timeout: 15_000 });
      const expanded = await row.getAttribute('aria-expanded');
      if (i < parts.length - 1 && expanded === 'true') continue;
      await row.click();
    }
    await opened();
    r.opened = 'explorer';
  };
  const [first, second] = o.open === 'explorer' ? [viaExplorer, viaQuickOpen] : [viaQuickOpen, viaExplorer];
  try {
    await first();
  } catch (e) {
    log(`ui-check: opening via ${first === viaQuickOpen ? 'Quick Open' : 'the Explorer'} failed (${e.message.split('\n')[0]}), trying the other way`);
    await second();
  }
  log(`ui-check: ${o.file} open (via ${r.opened})`);

  // ---- squiggles
  const count = async () => ({
    error: await page.locator(`${sel.editor} .squiggly-error`).count(),
    warning: await page.locator(`${sel.editor} .squiggly-warning`).count(),
  });
  if (expect) {
    await page.waitForSelector(`${sel.editor} :is(${squiggleSel[expect]})`, { timeout }).catch(async (e) => {
      throw new Error(`no ${expect} squiggle in ${o.file} (${e.message.split('\n')[0]}); squiggles: ${JSON.stringify(await count())}`);
    });
  } else {
    await page.waitForTimeout(2000); // give diagnostics a chance to (wrongly) show up
  }
  r.squiggles = await count();
  log(`ui-check: squiggles ${JSON.stringify(r.squiggles)}`);
  if (expect === false && (r.squiggles.error || r.squiggles.warning)) throw new Error(`unexpected squiggles ${JSON.stringify(r.squiggles)}`);

  // ---- Problems panel
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel', { timeout });
  if (expect || o.problemText) {
    await page.waitForFunction(([rows, text]) => {
      const t = [...document.querySelectorAll(rows)].map((e) => e.innerText).join('\n');
      return text ? t.includes(text) : t.trim().length > 0;
    }, [sel.problemsRows, o.problemText ?? ''], { timeout }).catch(async () => {
      const seen = await page.locator(sel.problemsRows).allInnerTexts();
      throw new Error(`Problems panel lacks ${JSON.stringify(o.problemText ?? 'any entry')}; it shows ${JSON.stringify(seen)}`);
    });
  }
  r.problems = (await page.locator(sel.problemsRows).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  log(`ui-check: problems ${JSON.stringify(r.problems)}`);

  // ---- hover (over a given word, or over the first squiggle)
  if (o.hoverText) {
    const target = o.hoverWord
      ? page.locator(`${sel.editor} .view-line span span`).filter({ hasText: o.hoverWord }).first()
      : page.locator(`${sel.editor} :is(${squiggleSel[expect || 'any']})`).first();
    let box = await target.boundingBox();
    if (!box) throw new Error(`nothing to hover (${o.hoverWord ? `word ${o.hoverWord}` : 'squiggle'} not visible)`);
    if (o.hoverWord) { // the span may hold more than the word: aim at the word's first letter
      const text = await target.innerText();
      const at = Math.max(0, text.indexOf(o.hoverWord));
      const cw = box.width / Math.max(1, text.length);
      box = { x: box.x + at * cw, y: box.y, width: Math.min(box.width, o.hoverWord.length * cw), height: box.height };
    }
    const x = box.x + Math.min(box.width / 2, 12);
    const y = box.y + box.height / 2;
    const shown = (ms) => page.waitForFunction((text) => [...document.querySelectorAll('.monaco-hover')]
      .some((h) => h.offsetParent !== null && !h.classList.contains('hidden') && h.innerText.includes(text)),
    o.hoverText, { timeout: ms });
    let ok = false;
    for (let attempt = 0; attempt < 3 && !ok; attempt++) { // hovers need a real mouse move; retry a couple of times
      await page.mouse.move(x - 30, y + 40);
      await page.mouse.move(x, y, { steps: 3 });
      await page.mouse.move(x + 2, y);
      ok = await shown(attempt === 0 ? Math.min(10_000, timeout) : 3000).then(() => true, () => false);
    }
    r.hover = (await page.locator(sel.hover).allInnerTexts()).join(' | ').replace(/\s+/g, ' ').trim();
    log(`ui-check: hover ${JSON.stringify(r.hover)}`);
    if (!ok) throw new Error(`hover lacks ${JSON.stringify(o.hoverText)}; it shows ${JSON.stringify(r.hover)}`);
  }

  if (o.screenshot) {
    await page.screenshot({ path: o.screenshot });
    log(`ui-check: screenshot ${o.screenshot}`);
  }
  if (o.overview) r.overview = await overviewCheck(page, o.overview, timeout, log);
  r.ok = true;
  return r;
}

/**
 * The Team Overview as a person uses it: open a plan, run "CRM Team: Open Team Overview" from the command palette, see
 * the matrix in the webview, click a cell, and land on its line in the plan (the status bar's "Ln, Col").
 * @param {{ file: string, cell: string, screenshot?: string }} ov  `cell`: the aria-label of the cell to click
 */
async function overviewCheck(page, ov, timeout, log) {
  const base = ov.file.split('/').pop();
  await page.keyboard.press('Escape').catch(() => {});
  // Room for the editor and the webview: hide the panel (Problems) that the checks above opened.
  if (await page.locator('.part.panel').isVisible().catch(() => false)) await page.keyboard.press('Control+J');
  await page.keyboard.press('Control+P');
  await page.waitForSelector(`${sel.quickInput} input`, { state: 'visible', timeout: 10_000 });
  await page.keyboard.type(ov.file, { delay: 10 });
  await page.locator(sel.quickRows).filter({ hasText: base }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.part.editor .tab.active').filter({ hasText: base }).first().waitFor({ timeout });
  await runCommand(page, 'CRM Team: Open Team Overview', timeout);
  log('ui-check: Team Overview command run');

  // The webview is an iframe inside an iframe; find the frame that holds the overview's matrix.
  const end = Date.now() + timeout;
  let frame;
  while (!frame) {
    for (const f of page.frames()) {
      if (await f.$('table.matrix').catch(() => null)) { frame = f; break; }
    }
    if (!frame) {
      if (Date.now() > end) throw new Error('the Team Overview webview never showed a matrix');
      await page.waitForTimeout(200);
    }
  }
  const cells = await frame.locator('table.matrix button.cell').count();
  const matrixBox = await frame.locator('table.matrix').boundingBox();
  if (!matrixBox || matrixBox.width < 100 || matrixBox.height < 100) throw new Error(`the matrix is not visible (${JSON.stringify(matrixBox)})`);
  log(`ui-check: overview matrix with ${cells} cells`);
  await frame.locator('table.matrix').scrollIntoViewIfNeeded();
  if (ov.screenshot) {
    await page.screenshot({ path: ov.screenshot });
    log(`ui-check: screenshot ${ov.screenshot}`);
  }

  const cell = frame.locator(`button.cell[aria-label="${ov.cell.replace(/"/g, '\\"')}"]`);
  await cell.waitFor({ timeout: 10_000 });
  const line = Number(await cell.getAttribute('data-line'));
  const column = Number(await cell.getAttribute('data-column'));
  // Keyboard first (focus and Enter), as a person without a mouse would; a click on a second cell after that.
  await cell.focus();
  await page.keyboard.press('Enter');
  const landed = `Ln ${line}, Col ${column}`;
  await page.locator('.statusbar-item').filter({ hasText: landed }).first().waitFor({ timeout: 15_000 }).catch(async () => {
    const seen = await page.locator('.statusbar-item').allInnerTexts();
    throw new Error(`activating the cell did not land on ${landed}; the status bar shows ${JSON.stringify(seen.filter((t) => /Ln \d/.test(t)))}`);
  });
  const other = frame.locator('table.matrix button.cell').first();
  const otherAt = `Ln ${await other.getAttribute('data-line')}, Col ${await other.getAttribute('data-column')}`;
  await other.click();
  await page.locator('.statusbar-item').filter({ hasText: otherAt }).first().waitFor({ timeout: 15_000 }).catch(() => {
    throw new Error(`clicking the first cell did not land on ${otherAt}`);
  });
  const activeTab = (await page.locator('.part.editor .tab.active').allInnerTexts()).join(' | ');
  log(`ui-check: overview cell "${ov.cell}" → ${landed}; first cell → ${otherAt}; active tabs ${activeTab}`);
  return { cells, landed, clickedFirst: otherAt, activeTab };
}

async function runCommand(page, title, timeout) {
  await page.keyboard.press('F1');
  await page.waitForSelector(`${sel.quickInput} input`, { state: 'visible', timeout: 10_000 });
  await page.keyboard.type(title, { delay: 5 });
  await page.locator(sel.quickRows).filter({ hasText: title }).first().waitFor({ timeout: Math.min(timeout, 15_000) });
  await page.keyboard.press('Enter');
}

function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }
