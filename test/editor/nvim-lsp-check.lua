-- Headless Neovim (0.7+) client for test/editor/nvim-check.sh, adapted from the real-editor
-- recipe (shared/tools/real-editor/nvim/lsp_check.lua).
-- Env: LSP_CMD_JSON   JSON array, the server command
--      LSP_FILE       the plan to open
--      LSP_TIMEOUT_MS how long each wait may take
--      LSP_EXPECT_IDS comma-separated rule ids that must be reported
-- Steps: diagnostics with every expected id -> hover on a finding -> the schema-type quick fix
-- applied through Neovim -> diagnostics of the edited buffer without that finding.
-- Prints one JSON object; exit code 0 = all held, 1 = an assertion failed, 2 = setup error.
local function out(tbl)
  io.stdout:write(vim.fn.json_encode(tbl) .. '\n')
  io.stdout:flush()
end
local function finish(code, tbl)
  out(tbl)
  for _, c in pairs(vim.lsp.get_active_clients()) do c.stop(true) end
  vim.wait(500, function() return #vim.lsp.get_active_clients() == 0 end, 20)
  vim.cmd('cquit ' .. code)
end
local function codes(diags)
  local list = {}
  for _, d in ipairs(diags or {}) do table.insert(list, d.code) end
  return list
end
local function has_all(diags, ids)
  local seen = {}
  for _, d in ipairs(diags or {}) do seen[d.code] = true end
  for _, id in ipairs(ids) do if not seen[id] then return false end end
  return true
end

local ok, err = pcall(function()
  local cmd = vim.fn.json_decode((assert(os.getenv('LSP_CMD_JSON'), 'LSP_CMD_JSON unset')))
  local file = (assert(os.getenv('LSP_FILE'), 'LSP_FILE unset'))
  local timeout = tonumber(os.getenv('LSP_TIMEOUT_MS') or '20000')
  local expect = vim.split((assert(os.getenv('LSP_EXPECT_IDS'), 'LSP_EXPECT_IDS unset')), ',', { plain = true })
  local t0 = vim.loop.hrtime()
  local ms = function() return math.floor((vim.loop.hrtime() - t0) / 1e6) end

  vim.cmd('filetype on')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  local last = nil -- the latest publishDiagnostics for our buffer
  local exited = nil
  local client_id = vim.lsp.start_client({
    name = 'laatuvahti',
    cmd = cmd,
    root_dir = vim.fn.fnamemodify(file, ':p:h'),
    settings = { laatuvahti = { locale = 'en' } },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, result, ctx, config)
        if result and result.uri == uri then last = result end
        return vim.lsp.handlers['textDocument/publishDiagnostics'](e, result, ctx, config)
      end,
    },
    on_exit = function(code, signal) exited = { code = code, signal = signal } end,
  })
  if not client_id then error('vim.lsp.start_client failed (bad cmd?)') end
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)

  -- 1. The expected rule ids.
  local got = vim.wait(timeout, function() return exited ~= nil or (last ~= nil and has_all(last.diagnostics, expect)) end, 25)
  if not got or exited then
    return finish(1, { ok = false, step = 'diagnostics', elapsed_ms = ms(), reason = exited and 'server exited' or 'timeout', codes = last and codes(last.diagnostics), server_exit = exited })
  end
  local first_ms = ms()
  local first_codes = codes(last.diagnostics)
  local target = nil
  for _, d in ipairs(last.diagnostics) do if d.code == 'schema-type' then target = d end end

  -- 2. Hover on the finding explains its rule.
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = { uri = uri }, position = target.range.start,
  }, timeout)
  local hover_text = ''
  for _, r in pairs(hover or {}) do
    if r.result and r.result.contents then hover_text = r.result.contents.value or '' end
  end
  if not hover_text:find('schema-type', 1, true) then
    return finish(1, { ok = false, step = 'hover', hover = hover_text })
  end

  -- 3. The quick fix, applied by Neovim itself, removes the finding.
  local actions = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri }, range = target.range, context = { diagnostics = { target } },
  }, timeout)
  local fix = nil
  for _, r in pairs(actions or {}) do
    for _, a in ipairs(r.result or {}) do
      if a.isPreferred and not fix then fix = a end
    end
  end
  if not fix then return finish(1, { ok = false, step = 'codeAction', actions = actions }) end
  local before = last
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding or 'utf-16')
  local fixed = vim.wait(timeout, function()
    return exited ~= nil or (last ~= before and last.version == vim.lsp.util.buf_versions[bufnr])
  end, 25)
  if not fixed or exited then
    return finish(1, { ok = false, step = 'after fix', reason = exited and 'server exited' or 'timeout', codes = codes(last.diagnostics) })
  end
  for _, d in ipairs(last.diagnostics) do
    if d.code == 'schema-type' or d.code == 'yaml-syntax' then
      return finish(1, { ok = false, step = 'after fix', fix = fix.title, codes = codes(last.diagnostics), line = vim.api.nvim_buf_get_lines(bufnr, 6, 7, false)[1] })
    end
  end

  finish(0, {
    ok = true, first_diagnostics_ms = first_ms, elapsed_ms = ms(), codes = first_codes,
    fix = fix.title, line_after_fix = vim.api.nvim_buf_get_lines(bufnr, 6, 7, false)[1],
    codes_after_fix = codes(last.diagnostics),
  })
end)
if not ok then
  out({ ok = false, reason = 'error', error = tostring(err) })
  vim.cmd('cquit 2')
end
