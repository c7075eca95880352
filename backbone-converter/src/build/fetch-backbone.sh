#!/usr/bin/env bash
# Fetches the npm package that carries the backbone (e.g. nsfwjs@4.4.0) into a cache folder,
# once: later builds reuse the tarball and need no network.
set -euo pipefail
spec="$1"       # name@version
cache="$2"
name="${spec%@*}"; version="${spec##*@}"
tarball="$cache/$name-$version.tgz"
if [[ -s "$tarball" ]]; then
  exit 0
fi
command -v npm >/dev/null || { echo "npm is needed once to fetch $spec (apt-get install npm)" >&2; exit 1; }
mkdir -p "$cache"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack "$spec" --silent >/dev/null)
mv "$tmp/$name-$version.tgz" "$tarball.part"
mv "$tarball.part" "$tarball"
echo "fetched $spec into $tarball"
