#!/usr/bin/env bash
# One run, both sides, on loopback only: WordPress (../shared/wordpress-baseline, classic theme),
# then Moderato (bench/compare.py) beside nginx serving its page as a static file. Prints one table.
#   bench/compare.sh                 (BENCH_SECONDS=20; SKIP_WORDPRESS=1 for Moderato alone)
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
command -v wrk >/dev/null && command -v nginx >/dev/null || $sudo apt-get install -y -q wrk nginx-light
[ -f target/ROOT.war ] || mvn -B -q -Dmaven.test.skip=true package
wp=../shared/wordpress-baseline
if [ "${SKIP_WORDPRESS:-0}" != 1 ] && [ -x "$wp/measure.sh" ]; then
  $sudo env WPBENCH_THEME=twentytwentyone "$wp/setup.sh"
  $sudo env DURATION="${BENCH_SECONDS:-20}" "$wp/measure.sh"
  export WP_SUMMARY=/tmp/wpbench/results/latest/summary.txt
  $sudo "$wp/stop.sh"
fi
exec python3 bench/compare.py
