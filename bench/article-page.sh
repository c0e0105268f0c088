#!/usr/bin/env bash
# Benchmark of the article page and comment posting on loopback; see bench/article_page.py.
#   bench/article-page.sh        (BENCH_SECONDS=20 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "installing wrk (Debian package)"; ${SUDO:-} apt-get install -y -q wrk; }
[ -f target/ROOT.war ] || mvn -B -q -Dmaven.test.skip=true package
exec python3 bench/article_page.py
