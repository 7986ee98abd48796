#!/usr/bin/env bash
# varnish_ceiling.sh: a cached page through Varnish against the machine's static-file ceiling.
#
#   HTTP_CACHE_SECONDS=86400 make prod     # the app on PORT, page cache on, pages shareable
#   bash bench/varnish_ceiling.sh --backend http://127.0.0.1:8000 [--duration 10] [--rounds 3]
#
# It starts, on free loopback ports, varnishd with deploy/varnish/columnist.vcl in front of
# the running app, nginx serving static copies of the pages (the same bytes, so the same
# size), and a second varnishd keeping those static copies in its cache. For the home page and
# one column (--column PATH, else the sitemap's first) it measures with wrk (-t2 -c16, the
# issue's 16 connections, --duration seconds each, after --warmup, 2 s) in --rounds rounds,
# alternating the servers within each round:
#   nginx static file | Varnish, static file cached | Varnish, the app's page cached |
#   granian alone, the app's Redis page cache
# and prints one table: median requests/s over the rounds, p50 and p99 of the median run, and
# the ratio to nginx's static file. Raw wrk output goes to --out. wrk runs on the same cores
# as the servers: the table says how much CPU it took. Everything it started is stopped on exit.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BACKEND=http://127.0.0.1:8000 DURATION=10 ROUNDS=3 WARMUP=2 COLUMN="" OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --backend) BACKEND=${2%/}; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --column) COLUMN=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
BACKEND_HOST=$(python3 -c 'import sys, urllib.parse as u; print(u.urlsplit(sys.argv[1]).hostname or "")' "$BACKEND")
BACKEND_PORT=$(python3 -c 'import sys, urllib.parse as u; print(u.urlsplit(sys.argv[1]).port or 80)' "$BACKEND")
case "$BACKEND_HOST" in 127.*|localhost) ;; *) echo "loopback only, not $BACKEND_HOST" >&2; exit 2 ;; esac
VARNISHD=$(command -v varnishd || echo /usr/sbin/varnishd)
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
for tool in "$VARNISHD" "$NGINX" "$(command -v wrk)"; do
  [ -x "$tool" ] || { echo "needs varnishd, nginx and wrk" >&2; exit 2; }
done
OUT=${OUT:-$ROOT/bench/results/varnish-ceiling-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/varnish-ceiling.XXXXXX)
chmod 755 "$WORK"  # nginx's workers (nobody) read the static files from here
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_port() {  # port pid
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { echo "a server did not start; logs in $OUT" >&2; exit 1; }
    sleep 0.1
  done
  echo "nothing listens on $1" >&2; exit 1
}

# The app must mark its pages shareable, or Varnish keeps nothing.
headers=$(curl -sf -D - -o /dev/null "$BACKEND/")  # a GET: a HEAD is answered but never stored
if ! grep -qi '^cache-control:.*s-maxage=[1-9]' <<< "$headers"; then
  echo "$BACKEND/ has no s-maxage: start make prod with HTTP_CACHE_SECONDS=86400 (deploy/README.md)" >&2
  exit 1
fi
if [ -z "$COLUMN" ]; then
  sitemap=$(curl -sf "$BACKEND/sitemap-columns.xml")
  COLUMN=$(grep -o '<loc>[^<]*' <<< "$sitemap" | sed -n '1s#<loc>[a-z]*://[^/]*##p')
fi

# The static twins: each page's own bytes.
mkdir -p "$WORK/static"
curl -sf "$BACKEND/" -o "$WORK/static/home.html"
curl -sf "$BACKEND$COLUMN" -o "$WORK/static/column.html"

NGINX_PORT=$(free_port)
cat > "$WORK/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid $WORK/nginx.pid;
error_log $OUT/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  types { text/html html; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/static;
  }
}
EOF
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" &
PIDS+=($!)
wait_port "$NGINX_PORT" "${PIDS[-1]}"

start_varnish() {  # name vcl-file; sets PORT (not in a subshell: PIDS must keep the pid)
  PORT=$(free_port)
  "$VARNISHD" -F -j none -n "$WORK/$1" -a "127.0.0.1:$PORT" -T 127.0.0.1:0 -S none \
    -f "$2" -s malloc,256m > "$OUT/varnishd-$1.log" 2>&1 &
  PIDS+=($!)
  wait_port "$PORT" "${PIDS[-1]}"
}
sed "s/.port = \"8000\";/.port = \"$BACKEND_PORT\";/" "$ROOT/deploy/varnish/columnist.vcl" > "$WORK/app.vcl"
cat > "$WORK/static.vcl" <<EOF
vcl 4.1;
backend default { .host = "127.0.0.1"; .port = "$NGINX_PORT"; }
sub vcl_recv { unset req.http.Cookie; return (hash); }
sub vcl_backend_response { set beresp.ttl = 1h; }
EOF
start_varnish app "$WORK/app.vcl"; VARNISH_APP=$PORT
start_varnish static "$WORK/static.vcl"; VARNISH_STATIC=$PORT

# label|page|url
TARGETS=()
for page in home column; do
  if [ $page = home ]; then path=/; else path=$COLUMN; fi
  TARGETS+=("nginx, static file|$page|http://127.0.0.1:$NGINX_PORT/$page.html")
  TARGETS+=("Varnish, static file cached|$page|http://127.0.0.1:$VARNISH_STATIC/$page.html")
  TARGETS+=("Varnish, app page cached|$page|http://127.0.0.1:$VARNISH_APP$path")
  TARGETS+=("granian, Redis page cache|$page|$BACKEND$path")
done
for target in "${TARGETS[@]}"; do  # fill every cache, and check it is kept
  url=${target##*|}
  for _ in 1 2; do headers=$(curl -sf -D - -o /dev/null "$url"); done
  case "$target" in
    Varnish*) grep -qiE '^x-varnish: [0-9]+ [0-9]+' <<< "$headers" \
                || { echo "Varnish does not keep $url" >&2; exit 1; } ;;
    granian*) grep -qi '^x-page-cache: hit' <<< "$headers" \
                || { echo "the page cache does not keep $url" >&2; exit 1; } ;;
  esac
done

echo "Date: $(date -u '+%Y-%m-%d %H:%M:%S UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(uname -sr)"
echo "$("$VARNISHD" -V 2>&1 | head -1); $("$NGINX" -v 2>&1); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2); granian $("$ROOT/.venv/bin/python" -c 'import granian; print(granian.__version__)' 2>/dev/null || echo '?')"
echo "wrk -t2 -c16 -d${DURATION}s, $ROUNDS rounds; home $(stat -c %s "$WORK/static/home.html") bytes, column $COLUMN $(stat -c %s "$WORK/static/column.html") bytes"
echo

to_ms() { awk '{ v = $1; if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0; else if (v ~ /m$/) printf "%.0f", v * 60000; else printf "%.0f", v * 1000 }'; }
for round in $(seq "$ROUNDS"); do
  i=0
  for target in "${TARGETS[@]}"; do
    url=${target##*|}
    wrk -t2 -c16 -d"${WARMUP}s" "$url" > /dev/null
    /usr/bin/time -f "%U %S" -o "$OUT/cpu-$i-$round" \
      wrk -t2 -c16 -d"${DURATION}s" --latency "$url" > "$OUT/wrk-$i-$round.txt"
    i=$((i + 1))
  done
done

echo "| page | server | req/s (median) | min | p50 ms | p99 ms | errors | wrk CPU | × static |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
i=0
for target in "${TARGETS[@]}"; do
  IFS='|' read -r label page _ <<< "$target"
  runs=()
  for round in $(seq "$ROUNDS"); do
    f=$OUT/wrk-$i-$round.txt
    rps=$(awk '/Requests\/sec/ { print $2 }' "$f")
    runs+=("$rps $round")
  done
  median=$(printf '%s\n' "${runs[@]}" | sort -n | awk '{ a[NR] = $0 } END { print a[int((NR + 1) / 2)] }')
  minimum=$(printf '%s\n' "${runs[@]}" | sort -n | head -1 | cut -d' ' -f1)
  rps=${median% *}; round=${median#* }
  f=$OUT/wrk-$i-$round.txt
  p50=$(awk '$1 == "50%" { print $2 }' "$f" | to_ms)
  p99=$(awk '$1 == "99%" { print $2 }' "$f" | to_ms)
  errors=$(awk '/Socket errors|Non-2xx/ { for (k = 1; k <= NF; k++) if ($k ~ /^[0-9]+,?$/) s += $k } END { print s + 0 }' "$f")
  cpu=$(awk -v d="$DURATION" '{ printf "%.0f%%", 100 * ($1 + $2) / d }' "$OUT/cpu-$i-$round")
  if [ "$label" = "nginx, static file" ]; then ceiling=$rps; fi
  ratio=$(awk -v a="$rps" -v b="$ceiling" 'BEGIN { printf "%.2f", a / b }')
  printf '| %s | %s | %.0f | %.0f | %s | %s | %s | %s | %s |\n' \
    "$page" "$label" "$rps" "$minimum" "$p50" "$p99" "$errors" "$cpu" "$ratio"
  i=$((i + 1))
done
echo
echo "wrk CPU: of one core, in the median run (wrk shares the 2 cores with the server). Raw: $OUT"
