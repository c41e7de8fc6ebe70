#!/usr/bin/env bash
# Installs what the VS Code suites (npm run test:vscode, npm run test:ui) need on a machine that cannot
# download desktop VS Code: Debian chromium, and code-server (= VS Code server + web workbench with a Node
# extension host) in a cache folder OUTSIDE the project's node_modules. Idempotent: a second run only checks.
# Needs root (or sudo) for apt-get, and network access to the npm registry and Debian's mirror only:
# code-server is installed from npm as root, which takes four things — --unsafe-perm (its postinstall
# refuses root otherwise), the -dev headers its native modules build against, rg put in
# @vscode/ripgrep's download cache (that package would fetch it from GitHub), and npm_config_yes
# (node-pty's postinstall runs `npx node-gyp`). See docs/dev/vscode-tests.md.
#
#   DISCLOSURE_VSCODE_CACHE   cache folder (default ~/.cache/disclosure-report-vscode)
#   CODE_SERVER_VERSION       code-server version (default 4.100.3 = VS Code 1.100.3, the last for Node 20)
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CACHE="${DISCLOSURE_VSCODE_CACHE:-$HOME/.cache/disclosure-report-vscode}"
DEST="$CACHE/code-server-$CODE_SERVER_VERSION"
MARKER="$DEST/.installed"
RIPGREP_VERSION="1.15.11"   # the @vscode/ripgrep that code-server 4.100.3 pins
RIPGREP_ASSET="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"

log() { printf '[vscode-setup] %s\n' "$*"; }

# 1. Debian packages: chromium (the browser the tests drive) with a CJK font (screenshots show the
#    Chinese text, not boxes), ripgrep (stands in for the rg download),
#    and the headers code-server's native modules build against (kerberos needs gssapi/gssapi.h).
packages=(chromium fonts-noto-cjk ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config)
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  log "installing Debian packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  log "Debian packages present"
fi

# 2. code-server into the cache folder.
if [ -f "$MARKER" ] && [ -f "$DEST/node_modules/code-server/out/node/entry.js" ]; then
  log "code-server $CODE_SERVER_VERSION present in $DEST"
else
  log "installing code-server@$CODE_SERVER_VERSION into $DEST (takes a few minutes)"
  mkdir -p "$CACHE"
  # @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache holds the archive:
  # put Debian's rg there (os.tmpdir() = $TMPDIR or /tmp).
  tmp_root="${TMPDIR:-/tmp}"
  rg_cache="$tmp_root/vscode-ripgrep-cache-$RIPGREP_VERSION"
  if [ ! -s "$rg_cache/$RIPGREP_ASSET" ]; then
    mkdir -p "$rg_cache"
    tar -czf "$rg_cache/$RIPGREP_ASSET.partial" -C /usr/bin rg
    mv "$rg_cache/$RIPGREP_ASSET.partial" "$rg_cache/$RIPGREP_ASSET"
  fi
  staging="$(mktemp -d "$CACHE/.staging-XXXXXX")"
  trap 'rm -rf "$staging"' EXIT
  printf '{"name":"disclosure-report-vscode-cache","private":true}\n' >"$staging/package.json"
  # npm_config_yes: node-pty's postinstall runs `npx node-gyp`; --unsafe-perm: its postinstall refuses root otherwise.
  (
    cd "$staging"
    npm_config_yes=true npm install --no-audit --no-fund --no-save --unsafe-perm \
      --prefix "$staging" "code-server@$CODE_SERVER_VERSION"
  )
  # code-server's postinstall installs lib/vscode's dependencies and builds their native modules:
  # make sure it ran (a future npm that skips install scripts would leave them out).
  test -f "$staging/node_modules/code-server/out/node/entry.js"
  test -f "$staging/node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node"
  test -x "$staging/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
  rm -rf "$DEST"
  mv "$staging" "$DEST"
  trap - EXIT
  date -u +%FT%TZ >"$MARKER"
  log "code-server installed"
fi

# 3. Sanity: both run (code-server with throw-away XDG folders: it writes a config file otherwise).
xdg="$(mktemp -d)"
XDG_CONFIG_HOME="$xdg" XDG_DATA_HOME="$xdg" "$DEST/node_modules/.bin/code-server" --version 2>/dev/null | tail -1 | sed 's/^/[vscode-setup] code-server /'
rm -rf "$xdg"
/usr/bin/chromium --version 2>/dev/null | sed 's/^/[vscode-setup] /'
