#!/usr/bin/env bash
# Builds FerretDB v1.24.2 (a MongoDB-wire-compatible server) from the Go module proxy, once, and
# prints the binary's path. `go install …@v1.24.2` alone yields a binary that panics at start
# (the module ships without build/version/version.txt, which FerretDB's own build writes), so the
# module's source is copied, version.txt written, and built with `go build`.
set -euo pipefail
version=v1.24.2
cache="${LODESTAR_CACHE:-$HOME/.cache/lodestar}"
bin="$cache/ferretdb-$version"
if [ -x "$bin" ] && "$bin" --version >/dev/null 2>&1; then
  echo "$bin"
  exit 0
fi
command -v go >/dev/null || { echo "Go is needed to build FerretDB" >&2; exit 1; }
mkdir -p "$cache"
# `go install` fetches the module (and its dependencies) into the module cache, as the issue asks.
GOFLAGS=-mod=mod go install "github.com/FerretDB/FerretDB/cmd/ferretdb@$version" >&2
src_mod=$(go env GOMODCACHE)/github.com/\!ferret\!d\!b/\!ferret\!d\!b@$version
work=$(mktemp -d)
cp -r "$src_mod" "$work/src"
chmod -R u+w "$work/src"
echo "$version" > "$work/src/build/version/version.txt"
(cd "$work/src" && go build -o "$bin" ./cmd/ferretdb) >&2
rm -rf "$work"
"$bin" --version >&2
echo "$bin"
