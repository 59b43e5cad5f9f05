#!/usr/bin/env bash
# Real-editor check of the language server with a third-party client: headless Neovim (Debian
# `neovim`, built-in LSP client, stdio) runs laatuvahti-lsp and, beside it, Red Hat's
# yaml-language-server (npm, a dev dependency) with the schema associations the VS Code
# extension contributes, exactly as Red Hat's YAML extension would receive them. It opens a
# broken plan and test/editor/nvim-lsp-check.lua asserts: the expected rule ids arrive; each
# problem a JSON Schema validator sees (a control copy of the plan under core's full schema)
# is reported once, by Laatuvahti; yaml-language-server still completes and hovers from the
# schema, in plans and in laatuvahti.config.yaml; hover works; and a quick fix applied through
# Neovim (incremental didChange) removes its finding.
#
# Usage: bash test/editor/nvim-check.sh            (standalone: builds what is missing and
#                                                   installs neovim with apt-get when missing and root)
# Env:   NVIM_CHECK_TIMEOUT seconds per wait (default 20); NVIM_CHECK_EXPECT_IDS overrides the
#        expected rule ids (comma-separated)
# Exit:  0 ok, 1 an assertion failed or a server died, 2 setup error, 124 nvim hung.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
SERVER="$REPO/packages/lsp/dist/server.cjs"
YLS="$REPO/node_modules/yaml-language-server/bin/yaml-language-server"
EXTENSION="$REPO/packages/vscode"
STRICT_SCHEMA="$REPO/packages/core/dist/schema/self-monitoring-plan.json"
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
[ -f "$YLS" ] || { log "yaml-language-server missing: run npm ci at the repository root"; exit 2; }
if [ ! -f "$SERVER" ] || [ ! -f "$EXTENSION/schema/plan.json" ] || [ ! -f "$STRICT_SCHEMA" ]; then
  log "building core, the language server and the extension (for its schemas)"
  (cd "$REPO" && npm run build -w @laatuvahti/core >&2 && npm run build -w @laatuvahti/lsp >&2 && npm run build -w laatuvahti-vscode >&2) \
    || { log "build failed"; exit 2; }
fi
log "$(nvim --version | head -1), yaml-language-server $(node -p "require('$REPO/node_modules/yaml-language-server/package.json').version")"

TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
# Neovim isolated from any user config and state; its lsp.log lands in the temp folder.
export XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data" XDG_STATE_HOME="$TMP/state" XDG_CACHE_HOME="$TMP/cache"
mkdir -p "$TMP/ws"
# The compliant example plan with four schema problems, one per line: a misspelt key (schema-
# unknown-key), a misspelt enum value (schema-type, with a quick fix), a boolean written as a
# word (schema-type) and an interval outside the pattern (schema-type); and one rule finding
# (a feedback round with no interval: feedback-from-all-groups). The name matches the
# extension's `*omavalvontasuunnitelma*.yaml`, so yaml-language-server applies its schema.
PLAN="$TMP/ws/kotikallio-omavalvontasuunnitelma.yaml"
sed -e 's/^  name: Kotikallion yhteisöasunnot/  name: Kotikallion yhteisöasunnot\n  adres: Esimerkkitie 1/' \
    -e 's/^  housingType: community-housing /  housingType: comunity-housing  /' \
    -e 's/^  staffOnSite24h: false/  staffOnSite24h: ei/' \
    -e '0,/^      every: week/s//      every: weekly/' \
    -e 's/^  - { from: relatives, every: year, /  - { from: relatives, /' \
    "$REPO/fixtures/compliant/self-monitoring-plan.fi.yaml" > "$PLAN"
for needle in 'adres:' 'comunity-housing' 'staffOnSite24h: ei' 'every: weekly' '{ from: relatives, lastCollected'; do
  grep -qF "$needle" "$PLAN" || { log "the plan fixture lost ${needle} (fixtures/compliant changed?)"; exit 2; }
done
# The control: the same text under core's full schema (what the extension contributed before).
CONTROL="$TMP/ws/control.strict.yaml"
cp "$PLAN" "$CONTROL"
printf 'extends: laatuvahti:recommended\nlocale: en\n' > "$TMP/ws/laatuvahti.config.yaml"

# The associations Red Hat's YAML extension sends for our yamlValidation contribution
# (vscode-yaml's getSchemaAssociations: a `./` url joined to the extension's folder, a plain
# file pattern prefixed with "/"), plus the control's.
export LSP_SCHEMA_ASSOCIATIONS="$(node -e '
  const [ext, control, strict] = process.argv.slice(1);
  const { pathToFileURL } = require("node:url");
  const path = require("node:path");
  const manifest = require(path.join(ext, "package.json"));
  const list = manifest.contributes.yamlValidation.map(({ fileMatch, url }) => ({
    fileMatch: [].concat(fileMatch).map((f) => (/^(\w+:\/\/|\/|!)/.test(f) ? f : "/" + f)),
    uri: url.startsWith("./") ? pathToFileURL(path.join(ext, url)).href : url,
  }));
  list.push({ fileMatch: ["/" + path.basename(control)], uri: pathToFileURL(strict).href });
  process.stdout.write(JSON.stringify(list));
' "$EXTENSION" "$CONTROL" "$STRICT_SCHEMA")"
# What yaml-language-server's hover must show for housingType: its description in the schema.
export LSP_HOVER_EXPECT="$(node -p "require('$EXTENSION/schema/self-monitoring-plan.json').properties.unit.properties.housingType.description.split(':')[0]")"

export LSP_CMD_JSON="$(node -e 'process.stdout.write(JSON.stringify(process.argv.slice(1)))' -- node "$SERVER" --stdio)"
export YLS_CMD_JSON="$(node -e 'process.stdout.write(JSON.stringify(process.argv.slice(1)))' -- node "$YLS" --stdio)"
export LSP_FILE="$PLAN" LSP_CONTROL_FILE="$CONTROL" LSP_CONFIG_FILE="$TMP/ws/laatuvahti.config.yaml" LSP_TIMEOUT_MS="$(( TIMEOUT * 1000 ))"
export LSP_EXPECT_IDS="${NVIM_CHECK_EXPECT_IDS:-schema-unknown-key,schema-type,feedback-from-all-groups}"

set +e
timeout -k 2 "$(( TIMEOUT * 4 + 10 ))" \
  nvim --headless -u NONE -i NONE -n --cmd 'set noswapfile' -c "luafile $HERE/nvim-lsp-check.lua" </dev/null
rc=$?
set -e
# Neovim 0.7 logs to the cache folder, 0.8 and later to the state folder.
for f in "$XDG_CACHE_HOME/nvim/lsp.log" "$XDG_STATE_HOME/nvim/lsp.log"; do
  if [ $rc -ne 0 ] && [ -s "$f" ]; then echo "--- lsp.log (tail) ---" >&2; tail -n 30 "$f" >&2; fi
done
[ $rc -eq 0 ] && log "ok" || log "FAILED rc=$rc"
exit $rc
