// Opens an HTML report of `crmteam report` in headless Chromium (the one the editor tests use) and checks what a reader
// sees: the matrix is on the first screen and really painted (a screenshot of its area changes when it is hidden),
// dark mode follows the reader's preference, and the page prints on A4 and on Letter with the matrix inside the page.
// Prints one JSON line with the measurements; exits 1 with the reason when a check fails.
//
//   node test/e2e/report/check-report.mjs team.html [screenshot.png]
//
// Plain ESM run by test/editors/report.test.ts in a child process (playwright needs code generation from strings).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { e2eAvailable } from '../vscode/launch.mjs';

const [file, screenshot] = process.argv.slice(2);
const tooling = e2eAvailable();
if (!tooling.ok) {
  console.error(`real-editor tooling missing (${tooling.missing.join(', ')}): run \`bash scripts/e2e-setup.sh\``);
  process.exit(1);
}
const { chromium } = createRequire(import.meta.url)(tooling.paths.playwrightCore);
const browser = await chromium.launch({ executablePath: tooling.paths.chromium, args: ['--no-sandbox'] });
const fail = (message) => { throw new Error(message); };
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  // No request may leave the file: the report is self-contained.
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
  await page.goto(pathToFileURL(path.resolve(file)).href);

  const matrix = page.locator('table.matrix').first();
  const box = await matrix.boundingBox();
  if (!box || box.width < 200 || box.height < 100) fail(`the matrix has no size: ${JSON.stringify(box)}`);
  if (box.y + Math.min(box.height, 200) > 900) fail(`the matrix starts below the first screen (y = ${box.y})`);
  // The first filled cell is what a point inside it hits: nothing covers the matrix.
  const hit = await page.evaluate(() => {
    const cell = document.querySelector('table.matrix td.mark');
    const r = cell.getBoundingClientRect();
    const at = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return { covered: !cell.contains(at) && at !== cell, letter: cell.textContent.trim() };
  });
  if (hit.covered || !/^[OPL]/.test(hit.letter)) fail(`the first cell is not visible as a letter: ${JSON.stringify(hit)}`);

  const clip = { x: box.x, y: box.y, width: Math.min(box.width, 1280 - box.x), height: Math.min(box.height, 900 - box.y) };
  const shown = await page.screenshot({ clip });
  await page.evaluate(() => { document.querySelector('table.matrix').style.visibility = 'hidden'; });
  const hidden = await page.screenshot({ clip });
  await page.evaluate(() => { document.querySelector('table.matrix').style.visibility = ''; });
  if (shown.equals(hidden)) fail('the screenshot of the matrix area is the same with the matrix hidden: nothing is painted');
  if (screenshot) await page.screenshot({ path: screenshot });

  const luminance = async () => page.evaluate(() => {
    const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  });
  const light = await luminance();
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await luminance();
  if (!(light > 0.9 && dark < 0.2)) fail(`light and dark backgrounds: ${light}, ${dark}`);

  // Print: the matrix fits the printable width of A4 (210 mm − 2 × 12 mm margins), and both paper sizes print.
  // Laid out at that width (CSS pixels at 96 per inch), nothing may stick out to the right.
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  const a4Printable = Math.floor(((210 - 24) / 25.4) * 96);
  await page.setViewportSize({ width: a4Printable, height: 1000 });
  const printWidth = await page.evaluate(() => Math.max(...[...document.querySelectorAll('table')].map((t) => t.getBoundingClientRect().right)));
  if (printWidth > a4Printable) fail(`in print a table reaches ${Math.round(printWidth)} px, past A4's printable ${a4Printable} px`);
  const pages = {};
  for (const format of ['A4', 'Letter']) {
    const pdf = await page.pdf({ format, printBackground: true });
    pages[format] = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    if (pages[format] < 1) fail(`no page printed on ${format}`);
  }
  if (requests.length > 0) fail(`the report requested ${requests.join(', ')}`);
  console.log(JSON.stringify({ ok: true, matrix: box, printWidth: Math.round(printWidth), a4Printable: Math.round(a4Printable), pages, light, dark }));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await browser.close();
}
