#!/usr/bin/env bash
# Installs Redocly CLI (the OpenAPI linter run by OpenApiContractIT) from npm into a cache folder, once:
# later builds find its binary there and need no network.
set -euo pipefail
spec="$1"       # name@version, e.g. @redocly/cli@2.77.0
cache="$2"      # e.g. ~/.cache/plantspy/redocly
version="${spec##*@}"
dir="$cache/$version"
bin="$dir/node_modules/.bin/redocly"
if [[ -x "$bin" ]]; then
  exit 0
fi
command -v npm >/dev/null || { echo "npm is needed once to install $spec (apt-get install npm)" >&2; exit 1; }
# Installed beside the final folder and moved in whole, so an interrupted install is never taken for a good one.
mkdir -p "$cache"
tmp=$(mktemp -d "$cache/.install-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
npm install --prefix "$tmp" --no-audit --no-fund --loglevel=error "$spec" >/dev/null
if [[ -x "$bin" ]]; then
  exit 0  # a concurrent build installed it meanwhile
fi
rm -rf "$dir"  # a broken earlier install, without the binary
mv -T "$tmp" "$dir"
trap - EXIT
echo "installed $spec into $dir"
