#!/bin/sh
# Regenerate the autotools files (nothing generated is committed).
set -e
cd "$(dirname "$0")"
autoreconf --install --force
