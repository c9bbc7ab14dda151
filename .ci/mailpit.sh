#!/usr/bin/env bash
# Builds Mailpit v1.33.1 (a real SMTP server with an HTTP API that the email tests read back)
# from the Go module proxy, once, and prints the binary's path (cached in ~/.cache/lodestar).
set -euo pipefail
version=v1.33.1
cache="${LODESTAR_CACHE:-$HOME/.cache/lodestar}"
bin="$cache/mailpit-$version"
if [ -x "$bin" ] && "$bin" version --no-release-check >/dev/null 2>&1; then
  echo "$bin"
  exit 0
fi
command -v go >/dev/null || { echo "Go is needed to build Mailpit" >&2; exit 1; }
mkdir -p "$cache"
work=$(mktemp -d)
GOBIN="$work" GOFLAGS=-mod=mod go install "github.com/axllent/mailpit@$version" >&2
mv "$work/mailpit" "$bin"
rm -rf "$work"
"$bin" version --no-release-check >&2
echo "$bin"
