#!/usr/bin/env bash
# Two nodes against one, through the same HAProxy (deploy/haproxy.cfg as documented), on a private PostgreSQL
# 15, everything on 127.0.0.1. Not a test and not in bin/test: run it on a quiet machine.
#
#   1. one node (no Hazelcast, as a single node runs) behind HAProxy: posts/s as readers post, a GET of the
#      article for a fresh form token then the POST of the form (bench/reader-posts.lua with wrk);
#   2. two clustered nodes behind the same HAProxy: the same load;
#   3. failover: the same load on the two nodes plus a reader probing the article every 20 ms on a new
#      connection; node 2 is killed with kill -9; how long until HAProxy marks it DOWN (its log), how long until
#      readers see no more errors, and how many requests failed.
#   After each run every acknowledged post (303) is counted in the database: stored exactly once.
#
#   bench/cluster.sh          BENCH_SECONDS (20) per measurement after a 5 s warm-up, BENCH_CONNECTIONS (8),
#                             BENCH_THREADS (2); needs the built war (mvn package), wrk, haproxy, postgresql 15
# About 3 minutes. Logs and databases under target/bench-cluster/ (deleted at the next run).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${BENCH_SECONDS:-20}
connections=${BENCH_CONNECTIONS:-8}
threads=${BENCH_THREADS:-2}
slug=why-comments-need-moderation
admin_password=bench-admin-password
secret=bench-cluster-secret-at-least-32-characters

pg_bin=/usr/lib/postgresql/15/bin
for tool in wrk haproxy python3 curl; do command -v $tool >/dev/null || { echo "$tool is missing (apt-get install $tool)" >&2; exit 1; }; done
[ -x "$pg_bin/initdb" ] || { echo "PostgreSQL 15 is missing (apt-get install postgresql)" >&2; exit 1; }
for f in target/payara-micro.jar target/ROOT.war; do [ -f "$f" ] || { echo "$f is missing: mvn -o package first" >&2; exit 1; }; done

work=$root/target/bench-cluster
pids=()
as_pg=()
[ "$(id -u)" -ne 0 ] || as_pg=(runuser -u postgres --)
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -f "$work/pg/data/postmaster.pid" ] && "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
rm -rf "$work"
mkdir -p "$work/pg"
[ "$(id -u)" -ne 0 ] || chown postgres: "$work/pg"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

pg_port=$(free_port)
"${as_pg[@]}" "$pg_bin/initdb" -D "$work/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/pg/initdb.log"
# durable as in production (fsync on): the database's commit cost is part of a post
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w \
  -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $work/pg -c max_connections=200" start >/dev/null
psql() { "$pg_bin/psql" -XtAq -h 127.0.0.1 -p "$pg_port" -U postgres "$@"; }

wait_ready() {  # url, what
  local until=$((SECONDS + 180))
  until curl -fsS -o /dev/null "$1/health/ready" 2>/dev/null; do
    [ $SECONDS -lt $until ] || { echo "$2 did not become ready; see $work" >&2; exit 1; }
    sleep 0.25
  done
}

# start_node NAME PORT DATABASE [MEMBERS HAZELCAST_PORT]: bin/serve in the background; its pid in node_pid
start_node() {
  local name=$1 port=$2 db=$3 members=${4:-} hz=${5:-}
  mkdir -p "$work/$name"
  (
    for v in $(compgen -e | grep '^MODERATO_' || true); do unset "$v"; done
    export MODERATO_DATA_DIR=$work/$name MODERATO_SECRET=$secret MODERATO_ADMIN_PASSWORD=$admin_password
    export MODERATO_DB_URL="jdbc:postgresql://127.0.0.1:$pg_port/$db" MODERATO_DB_USER=postgres
    export MODERATO_TRUSTED_PROXIES=127.0.0.1 MODERATO_LOGIN_ATTEMPTS_PER_IP=1000
    if [ -n "$members" ]; then export MODERATO_CLUSTER_MEMBERS=$members MODERATO_CLUSTER_PORT=$hz; fi
    exec bin/serve --port "$port"
  ) >"$work/$name.log" 2>&1 &
  node_pid=$!
  pids+=("$node_pid")
  wait_ready "http://127.0.0.1:$port" "$name"
}

# start_balancer NODE1 NODE2: HAProxy with the documented config; its log lines stamped with the time they came
start_balancer() {
  [ -z "${lb_pid:-}" ] || kill "$lb_pid" 2>/dev/null || true
  lb_port=$(free_port)
  MODERATO_LB_BIND=127.0.0.1:$lb_port MODERATO_NODE1=$1 MODERATO_NODE2=$2 MODERATO_NODE3=127.0.0.1:$(free_port) \
    haproxy -f deploy/haproxy.cfg \
    > >(while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done >"$work/haproxy-$lb_port.log") 2>&1 &
  lb_pid=$!
  pids+=("$lb_pid")
  wait_ready "http://127.0.0.1:$lb_port" "HAProxy"
  # the unused addresses leave the rotation after two failed checks a second apart
  sleep 3
}

# every post approved at once and all comments on one page, as in bench/compare.sh: each post changes the page
set_rules() {
  python3 - "$1" "$admin_password" <<'EOF'
import sys
sys.path.insert(0, "bench")
import compare
client = compare.Client(int(sys.argv[1]), cookies=True)
_, _, login = client.call("GET", "/login")
status, _, _ = client.call("POST", "/login", {"loginform": "loginform", "username": "admin", "password": sys.argv[2],
                                              "login": "Log in", "jakarta.faces.ViewState": compare.view_state(login)})
assert status == 302, "login failed: %d" % status
compare.set_rules(client, {"defaultDecision": "APPROVE", "floodSeconds": "0", "formMinSeconds": "0", "commentsPerPage": "0"},
                  drop=["trustApprovedAuthors"])
EOF
}

# load SECONDS: reader-posts.lua through the balancer; prints wrk's output, sets accepted
load() {
  local out
  out=$(SLUG=$slug wrk -t"$threads" -c"$connections" -d"$1"s --timeout 10s -s bench/reader-posts.lua "http://127.0.0.1:$lb_port/")
  printf '%s\n' "$out" >>"$work/wrk.log"
  accepted=$(printf '%s\n' "$out" | sed -n 's/^ACCEPTED \([0-9]*\).*/\1/p')
  last_wrk=$out
}

stored() { psql -d "$1" -c "SELECT count(*) FROM comments WHERE body LIKE '%Benchmark comment %'"; }
distinct_stored() { psql -d "$1" -c "SELECT count(DISTINCT body) FROM comments WHERE body LIKE '%Benchmark comment %'"; }

# measure DATABASE LABEL: a warm-up, the measurement, then the acknowledged posts against the stored ones (a post
# cut off when wrk stops may be stored without its 303 being counted, so stored >= acknowledged; distinct = stored
# says none was stored twice)
measure() {
  local total=0 errors rate
  load 5; total=$((total + accepted))
  load "$seconds"; total=$((total + accepted))
  rate=$(python3 -c "print('%.1f' % ($accepted / $seconds))")
  errors=$(printf '%s\n' "$last_wrk" | grep -E 'Non-2xx|Socket errors' | tr '\n' ' ' || true)
  echo "$2: $rate posts/s acknowledged ($accepted in ${seconds} s, $connections connections, requests/s: $(printf '%s\n' "$last_wrk" | sed -n 's/^Requests\/sec: *//p'))"
  echo "   $total acknowledged in all, $(stored "$1") stored, $(distinct_stored "$1") distinct${errors:+; $errors}"
  results+=("$2: $rate posts/s")
}
results=()

echo "== one node behind HAProxy"
psql -d postgres -c "CREATE DATABASE one"
p1=$(free_port)
start_node single "$p1" one
single_pid=$node_pid
start_balancer "127.0.0.1:$p1" "127.0.0.1:$(free_port)"
set_rules "$p1"
measure one "one node"
kill "$single_pid"; wait "$single_pid" 2>/dev/null || true

echo "== two nodes behind HAProxy"
psql -d postgres -c "CREATE DATABASE two"
pa=$(free_port); pb=$(free_port); ha=$(free_port); hb=$(free_port)
members="127.0.0.1:$ha,127.0.0.1:$hb"
start_node node1 "$pa" two "$members" "$ha"
start_node node2 "$pb" two "$members" "$hb"
node2_pid=$node_pid
grep -q "Cluster: 2 member" "$work/node2.log" || echo "warning: node2's log does not show a cluster of 2 members" >&2
start_balancer "127.0.0.1:$pa" "127.0.0.1:$pb"
set_rules "$pa"
measure two "two nodes"

echo "== failover: kill -9 of node2 under the same load"
python3 - "$lb_port" "$slug" >"$work/probe.log" <<'EOF' &
import http.client, sys, time
port, slug = int(sys.argv[1]), sys.argv[2]
end = time.time() + 25
while time.time() < end:
    t = time.time()
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        c.request("GET", "/articles/" + slug)
        r = c.getresponse(); r.read(); c.close()
        ok = r.status == 200
        what = str(r.status)
    except Exception as e:
        ok, what = False, type(e).__name__
    print("%.3f %s %s" % (t, "ok" if ok else "ERR", what), flush=True)
    time.sleep(0.02)
EOF
probe_pid=$!
pids+=("$probe_pid")
before_failover=$(stored two)
( sleep 5; date +%s.%N >"$work/killed-at"; kill -9 "$node2_pid" ) &
load 20
wait "$probe_pid" || true
killed=$(cat "$work/killed-at")
down=$(grep -m1 -E 'node2 is DOWN' "$work"/haproxy-"$lb_port".log | cut -d' ' -f1 || true)
python3 - "$killed" "${down:-}" "$work/probe.log" <<'EOF'
import sys
killed, down, log = float(sys.argv[1]), sys.argv[2], sys.argv[3]
rows = [l.split() for l in open(log) if l.strip()]
after = [r for r in rows if float(r[0]) >= killed - 0.5]
errors = [r for r in after if r[1] == "ERR"]
print("HAProxy marked node2 DOWN %s after the kill" % (("%.2f s" % (float(down) - killed)) if down else "(no DOWN line in its log)"))
print("reader probe: %d requests from the kill on, %d failed%s" % (len(after), len(errors),
      (", the last failure %.2f s after the kill (%s)" % (float(errors[-1][0]) - killed, ", ".join(sorted({e[2] for e in errors})))) if errors else ""))
EOF
echo "posters during the failover: $accepted acknowledged in 20 s; $(printf '%s\n' "$last_wrk" | grep -E 'Non-2xx|Socket errors' | tr '\n' ' ' || true)"
echo "stored after the failover: $(stored two) ($(distinct_stored two) distinct; $before_failover before it)"
echo
printf '%s\n' "${results[@]}"
echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC')"
