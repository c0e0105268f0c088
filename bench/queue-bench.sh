#!/usr/bin/env bash
# Queue benchmark (issue 5): how long /moderation takes to render its first page and its next pages
# with 100,000 pending comments (plus 20,000 approved, 5,000 spam, 5,000 trash), on this machine.
#
#   bench/queue-bench.sh [--port 8199] [--pending 100000] [--seconds 10] [--keep DIR]
#
# 1. builds the war when missing; 2. starts Moderato once on a fresh data dir so Flyway creates the
# schema, and stops it; 3. loads the comments straight into the H2 file with H2's RunScript (the
# server is down: an H2 file has one process at a time); 4. starts Moderato again and logs in as
# admin; 5. warms the server up (3 s per page, not counted); 6. for each page asks once with curl (checks the page is right), then runs wrk with one
# connection (one moderator, requests back to back) and prints wrk's latency distribution, then
# times 100 sequential requests with curl and prints min / median / 90th percentile (the minimum shows
# the cost when nothing else competes for the CPU; the load average is printed with the results).
# Everything runs on 127.0.0.1; needs wrk (apt-get install wrk) and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
port=8199 pending=100000 seconds=10 keep=
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port=$2; shift 2 ;;
    --pending) pending=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;   # leave the loaded data directory here afterwards, for a closer look
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -f target/ROOT.war ] || mvn -B -q -Dmaven.test.skip=true package
h2=$HOME/.m2/repository/com/h2database/h2/2.2.224/h2-2.2.224.jar
[ -f "$h2" ] || mvn -B -q dependency:get -Dartifact=com.h2database:h2:2.2.224

work=$(mktemp -d /tmp/moderato-bench-XXXXXX)
data=$work/data
base=http://127.0.0.1:$port
server=
stop() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi; server=; }
finish() {
  stop
  if [ -n "$keep" ]; then rm -rf "$keep"; mv "$data" "$keep"; fi
  # the JVM may still be closing its files for a moment after it was reaped
  for _ in 1 2 3; do rm -rf "$work" 2>/dev/null; [ -e "$work" ] || break; sleep 1; done
}
trap finish EXIT

start() {
  MODERATO_DATA_DIR=$data MODERATO_ADMIN_PASSWORD=bench-password MODERATO_JAVA_OPTS=-Xmx1g \
    bin/serve --port "$port" >>"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 180); do
    curl -sf "$base/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "server did not start; log in $work/server.log" >&2; tail -40 "$work/server.log" >&2; exit 1
}

echo "== schema"; start; stop
echo "== loading $pending pending comments (+30,000 others)"
sed "s/\${pending}/$pending/g" bench/load-queue.sql >"$work/load.sql"
time java -cp "$h2" org.h2.tools.RunScript -url "jdbc:h2:file:$data/moderato" -user sa -script "$work/load.sql"
echo "== starting"; start

jar=$work/cookies
curl -s -c "$jar" -b "$jar" "$base/login" >"$work/login.html"
state=$(grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' "$work/login.html" | head -1 | sed 's/.*value="//; s/"$//')
curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "loginform=loginform" \
  --data-urlencode "username=admin" --data-urlencode "password=bench-password" --data-urlencode "login=Log in" \
  --data-urlencode "jakarta.faces.ViewState=$state" "$base/login" | grep -q 302 || { echo "login failed" >&2; exit 1; }
session=$(awk '$6 == "JSESSIONID" { print $7 }' "$jar" | tail -1)

first=1000001
declare -a names urls
names+=("first page (pending, oldest first)"); urls+=("/moderation")
names+=("next page (page 2)"); urls+=("/moderation?status=pending&after=$((first + 49))")
names+=("page 1,000 (after the 50,000th)"); urls+=("/moderation?status=pending&after=$((first + 49999))")
names+=("last page"); urls+=("/moderation?status=pending&after=$((first + pending - 30))")
names+=("previous page (from the middle)"); urls+=("/moderation?status=pending&before=$((first + 50000))")
names+=("approved, first page (newest first)"); urls+=("/moderation?status=approved")
names+=("all, next page (newest first)"); urls+=("/moderation?status=all&after=$((first + pending + 10000))")

# a server that has run for a while has compiled its hot code; the first seconds after a start have not
echo "== warming up: 3 s of requests per page, not counted"
for path in "${urls[@]}"; do
  wrk -t1 -c1 -d3s -H "Cookie: JSESSIONID=$session" "$base$path" >/dev/null
done

echo "== one moderator, requests back to back, ${seconds}s per page (wrk -t1 -c1)"
for i in "${!urls[@]}"; do
  url=$base${urls[$i]}
  code=$(curl -s -o "$work/page.html" -w '%{http_code}' -H "Cookie: JSESSIONID=$session" "$url")
  rows=$(grep -c 'class="queued-comment' "$work/page.html" || true)
  [ "$code" = 200 ] && [ "$rows" -gt 0 ] || { echo "bad page $url: $code, $rows rows" >&2; exit 1; }
  echo "-- ${names[$i]}: ${urls[$i]} ($rows rows, $(wc -c <"$work/page.html") bytes)"
  wrk -t1 -c1 -d"${seconds}s" --latency -H "Cookie: JSESSIONID=$session" "$url" | grep -E 'Latency|50%|90%|99%|Requests/sec'
  for _ in $(seq 1 100); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Cookie: JSESSIONID=$session" "$url"
  done | sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "    curl x100: min %.1f ms, median %.1f ms, p90 %.1f ms\n", t[1], t[50], t[90] }'
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
