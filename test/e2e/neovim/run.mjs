// Neovim as a second, independent LSP client: runs lsp-client.lua in `nvim --headless` against a language server
// spoken to over stdio, and returns what Neovim got back (diagnostics, hover, code actions, ...) as an object.
// Needs Debian's neovim (0.7.2 on bookworm; `bash scripts/e2e-setup.sh` installs it).
//
//   import { runNeovimLsp } from './run.mjs';
//   const r = await runNeovimLsp({ serverCmd: [process.execPath, 'dist/server.js', '--stdio'],
//     file: 'examples/team.crmteam.yaml', checks: { hover: { line: 0, character: 2 }, codeActions: { line: 3, character: 4 } } });
//   assert.ok(r.diagnostics.length > 0); assert.match(r.hover.text, /owner/);
//
// Plain JavaScript (ESM), runs on the machine's Node 20 with no build step.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const LUA = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lsp-client.lua');

/** { ok, version, missing }: whether a usable nvim (>= 0.7) is on PATH (or at $NVIM_BIN). */
export function neovimAvailable(nvim = process.env.NVIM_BIN || 'nvim') {
  const r = spawnSync(nvim, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NVIM_LOG_FILE: '/dev/null' } }); // else even --version creates ~/.cache/nvim
  const m = /NVIM v(\d+)\.(\d+)\.(\d+)/.exec(r.stdout ?? '');
  if (!m) return { ok: false, version: null, missing: `${nvim} (run \`bash scripts/e2e-setup.sh\`)` };
  const ok = Number(m[1]) > 0 || Number(m[2]) >= 7;
  return { ok, version: `${m[1]}.${m[2]}.${m[3]}`, missing: ok ? null : `nvim >= 0.7 (found ${m[0]})` };
}

/**
 * @param {object} o
 * @param {string[]} o.serverCmd   command that starts the language server speaking LSP on stdio
 * @param {string} o.file          the document to open (its language server sees it via didOpen)
 * @param {object} [o.checks]      what to ask; every key optional:
 *   diagnostics: true (default) | false | { minCount, timeoutMs }  wait for a publishDiagnostics for the file
 *   hover: { line, character }                                     textDocument/hover (LSP positions, 0-based)
 *   codeActions: { line, character } | { start, end, only }        textDocument/codeAction with overlapping diagnostics
 *   completion: { line, character }                                textDocument/completion
 *   requests: [{ name, method, params }]                           anything else (textDocument filled in)
 *   applyCodeAction: 'title substring'                             apply it, wait for re-published diagnostics
 * @param {string} [o.rootDir]     workspace root (default: the file's folder); also the server's cwd
 * @param {object} [o.settings]    answered to workspace/configuration, sent as settings
 * @param {object} [o.initializationOptions]
 * @param {number} [o.timeoutMs=30000]  whole run; nvim's own waits use timeoutMs - 5 s
 * @param {object} [o.env]         extra environment (nvim and so the server)
 * @param {boolean} [o.verbose]    default VERBOSE env: print nvim's log lines and stderr
 * @param {boolean} [o.keepState]  default CRMTEAM_E2E_KEEP_STATE env: keep the state dir (config, result, nvim logs)
 * @returns {Promise<object>} the result JSON: { nvim, file, uri, serverInfo, capabilities, diagnostics (LSP form),
 *   nvimDiagnostics, diagnosticsTimedOut, publishCount, hover: { text, range, raw } | null, codeActions, completion,
 *   requests, afterCodeAction, serverExit, errors[], log[], durationMs, exitCode, ok }
 *   (ok: nvim exited 0, no errors, diagnostics arrived in time)
 *   Rejects when nvim cannot run, times out, or writes no result.
 */
export async function runNeovimLsp(o) {
  const t0 = Date.now();
  const verbose = o.verbose ?? !!process.env.VERBOSE;
  const keepState = o.keepState ?? !!process.env.CRMTEAM_E2E_KEEP_STATE;
  const timeoutMs = o.timeoutMs ?? 30_000;
  const nvim = o.nvim ?? process.env.NVIM_BIN ?? 'nvim';
  if (!Array.isArray(o.serverCmd) || o.serverCmd.length === 0) throw new Error('runNeovimLsp: serverCmd must be a non-empty array');
  const file = path.resolve(o.file);
  if (!fs.existsSync(file)) throw new Error(`runNeovimLsp: no such file ${file}`);
  const rootDir = path.resolve(o.rootDir ?? path.dirname(file));

  const state = fs.mkdtempSync(path.join(o.stateRoot ?? process.env.CRMTEAM_E2E_STATE_ROOT ?? os.tmpdir(), 'crmteam-nvim-e2e-'));
  const out = path.join(state, 'result.json');
  const cfgFile = path.join(state, 'config.json');
  fs.writeFileSync(cfgFile, JSON.stringify({
    out, serverCmd: o.serverCmd, rootDir, checks: o.checks ?? {}, settings: o.settings,
    initializationOptions: o.initializationOptions, timeoutMs: Math.max(1000, timeoutMs - 5000),
    requestTimeoutMs: o.requestTimeoutMs,
  }, null, 2));
  // nvim writes its log, lsp.log, shada, swap under the XDG dirs: keep them in the state dir
  const xdg = Object.fromEntries(['CONFIG', 'CACHE', 'DATA', 'STATE'].map((k) => [`XDG_${k}_HOME`, path.join(state, k.toLowerCase())]));
  for (const d of Object.values(xdg)) fs.mkdirSync(d, { recursive: true });

  let child;
  const killGroup = (sig) => { if (child?.pid) { try { process.kill(-child.pid, sig); } catch { /* gone */ } } };
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);
  let stderr = '';
  try {
    child = spawn(nvim, ['--headless', '-n', '-i', 'NONE', '-u', 'NONE', '--noplugin', '-c', `luafile ${LUA}`, file], {
      cwd: rootDir,
      // own process group: the language server started by nvim is in it too, and dies with it
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...xdg, ...o.env, CRMTEAM_NVIM_CONFIG: cfgFile, NVIM_LOG_FILE: path.join(state, 'nvim.log') },
    });
    child.stdout.on('data', (d) => { if (verbose) process.stdout.write(`[nvim] ${d}`); });
    child.stderr.on('data', (d) => { stderr += d; if (verbose) process.stderr.write(`[nvim:err] ${d}`); });
    const exitCode = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        killGroup('SIGTERM');
        setTimeout(() => killGroup('SIGKILL'), 2000).unref();
        const e = new Error(`nvim timed out after ${timeoutMs} ms${partial()}`);
        e.code = 124;
        reject(e);
      }, timeoutMs);
      child.on('error', (e) => { clearTimeout(timer); reject(new Error(`cannot run ${nvim}: ${e.message} (run \`bash scripts/e2e-setup.sh\`)`)); });
      child.on('exit', (c, s) => { clearTimeout(timer); resolve(c ?? s); });
    });
    if (!fs.existsSync(out)) throw new Error(`nvim exited (${exitCode}) without a result${partial()}`);
    const result = JSON.parse(fs.readFileSync(out, 'utf8'));
    result.exitCode = exitCode;
    result.ok = exitCode === 0 && (result.errors ?? []).length === 0 && !result.diagnosticsTimedOut;
    result.durationMs = Date.now() - t0;
    if (verbose) for (const l of result.log ?? []) console.log(`[nvim-lsp] ${l}`);
    return result;
  } finally {
    // whatever is left of nvim's group (the language server if it ignored shutdown/exit): TERM, then KILL
    killGroup('SIGTERM');
    for (let i = 0; i < 20 && groupAlive(child?.pid); i++) await new Promise((r) => setTimeout(r, 50));
    killGroup('SIGKILL');
    process.removeListener('exit', onExit);
    if (keepState) console.log(`[nvim-lsp] state kept in ${state}`);
    else fs.rmSync(state, { recursive: true, force: true });
  }

  function partial() {
    const logFile = path.join(state, 'nvim.log');
    return `\n--- nvim stderr\n${stderr.slice(-3000)}${fs.existsSync(logFile) ? `\n--- nvim.log\n${fs.readFileSync(logFile, 'utf8').slice(-3000)}` : ''}`;
  }
}

function groupAlive(pgid) {
  if (!pgid) return false;
  try { process.kill(-pgid, 0); return true; } catch { return false; }
}
