#!/usr/bin/env bash
# Real-editor check of the language server with a third-party client: headless Neovim (Debian
# `neovim`, built-in LSP client, stdio) opens a broken plan in a temp folder, and
# test/editor/nvim-lsp-check.lua asserts that the expected rule ids arrive, that hover works,
# and that applying a quick fix through Neovim (incremental didChange) removes its finding.
# Adapted from shared/tools/real-editor/nvim.
#
# Usage: bash test/editor/nvim-check.sh            (standalone: builds the server and installs
#                                                   neovim with apt-get when missing and root)
# Env:   NVIM_CHECK_TIMEOUT seconds per wait (default 20); NVIM_CHECK_EXPECT_IDS overrides the
#        expected rule ids (comma-separated)
# Exit:  0 ok, 1 an assertion failed or the server died, 2 setup error, 124 nvim hung.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
SERVER="$REPO/packages/lsp/dist/server.cjs"
TIMEOUT="${NVIM_CHECK_TIMEOUT:-20}"
log() { echo "[nvim-check] $*" >&2; }

if ! command -v nvim >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    log "installing neovim (apt)"
    [ -n "$(find /var/lib/apt/lists -name '*Packages*' -mmin -1440 2>/dev/null | head -1)" ] || apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=600 neovim >&2 || { log "apt-get install neovim failed"; exit 2; }
  else
    log "nvim not installed (apt-get install neovim)"; exit 2
  fi
fi
if [ ! -f "$SERVER" ]; then
  log "building core and the language server"
  (cd "$REPO" && npm run build -w @laatuvahti/core >&2 && npm run build -w @laatuvahti/lsp >&2) || { log "build failed"; exit 2; }
fi

TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
# Neovim isolated from any user config and state; its lsp.log lands in the temp folder.
export XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data" XDG_STATE_HOME="$TMP/state" XDG_CACHE_HOME="$TMP/cache"
mkdir -p "$TMP/ws"
# A broken plan: a misspelt key, a misspelt enum value, an activity held too rarely.
cat > "$TMP/ws/plan.yaml" <<'YAML'
apiVersion: laatuvahti/v1
kind: SelfMonitoringPlan
language: fi
unit:
  name: Kotikallio
  adress: Esimerkkitie 1
  housingType: comunity-housing
feedback:
  - { from: clients }
YAML

export LSP_CMD_JSON="$(node -e 'process.stdout.write(JSON.stringify(process.argv.slice(1)))' -- node "$SERVER" --stdio)"
export LSP_FILE="$TMP/ws/plan.yaml" LSP_TIMEOUT_MS="$(( TIMEOUT * 1000 ))"
export LSP_EXPECT_IDS="${NVIM_CHECK_EXPECT_IDS:-schema-unknown-key,schema-type,feedback-from-all-groups}"

set +e
timeout -k 2 "$(( TIMEOUT * 3 + 10 ))" \
  nvim --headless -u NONE -i NONE -n --cmd 'set noswapfile' -c "luafile $HERE/nvim-lsp-check.lua" </dev/null
rc=$?
set -e
if [ $rc -ne 0 ] && [ -s "$XDG_CACHE_HOME/nvim/lsp.log" ]; then
  echo "--- lsp.log (tail) ---" >&2; tail -n 30 "$XDG_CACHE_HOME/nvim/lsp.log" >&2
fi
[ $rc -eq 0 ] && log "ok" || log "FAILED rc=$rc"
exit $rc
