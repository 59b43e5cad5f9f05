-- Headless Neovim client for test/editor/nvim-check.sh. Runs laatuvahti-lsp and yaml-language-server
-- side by side, as an editor with both installed does.
-- Env: LSP_CMD_JSON / YLS_CMD_JSON  JSON arrays, the two servers' commands
--      LSP_FILE                     the broken plan to open
--      LSP_CONTROL_FILE             the same text, under core's full JSON Schema
--      LSP_CONFIG_FILE              a laatuvahti.config.yaml beside the plan
--      LSP_SCHEMA_ASSOCIATIONS      JSON, what Red Hat's YAML extension sends for our yamlValidation
--      LSP_HOVER_EXPECT             text yaml-language-server's hover on housingType must contain
--      LSP_TIMEOUT_MS               how long each wait may take
--      LSP_EXPECT_IDS               comma-separated rule ids that must be reported
-- Steps: the control's schema problems -> our diagnostics with every expected id -> one
-- diagnostic per problem line, ours, and none from yaml-language-server -> its completion and
-- hover from the schema (plan and config) -> our hover on a finding -> the schema-type quick fix
-- applied through Neovim -> diagnostics of the edited buffer without that finding, and still
-- none from yaml-language-server.
-- Prints one JSON object; exit code 0 = all held, 1 = an assertion failed, 2 = setup error.
--
-- Starting a client uses the newest API the running Neovim has: vim.lsp.config + vim.lsp.enable
-- (0.11+), vim.lsp.start (0.8+), and only where neither exists (Debian 12 ships 0.7.2)
-- vim.lsp.start_client + buf_attach_client, which later versions deprecate.
local uv = vim.uv or vim.loop
local has = function(version) return vim.fn.has('nvim-' .. version) == 1 end
local get_clients = vim.lsp.get_clients or vim.lsp.get_active_clients
-- 0.11 turned client functions into methods (client:notify); 0.7 has plain fields.
local function call(client, method, ...)
  if has('0.11') then return client[method](client, ...) end
  return client[method](...)
end

local function out(tbl)
  io.stdout:write(vim.fn.json_encode(tbl) .. '\n')
  io.stdout:flush()
end
local function finish(code, tbl)
  out(tbl)
  for _, c in pairs(get_clients()) do call(c, 'stop', true) end
  vim.wait(500, function() return #get_clients() == 0 end, 20)
  vim.cmd('cquit ' .. code)
end
local function codes(diags)
  local list = {}
  -- yaml-language-server's codes are numbers: its message says more.
  for _, d in ipairs(diags or {}) do table.insert(list, type(d.code) == 'string' and d.code or d.message) end
  return list
end
local function has_all(diags, ids)
  local seen = {}
  for _, d in ipairs(diags or {}) do seen[d.code] = true end
  for _, id in ipairs(ids) do if not seen[id] then return false end end
  return true
end
local function open(file)
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  return vim.api.nvim_get_current_buf()
end
local function version_of(bufnr)
  local versions = vim.lsp.util.buf_versions
  return versions and versions[bufnr] or vim.b[bufnr].changedtick
end

local ok, err = pcall(function()
  local env = function(name) return (assert(os.getenv(name), name .. ' unset')) end
  local timeout = tonumber(os.getenv('LSP_TIMEOUT_MS') or '20000')
  local expect = vim.split(env('LSP_EXPECT_IDS'), ',', { plain = true })
  local associations = vim.fn.json_decode(env('LSP_SCHEMA_ASSOCIATIONS'))
  local t0 = uv.hrtime()
  local ms = function() return math.floor((uv.hrtime() - t0) / 1e6) end

  -- The latest publishDiagnostics per server and URI, and how many arrived.
  local published = { laatuvahti = {}, yaml = {} }
  local exited = {}
  local function config_for(name, cmd, settings, on_init)
    return {
      name = name,
      cmd = cmd,
      filetypes = { 'yaml' },
      root_dir = vim.fn.fnamemodify(env('LSP_FILE'), ':p:h'),
      settings = settings,
      on_init = on_init,
      handlers = {
        ['textDocument/publishDiagnostics'] = function(e, result, ctx, config)
          if result then
            local prev = published[name][result.uri]
            published[name][result.uri] = { diagnostics = result.diagnostics, version = result.version, n = (prev and prev.n or 0) + 1 }
          end
          return vim.lsp.handlers['textDocument/publishDiagnostics'](e, result, ctx, config)
        end,
      },
      on_exit = function(code, signal) exited[name] = { code = code, signal = signal } end,
    }
  end
  local function attach(config, bufnr)
    if has('0.11') then
      vim.lsp.config(config.name, config)
      vim.lsp.enable(config.name)
      -- enable() attaches buffers as their FileType is set; this one was opened before (and a
      -- -c script runs before VimEnter, when enable() would revisit open buffers itself).
      vim.api.nvim_exec_autocmds('FileType', { buffer = bufnr })
      vim.wait(timeout, function() return #get_clients({ name = config.name, bufnr = bufnr }) > 0 end, 20)
      local c = get_clients({ name = config.name, bufnr = bufnr })[1]
      return c and c.id
    elseif has('0.8') then
      return vim.lsp.start(config, { bufnr = bufnr })
    end
    local id = vim.lsp.start_client(config)
    if id then vim.lsp.buf_attach_client(bufnr, id) end
    return id
  end
  -- A buffer opened later joins a server that is already running (a no-op where 0.11's
  -- vim.lsp.enable has attached it already).
  local function join(client_id, bufnr) return vim.lsp.buf_attach_client(bufnr, client_id) end
  local function result_of(responses, client_id)
    local r = (responses or {})[client_id]
    return r and r.result
  end

  vim.cmd('filetype on')
  -- 1. yaml-language-server on the control, with the associations sent once it is initialised
  -- (as Red Hat's extension does); the schema store would need the network.
  local control_buf = open(env('LSP_CONTROL_FILE'))
  local control_uri = vim.uri_from_bufnr(control_buf)
  local yls_ready = false
  local yls_id = attach(config_for('yaml', vim.fn.json_decode(env('YLS_CMD_JSON')), {
    yaml = { validate = true, hover = true, completion = true, schemaStore = { enable = false } },
  }, function(client)
    -- vscode-jsonrpc sends one array argument as positional params, i.e. wrapped: [[...]].
    call(client, 'notify', 'json/schemaAssociations', { associations })
    yls_ready = true
  end), control_buf)
  if not yls_id then error('yaml-language-server did not start (bad cmd?)') end
  local got = vim.wait(timeout, function()
    local p = published.yaml[control_uri]
    return exited.yaml ~= nil or (yls_ready and p ~= nil and #p.diagnostics >= 4)
  end, 25)
  local control = published.yaml[control_uri]
  if not got or exited.yaml then
    return finish(1, { ok = false, step = 'control: the full schema finds the problems', elapsed_ms = ms(), server_exit = exited.yaml, messages = control and codes(control.diagnostics) })
  end

  -- 2. The plan, with both servers; yaml-language-server joins only now, so its first
  -- validation of the plan already has the schema.
  local bufnr = open(env('LSP_FILE'))
  local uri = vim.uri_from_bufnr(bufnr)
  local client_id = attach(config_for('laatuvahti', vim.fn.json_decode(env('LSP_CMD_JSON')), { laatuvahti = { locale = 'en' } }), bufnr)
  if not client_id then error('laatuvahti-lsp did not start (bad cmd?)') end
  join(yls_id, bufnr)
  local client = vim.lsp.get_client_by_id(client_id)
  got = vim.wait(timeout, function()
    local ours = published.laatuvahti[uri]
    return exited.laatuvahti ~= nil or (ours ~= nil and has_all(ours.diagnostics, expect) and published.yaml[uri] ~= nil)
  end, 25)
  local ours = published.laatuvahti[uri]
  if not got or exited.laatuvahti or exited.yaml then
    return finish(1, { ok = false, step = 'diagnostics', elapsed_ms = ms(), reason = (exited.laatuvahti or exited.yaml) and 'server exited' or 'timeout', codes = ours and codes(ours.diagnostics), yaml = published.yaml[uri] and codes(published.yaml[uri].diagnostics), server_exit = exited })
  end
  local first_ms = ms()
  local first_codes = codes(ours.diagnostics)

  -- 3. One finding per problem: every line where the full schema sees a problem carries exactly
  -- one diagnostic from the two servers together, and it is ours.
  local theirs = published.yaml[uri].diagnostics
  if #theirs > 0 then
    return finish(1, { ok = false, step = 'yaml-language-server reports nothing in the plan', yaml = codes(theirs) })
  end
  local problems = {}
  for _, d in ipairs(control.diagnostics) do
    local line = d.range.start.line
    local here = {}
    for _, o in ipairs(ours.diagnostics) do if o.range.start.line == line then table.insert(here, o.code) end end
    table.insert(problems, { line = line + 1, schema = d.message, laatuvahti = here })
    if #here ~= 1 then
      return finish(1, { ok = false, step = 'one finding per problem', line = line + 1, schema = d.message, laatuvahti = here })
    end
  end
  local target = nil
  for _, d in ipairs(ours.diagnostics) do
    if d.code == 'schema-type' and vim.api.nvim_buf_get_lines(bufnr, d.range.start.line, d.range.start.line + 1, false)[1]:find('housingType', 1, true) then target = d end
  end
  if not target then return finish(1, { ok = false, step = 'the housingType finding', codes = first_codes }) end

  -- 4. yaml-language-server still completes and hovers from the (editor) schema.
  local line = target.range.start.line
  local text = vim.api.nvim_buf_get_lines(bufnr, line, line + 1, false)[1]
  local key_col = text:find('housingType', 1, true) - 1
  local completion = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', {
    textDocument = { uri = uri }, position = { line = line, character = target.range.start.character },
  }, timeout)
  local items = result_of(completion, yls_id)
  items = items and (items.items or items) or {}
  local labels = {}
  for _, it in ipairs(items) do labels[it.label] = true end
  if not labels['community-housing'] then
    return finish(1, { ok = false, step = 'yaml-language-server completes housingType', labels = vim.tbl_keys(labels) })
  end
  local yls_hover = result_of(vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = { uri = uri }, position = { line = line, character = key_col + 2 },
  }, timeout), yls_id)
  local yls_hover_text = yls_hover and yls_hover.contents and (yls_hover.contents.value or vim.inspect(yls_hover.contents)) or ''
  if not yls_hover_text:find(env('LSP_HOVER_EXPECT'), 1, true) then
    return finish(1, { ok = false, step = 'yaml-language-server hovers housingType', hover = yls_hover_text, expected = env('LSP_HOVER_EXPECT') })
  end

  -- 5. Our hover on the finding explains its rule.
  local hover = result_of(vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = { uri = uri }, position = target.range.start,
  }, timeout), client_id)
  local hover_text = hover and hover.contents and (hover.contents.value or '') or ''
  if not hover_text:find('schema-type', 1, true) then
    return finish(1, { ok = false, step = 'hover', hover = hover_text })
  end

  -- 6. The quick fix, applied by Neovim itself, removes the finding; yaml-language-server,
  -- which validates the edited text again, still reports nothing.
  local actions = result_of(vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri }, range = target.range, context = { diagnostics = { target } },
  }, timeout), client_id)
  local fix = nil
  for _, a in ipairs(actions or {}) do
    if a.isPreferred and not fix then fix = a end
  end
  if not fix then return finish(1, { ok = false, step = 'codeAction', actions = actions }) end
  local before, yaml_before = ours, published.yaml[uri].n
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding or 'utf-16')
  local fixed = vim.wait(timeout, function()
    local now = published.laatuvahti[uri]
    return exited.laatuvahti ~= nil or (now ~= before and now.version == version_of(bufnr) and published.yaml[uri].n > yaml_before)
  end, 25)
  local after = published.laatuvahti[uri]
  if not fixed or exited.laatuvahti then
    return finish(1, { ok = false, step = 'after fix', reason = exited.laatuvahti and 'server exited' or 'timeout', codes = codes(after.diagnostics) })
  end
  for _, d in ipairs(after.diagnostics) do
    if (d.code == 'schema-type' and d.range.start.line == line) or d.code == 'yaml-syntax' then
      return finish(1, { ok = false, step = 'after fix', fix = fix.title, codes = codes(after.diagnostics), line = vim.api.nvim_buf_get_lines(bufnr, line, line + 1, false)[1] })
    end
  end
  if #published.yaml[uri].diagnostics > 0 then
    return finish(1, { ok = false, step = 'after fix: yaml-language-server reports nothing', yaml = codes(published.yaml[uri].diagnostics) })
  end

  -- 7. laatuvahti.config.yaml: yaml-language-server completes the locales from the config
  -- schema and reports nothing.
  local config_buf = open(env('LSP_CONFIG_FILE'))
  local config_uri = vim.uri_from_bufnr(config_buf)
  join(yls_id, config_buf)
  vim.wait(timeout, function() return published.yaml[config_uri] ~= nil end, 25)
  local config_items = result_of(vim.lsp.buf_request_sync(config_buf, 'textDocument/completion', {
    textDocument = { uri = config_uri }, position = { line = 1, character = #'locale: ' },
  }, timeout), yls_id)
  config_items = config_items and (config_items.items or config_items) or {}
  local config_labels = {}
  for _, it in ipairs(config_items) do config_labels[it.label] = true end
  if not (config_labels['fi'] and config_labels['sv']) then
    return finish(1, { ok = false, step = 'yaml-language-server completes locale in laatuvahti.config.yaml', labels = vim.tbl_keys(config_labels) })
  end
  if not published.yaml[config_uri] or #published.yaml[config_uri].diagnostics > 0 then
    return finish(1, { ok = false, step = 'yaml-language-server reports nothing in laatuvahti.config.yaml', yaml = published.yaml[config_uri] and codes(published.yaml[config_uri].diagnostics) })
  end

  finish(0, {
    ok = true, nvim = string.format('%d.%d.%d', vim.version().major, vim.version().minor, vim.version().patch), first_diagnostics_ms = first_ms, elapsed_ms = ms(), codes = first_codes,
    problems = problems, fix = fix.title, line_after_fix = vim.api.nvim_buf_get_lines(bufnr, line, line + 1, false)[1],
    codes_after_fix = codes(after.diagnostics), yaml_hover = yls_hover_text:sub(1, 80),
  })
end)
if not ok then
  out({ ok = false, reason = 'error', error = tostring(err) })
  vim.cmd('cquit 2')
end
