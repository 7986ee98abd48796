#!/bin/bash
# Search pages under the production server, one checkout after another in the same sitting
# (BENCHMARKS.md, "Search speed, session 5").
#
#   bash bench/search_speed.sh DIR LABEL PATH [COUNT_CACHE_SECONDS]
#
# Serves DIR's checkout as `make prod` does (config.serve: granian, one worker per core,
# DEBUG off) with the page cache off, on $PORT (8102) against $DATABASE_URL and $REDIS_URL,
# warms it for 5 s, runs wrk -t2 -c16 -d15s on PATH, stops it and prints one line: req/s,
# p50, non-2xx answers and the load average. COUNT_CACHE_SECONDS (default 600, production's)
# 0 recomputes the matches on every request. Run DIR's migrations and collectstatic first.
set -eu
DIR=$1; LABEL=$2; URL=$3; COUNTS=${4:-600}
PORT=${PORT:-8102}
: "${DATABASE_URL:?set DATABASE_URL}" "${REDIS_URL:?set REDIS_URL}"
cd "$DIR"
env -i PATH=/usr/bin:/bin HOME="$HOME" DATABASE_URL="$DATABASE_URL" REDIS_URL="$REDIS_URL" \
    DJANGO_SECRET_KEY=bench-secret DJANGO_SSL_REDIRECT=0 DJANGO_SECURE_COOKIES=0 PORT="$PORT" \
    PAGE_CACHE_SECONDS=0 COUNT_CACHE_SECONDS="$COUNTS" DJANGO_DEBUG=0 \
    DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost .venv/bin/python -m config.serve \
    >/tmp/search-speed-serve.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.2; done
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT$URL")
wrk -t2 -c16 -d5s "http://127.0.0.1:$PORT$URL" >/dev/null
out=$(wrk -t2 -c16 -d15s --latency "http://127.0.0.1:$PORT$URL")
rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
p50=$(echo "$out" | awk '$1=="50%" {print $2}')
non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
echo "$(date -u +%H:%M:%S) $LABEL $URL http=$code rps=$rps p50=$p50 non2xx=${non2xx:-0}" \
    "load=$(cut -d' ' -f1 /proc/loadavg)"
