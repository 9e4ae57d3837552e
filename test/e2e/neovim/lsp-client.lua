-- Neovim (0.7+) as an independent LSP client for end-to-end tests. Driven by run.mjs; not meant to be used by hand
-- (but see test/e2e/README.md for doing exactly that when debugging).
--
--   CRMTEAM_NVIM_CONFIG=/path/config.json nvim --headless -n -i NONE -u NONE -c "luafile lsp-client.lua" FILE
--
-- config.json: { "out": "/path/result.json", "serverCmd": ["node", "server.js", "--stdio"], "rootDir": "/ws",
--   "timeoutMs": 20000, "checks": { ... see run.mjs ... } }
-- Starts the server over stdio (vim.lsp.start_client + buf_attach_client: Neovim 0.7 has no vim.lsp.start), waits
-- for published diagnostics, asks for hover / code actions / completion / any other request, optionally applies a
-- code action and waits for the re-published diagnostics, writes everything as JSON to `out` and quits.
-- Neovim 0.7 supports push diagnostics only (textDocument/publishDiagnostics), not pull.

local cfg_path = assert(os.getenv('CRMTEAM_NVIM_CONFIG'), 'CRMTEAM_NVIM_CONFIG not set')
local cfg = vim.json.decode(table.concat(vim.fn.readfile(cfg_path), '\n'))
local checks = cfg.checks or {}
local timeout = cfg.timeoutMs or 20000
local v = vim.version()
local result = {
  nvim = string.format('%d.%d.%d', v.major, v.minor, v.patch),
  file = nil, uri = nil, clientId = nil, serverInfo = nil, capabilities = nil,
  diagnostics = nil, diagnosticsTimedOut = false, publishCount = 0,
  hover = nil, codeActions = nil, completion = nil, requests = {}, afterCodeAction = nil,
  serverExit = nil, errors = {}, log = {},
}
local t0 = vim.loop.hrtime()
local function ms() return math.floor((vim.loop.hrtime() - t0) / 1e6) end
local function log(s) table.insert(result.log, string.format('[%dms] %s', ms(), s)) end
local function err(s) table.insert(result.errors, s); log('ERROR ' .. s) end

local function finish()
  result.durationMs = ms()
  local ok, json = pcall(vim.json.encode, result)
  if not ok then json = vim.json.encode({ errors = { 'could not encode result: ' .. tostring(json) }, log = result.log }) end
  vim.fn.writefile({ json }, cfg.out)
  -- stop the client politely (shutdown + exit) so the server can end on its own before nvim quits
  for _, c in pairs(vim.lsp.get_active_clients()) do c.stop() end
  vim.wait(1000, function() return next(vim.lsp.get_active_clients()) == nil end, 20)
  vim.cmd('qall!')
end

-- one LSP request, synchronously; returns the first client's result (or nil) and records errors
local function request(bufnr, method, params, label)
  local res, e = vim.lsp.buf_request_sync(bufnr, method, params, cfg.requestTimeoutMs or 10000)
  if not res then err(string.format('%s: %s', label or method, tostring(e or 'no response'))); return nil end
  for _, r in pairs(res) do
    if r.error then err(string.format('%s: %s', label or method, vim.inspect(r.error))) end
    return r.result
  end
  return nil
end

local function pos(p) return { line = p.line, character = p.character } end

-- Neovim 0.7 sends a request the server did not advertise and then waits for the full timeout: check first
local function supports(cap, label)
  if result.capabilities and result.capabilities[cap] then return true end
  err(label .. ': the server does not advertise ' .. cap)
  return false
end

local function main()
  local bufnr = vim.api.nvim_get_current_buf()
  result.file = vim.api.nvim_buf_get_name(bufnr)
  local uri = vim.uri_from_bufnr(bufnr)
  result.uri = uri
  local published = {} -- uri -> latest publishDiagnostics params
  local initialized = false

  local client_id = vim.lsp.start_client({
    name = cfg.name or 'crmteam-e2e',
    cmd = cfg.serverCmd,
    cmd_cwd = cfg.rootDir,
    root_dir = cfg.rootDir,
    workspace_folders = { { uri = vim.uri_from_fname(cfg.rootDir), name = vim.fn.fnamemodify(cfg.rootDir, ':t') } },
    init_options = cfg.initializationOptions,
    settings = cfg.settings,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, params, ctx, config)
        published[params.uri] = params
        if params.uri == uri then result.publishCount = result.publishCount + 1 end
        log(string.format('publishDiagnostics %s: %d', params.uri, #params.diagnostics))
        return vim.lsp.handlers['textDocument/publishDiagnostics'](e, params, ctx, config)
      end,
      -- answer workspace/configuration with the configured settings (or nulls)
      ['workspace/configuration'] = function(_, params)
        local out = {}
        for i, item in ipairs(params.items or {}) do
          local s = cfg.settings
          if s and item.section then for part in string.gmatch(item.section, '[^.]+') do s = type(s) == 'table' and s[part] or nil end end
          out[i] = s == nil and vim.NIL or s
        end
        return out
      end,
    },
    on_init = function(client, init_result)
      initialized = true
      result.serverInfo = init_result and init_result.serverInfo or nil
      local caps = init_result and init_result.capabilities or {}
      result.capabilities = {
        hoverProvider = caps.hoverProvider ~= nil and caps.hoverProvider ~= false,
        codeActionProvider = caps.codeActionProvider ~= nil and caps.codeActionProvider ~= false,
        completionProvider = caps.completionProvider ~= nil,
        diagnosticProvider = caps.diagnosticProvider ~= nil,
        textDocumentSync = caps.textDocumentSync,
      }
      log('initialized ' .. vim.inspect(result.serverInfo))
    end,
    on_exit = function(code, signal) result.serverExit = { code = code, signal = signal } end,
  })
  if not client_id then err('vim.lsp.start_client failed for ' .. table.concat(cfg.serverCmd, ' ')); return end
  result.clientId = client_id
  vim.lsp.buf_attach_client(bufnr, client_id)
  log('attached client ' .. client_id .. ' to ' .. result.file)
  if not vim.wait(timeout, function() return initialized or result.serverExit ~= nil end, 20) or not initialized then
    err('server did not initialize' .. (result.serverExit and string.format(' (exited: code %s, signal %s)',
      tostring(result.serverExit.code), tostring(result.serverExit.signal)) or ''))
    return
  end

  -- diagnostics (push)
  if checks.diagnostics ~= false then
    local dtimeout = type(checks.diagnostics) == 'table' and checks.diagnostics.timeoutMs or timeout
    local min = type(checks.diagnostics) == 'table' and checks.diagnostics.minCount or 0
    local got = vim.wait(dtimeout, function()
      return published[uri] ~= nil and #published[uri].diagnostics >= min
    end, 20)
    result.diagnosticsTimedOut = not got
    result.diagnostics = published[uri] and published[uri].diagnostics or {}
    -- what Neovim itself made of them (vim.diagnostic, 0-based lnum/col)
    result.nvimDiagnostics = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      table.insert(result.nvimDiagnostics, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
        severity = d.severity, message = d.message, source = d.source })
    end
  end

  -- hover
  if checks.hover and supports('hoverProvider', 'hover') then
    local r = request(bufnr, 'textDocument/hover', { textDocument = { uri = uri }, position = pos(checks.hover) }, 'hover')
    if r and r ~= vim.NIL and r.contents then
      local lines = vim.lsp.util.convert_input_to_markdown_lines(r.contents)
      result.hover = { text = table.concat(lines, '\n'), range = r.range, raw = r.contents }
    else
      result.hover = vim.NIL
    end
  end

  -- code actions at a position (or range), with the published diagnostics that touch it as context
  local function code_actions_at(spec)
    local s = pos(spec.start or spec)
    local e = spec['end'] and pos(spec['end']) or s
    local ctx_diags = {}
    for _, d in ipairs((published[uri] or {}).diagnostics or {}) do
      if d.range.start.line <= e.line and d.range['end'].line >= s.line then table.insert(ctx_diags, d) end
    end
    local r = request(bufnr, 'textDocument/codeAction', {
      textDocument = { uri = uri }, range = { start = s, ['end'] = e },
      context = { diagnostics = ctx_diags, only = spec.only },
    }, 'codeAction')
    return (r ~= nil and r ~= vim.NIL) and r or {}
  end
  if checks.codeActions and supports('codeActionProvider', 'codeActions') then
    result.codeActions = code_actions_at(checks.codeActions)
  end

  -- completion
  if checks.completion and supports('completionProvider', 'completion') then
    local r = request(bufnr, 'textDocument/completion', { textDocument = { uri = uri }, position = pos(checks.completion) }, 'completion')
    local items = (r == nil or r == vim.NIL) and {} or (r.items or r)
    result.completion = { isIncomplete = r and r ~= vim.NIL and r.isIncomplete or false, items = {} }
    for _, it in ipairs(items) do
      table.insert(result.completion.items, { label = it.label, kind = it.kind, detail = it.detail, insertText = it.insertText })
    end
  end

  -- any other request: { name, method, params } (params.textDocument is filled in when absent)
  for _, rq in ipairs(checks.requests or {}) do
    local params = rq.params or {}
    if params.textDocument == nil then params.textDocument = { uri = uri } end
    local r = request(bufnr, rq.method, params, rq.name or rq.method)
    result.requests[rq.name or rq.method] = r == nil and vim.NIL or r
  end

  -- apply the first code action whose title contains checks.applyCodeAction, then wait for new diagnostics
  if checks.applyCodeAction then
    local actions = result.codeActions or code_actions_at(checks.codeActions or { line = 0, character = 0 })
    local chosen
    for _, a in ipairs(actions) do
      if a.title and string.find(a.title, checks.applyCodeAction, 1, true) then chosen = a; break end
    end
    if not chosen then
      err('no code action titled like ' .. checks.applyCodeAction)
    else
      local before = result.publishCount
      local client = vim.lsp.get_client_by_id(client_id)
      -- (a copy: applying annotates the edits in place, and result.codeActions should show what the server sent)
      if chosen.edit then vim.lsp.util.apply_workspace_edit(vim.deepcopy(chosen.edit), client.offset_encoding or 'utf-16') end
      if chosen.command then
        local cmd = type(chosen.command) == 'table' and chosen.command or chosen
        request(bufnr, 'workspace/executeCommand', { command = cmd.command, arguments = cmd.arguments }, 'executeCommand')
      end
      local got = vim.wait(timeout, function() return result.publishCount > before end, 20)
      result.afterCodeAction = {
        title = chosen.title,
        republished = got,
        diagnostics = published[uri] and published[uri].diagnostics or {},
        text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n'),
      }
    end
  end
end

local ok, e = xpcall(main, debug.traceback)
if not ok then err('lua error: ' .. tostring(e)) end
finish()
