-- Drives `rxtext lsp` from Neovim's built-in LSP client (Neovim 0.7 or later), headless:
-- opens ARTICLE, waits for the diagnostics, edits a line (an incremental change), applies the
-- preferred code action for 'Hell Hell', rejects 'rallicross' as a false alarm through its code
-- action, writes the file and quits. What it saw goes to RESULT as JSON for the Swift test
-- (Tests/RXLanguageServerTests/NeovimTests.swift) to check, with the file's bytes.
--
--   RXTEXT=... GLOSSARIES=... ARTICLE=... RESULT=... nvim --headless --clean -n -i NONE -c 'luafile THIS'
local env = vim.env
local result = { steps = {} }

local function finish(error_message)
  result.error = error_message
  local file = io.open(env.RESULT, "w")
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd(error_message and "cquit! 1" or "qall!")
end

local function diagnostics(bufnr)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(found, { code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code),
      lnum = d.lnum, col = d.col, end_col = d.end_col, message = d.message })
  end
  table.sort(found, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return found
end

local function find(list, code)
  for _, d in ipairs(list) do if d.code == code then return d end end
end

local function actions_at(client, bufnr, d)
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = { start = { line = d.lnum, character = 0 }, ["end"] = { line = d.lnum, character = 0 } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, d.lnum) },
  }
  -- The range is the whole diagnostic, as an editor's cursor on it would send (UTF-16 columns).
  local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
  params.range.start.character = vim.str_utfindex(line, d.col)
  params.range["end"].character = vim.str_utfindex(line, d.end_col)
  local reply = client.request_sync("textDocument/codeAction", params, 10000, bufnr)
  return reply and reply.result or {}
end

local function run()
  vim.cmd("edit " .. vim.fn.fnameescape(env.ARTICLE))
  local bufnr = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({
    name = "rxtext",
    cmd = { env.RXTEXT, "lsp", "--glossaries", env.GLOSSARIES },
    root_dir = vim.fn.fnamemodify(env.ARTICLE, ":h"),
  })
  assert(id, "the client did not start")
  vim.lsp.buf_attach_client(bufnr, id)
  local client = vim.lsp.get_client_by_id(id)
  assert(vim.wait(60000, function() return #vim.diagnostic.get(bufnr) >= 3 end, 20), "no diagnostics came")
  result.opened = diagnostics(bufnr)
  result.sync = client.resolved_capabilities and client.resolved_capabilities.text_document_did_change
    or (client.server_capabilities.textDocumentSync or {}).change

  -- An incremental change before the flags of line 1: their columns move by the inserted bytes.
  vim.api.nvim_buf_set_text(bufnr, 0, 0, 0, 0, { "Yesterday " })
  assert(vim.wait(20000, function()
    local hell = find(diagnostics(bufnr), "repetition.doubled-word")
    return hell and hell.col == result.opened[2].col + 10
  end, 20), "the diagnostics did not follow the edit")
  result.edited = diagnostics(bufnr)

  local hell = find(result.edited, "repetition.doubled-word")
  local applied
  for _, action in ipairs(actions_at(client, bufnr, hell)) do
    table.insert(result.steps, action.title)
    if action.isPreferred and action.edit and not applied then
      vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or "utf-16")
      applied = action.title
    end
  end
  assert(applied, "no preferred code action for 'Hell Hell'")
  result.applied = applied

  local rallicross = find(diagnostics(bufnr), "spelling.domain-variant")
  local rejected
  for _, action in ipairs(actions_at(client, bufnr, rallicross)) do
    if action.command and action.title:find("^Reject") then
      client.request_sync("workspace/executeCommand", action.command, 10000, bufnr)
      rejected = action.title
    end
  end
  assert(rejected, "no reject action for 'rallicross'")
  result.rejected = rejected
  assert(vim.wait(20000, function()
    local now = diagnostics(bufnr)
    return not find(now, "spelling.domain-variant") and not find(now, "repetition.doubled-word")
  end, 20), "the fixed and the rejected flag are still shown")
  result.final = diagnostics(bufnr)

  -- Hover inside the remaining flag ('EM', after two two-byte letters): a UTF-16 column.
  local em = result.final[1]
  local line = vim.api.nvim_buf_get_lines(bufnr, em.lnum, em.lnum + 1, false)[1]
  local hover = client.request_sync("textDocument/hover", {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    position = { line = em.lnum, character = vim.str_utfindex(line, em.col + 1) },
  }, 10000, bufnr)
  result.hover = hover and hover.result and hover.result.contents.value
  vim.cmd("write")
end

local ok, problem = pcall(run)
finish(not ok and tostring(problem) or nil)
