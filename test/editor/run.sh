#!/usr/bin/env bash
# `npm run test:editor`: the real-editor checks. Builds everything and packs the VS Code
# extension (`npm run vsix`), then runs the Neovim check (test/editor/nvim-check.sh: the language
# server beside yaml-language-server with the extension's schemas) and the VS Code check
# (test/editor/vscode-check.sh). Both always run; the script fails when either fails. Large
# downloads are cached outside the repository (LAATUVAHTI_EDITOR_CACHE, default
# ~/.cache/laatuvahti-editor).
# Env: LAATUVAHTI_SKIP_VSIX=1 reuses an existing packages/vscode/laatuvahti.vsix.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
cd "$REPO"
say() { echo "[test:editor] $*" >&2; }
now() { date +%s.%N; }
secs() { python3 -c "print(round($(now)-$1,1))"; }

t0=$(now)
if [ -n "${LAATUVAHTI_SKIP_VSIX:-}" ] && [ -f packages/vscode/laatuvahti.vsix ]; then
  say "reusing packages/vscode/laatuvahti.vsix"
else
  # The root script builds every package first (the .vsix carries the server bundle).
  npm run vsix || { say "npm run vsix failed"; exit 1; }
fi
say "vsix ready after $(secs "$t0") s"

failed=()
run_check() {
  local name="$1" script="$2" t rc
  t=$(now)
  bash "$script"
  rc=$?
  if [ $rc -eq 0 ]; then say "$name: ok ($(secs "$t") s)"; else say "$name: FAILED rc=$rc ($(secs "$t") s)"; failed+=("$name"); fi
}

if [ -f "$HERE/nvim-check.sh" ]; then run_check nvim-check "$HERE/nvim-check.sh"; else say "nvim-check: skipped (test/editor/nvim-check.sh not present)"; fi
run_check vscode-check "$HERE/vscode-check.sh"

say "total $(secs "$t0") s"
if [ ${#failed[@]} -gt 0 ]; then say "failed: ${failed[*]}"; exit 1; fi
say "all editor checks passed"
