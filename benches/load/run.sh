#!/usr/bin/env bash
# HTTP load bench on loopback: wrk against `passerelle serve` and a trivial axum ceiling.
#
# Usage (from any directory):
#   bash benches/load/run.sh [--duration SECONDS] [--warmup SECONDS] [--connections N]
#                            [--threads N]
#   bash benches/load/run.sh --soak MINUTES
#
# The default run builds the release `passerelle` and the `ceiling` bin (benches crate),
# starts both on free loopback ports, and runs wrk (64 connections, 2 threads, 20 s after
# a 5 s warm-up) on: the ceiling `GET /json` (before and after the API routes, to show
# drift on a noisy machine), `POST /api/v1/recommendations` (ten profiles in rotation),
# `POST /api/v1/extract` (a 2 KB posting) and `GET /api/v1/territories/region/84/needs`.
# It prints requests/s, p50, p99 and errors per route and each route's ratio to the
# ceiling (the mean of its two runs); the server's CPU time per answer (/proc); and,
# from the server's /metrics over the same run, the mean time of an answer's engine call
# and of its writing as JSON, and their ratio.
# `--soak MINUTES` instead runs recommendations for MINUTES while sampling the server's
# resident memory (VmRSS) every 10 s, then reports errors and memory over the run.
# wrk is installed with apt-get when missing. Raw wrk outputs, server logs and the RSS
# samples go to target/load/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
export LOAD_DIR="$here"

duration=20
warmup=5
connections=64
threads=2
soak_minutes=""
# The demo catalogue's reference day: its sessions and labels are dated around it.
today=2026-11-29

while [[ $# -gt 0 ]]; do
    case "$1" in
        --duration) duration="$2"; shift 2 ;;
        --warmup) warmup="$2"; shift 2 ;;
        --connections) connections="$2"; shift 2 ;;
        --threads) threads="$2"; shift 2 ;;
        --soak) soak_minutes="$2"; shift 2 ;;
        -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "load: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done

if ! command -v wrk >/dev/null; then
    echo "load: installing wrk with apt-get"
    sudo=""
    [[ "$(id -u)" != 0 ]] && sudo="sudo"
    $sudo apt-get install -y wrk >/dev/null || {
        $sudo apt-get update >/dev/null && $sudo apt-get install -y wrk >/dev/null
    }
fi

echo "load: building release passerelle and ceiling"
cargo build --release --quiet -p passerelle-server -p passerelle-benches \
    --bin passerelle --bin ceiling

out="$root/target/load"
mkdir -p "$out"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
}
trap cleanup EXIT

# Starts a server on a free port (it binds port 0) and sets `address` from the
# "listening on http://ADDR" line it prints on stderr.
start() {
    local name="$1"
    shift
    # Emptied first: the server opens it after a fork, and the previous run's address
    # must not be read meanwhile.
    : >"$out/$name.log"
    "$@" 2>"$out/$name.log" &
    local pid=$!
    pids+=("$pid")
    eval "${name}_pid=$pid"
    for _ in $(seq 600); do
        address="$(sed -n 's/.*listening on http:\/\/\([^ ]*\).*/\1/p' "$out/$name.log")"
        [[ -n "$address" ]] && return 0
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "load: $name exited:" >&2
            cat "$out/$name.log" >&2
            exit 1
        fi
        sleep 0.2
    done
    echo "load: $name did not start within 120 s" >&2
    exit 1
}

start passerelle target/release/passerelle serve --addr 127.0.0.1:0 --today "$today"
api="http://$address"
echo "load: passerelle (pid $passerelle_pid) on $api"

rss_kib() {
    awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"
}

# Runs wrk; prints the RESULT line of benches/load/report.lua.
# Fields: requests duration_us p50_us p99_us connect read write status timeout.
wrk_run() {
    local name="$1" seconds="$2" script="$3" url="$4"
    wrk --latency -t "$threads" -c "$connections" -d "${seconds}s" --timeout 5s \
        -s "$here/$script" "$url" >"$out/$name.txt"
    grep '^RESULT ' "$out/$name.txt" | cut -d' ' -f2-
}

# Each POST body must be accepted before it is measured: a bench of 422s measures nothing.
check_ok() {
    local name="$1" url="$2"
    wrk_run "check-$name" 1 "$3" "$url" >/dev/null
    local status
    status="$(grep '^RESULT ' "$out/check-$name.txt" | cut -d' ' -f9)"
    if [[ "$status" != 0 ]]; then
        echo "load: $name answered $status errors during the check; see $out/check-$name.txt" >&2
        exit 1
    fi
}

echo "load: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"

if [[ -n "$soak_minutes" ]]; then
    url="$api/api/v1/recommendations"
    idle_kib="$(rss_kib "$passerelle_pid")"
    check_ok recommendations "$url" recommendations.lua
    wrk_run soak-warmup "$warmup" recommendations.lua "$url" >/dev/null
    samples="$out/soak-rss.tsv"
    printf 'seconds\tvmrss_kib\n' >"$samples"
    echo "load: soak of $soak_minutes min on POST /api/v1/recommendations ($connections connections, $threads threads)"
    wrk --latency -t "$threads" -c "$connections" -d "${soak_minutes}m" --timeout 5s \
        -s "$here/recommendations.lua" "$url" >"$out/soak.txt" &
    wrk_pid=$!
    began=$SECONDS
    while kill -0 "$wrk_pid" 2>/dev/null; do
        printf '%d\t%s\n' "$((SECONDS - began))" "$(rss_kib "$passerelle_pid")" >>"$samples"
        for _ in $(seq 10); do
            kill -0 "$wrk_pid" 2>/dev/null || break
            sleep 1
        done
    done
    wait "$wrk_pid"
    printf '%d\t%s\n' "$((SECONDS - began))" "$(rss_kib "$passerelle_pid")" >>"$samples"
    read -r requests micros p50 p99 connect read write status timeout \
        < <(grep '^RESULT ' "$out/soak.txt" | cut -d' ' -f2-)
    kill -0 "$passerelle_pid" || { echo "load: passerelle died during the soak" >&2; exit 1; }
    echo
    echo "| soak | requests | req/s | p50 ms | p99 ms | non-2xx | socket errors (connect/read/write/timeout) |"
    echo "|---|---:|---:|---:|---:|---:|---|"
    awk -v m="$soak_minutes" -v n="$requests" -v us="$micros" -v a="$p50" -v b="$p99" \
        -v s="$status" -v e="$connect/$read/$write/$timeout" 'BEGIN {
        printf "| %s min recommendations | %d | %.0f | %.2f | %.2f | %d | %s |\n",
            m, n, n / (us / 1e6), a / 1000, b / 1000, s, e }'
    echo
    awk -F'\t' -v idle="$idle_kib" 'NR > 1 { t[NR] = $1; r[NR] = $2; if ($2 > max) max = $2; n = NR }
        END {
            mid = int((n + 2) / 2)
            printf "| VmRSS | idle | start (%d s) | middle (%d s) | end (%d s) | max | end - middle |\n", t[2], t[mid], t[n]
            print "|---|---:|---:|---:|---:|---:|---:|"
            printf "| MiB | %.1f | %.1f | %.1f | %.1f | %.1f | %+.1f |\n", idle / 1024, r[2] / 1024, r[mid] / 1024, r[n] / 1024, max / 1024, (r[n] - r[mid]) / 1024
        }' "$samples"
    echo
    echo "load: samples every 10 s in $samples"
    exit 0
fi

start ceiling target/release/ceiling 127.0.0.1:0
ceiling="http://$address"
echo "load: ceiling (pid $ceiling_pid) on $ceiling"

check_ok recommendations "$api/api/v1/recommendations" recommendations.lua
check_ok extract "$api/api/v1/extract" extract.lua
check_ok territory-needs "$api/api/v1/territories/region/84/needs" get.lua

# Route fields: name, label, wrk script, URL, the route template passerelle's /metrics
# files it under ("-" for the ceiling).
routes=(
    "ceiling|GET /json (ceiling, before)|get.lua|$ceiling/json|-"
    "recommendations|POST /api/v1/recommendations|recommendations.lua|$api/api/v1/recommendations|/api/v1/recommendations"
    "extract|POST /api/v1/extract|extract.lua|$api/api/v1/extract|/api/v1/extract"
    "territory-needs|GET /api/v1/territories/region/84/needs|get.lua|$api/api/v1/territories/region/84/needs|/api/v1/territories/{level}/{code}/needs"
    "ceiling-after|GET /json (ceiling, after)|get.lua|$ceiling/json|-"
)

# CPU seconds (user + system) the process has used so far.
cpu_seconds() {
    awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"
}

# The sum of a passerelle metric for one route template, 0 when absent.
metric() {
    awk -v key="$2{route=\"$3\"}" '$1 == key { print $2; found = 1 } END { if (!found) print 0 }' "$1"
}

results="$out/results.tsv"
: >"$results"
for route in "${routes[@]}"; do
    IFS='|' read -r name label script url template <<<"$route"
    echo "load: $label: ${warmup} s warm-up, ${duration} s measured"
    wrk_run "$name-warmup" "$warmup" "$script" "$url" >/dev/null
    pid="$passerelle_pid"
    [[ "$template" == - ]] && pid="$ceiling_pid"
    curl -s "$api/metrics" >"$out/$name-metrics-before.txt"
    cpu_before="$(cpu_seconds "$pid")"
    result="$(wrk_run "$name" "$duration" "$script" "$url")"
    cpu_after="$(cpu_seconds "$pid")"
    curl -s "$api/metrics" >"$out/$name-metrics-after.txt"
    # Engine and serialisation seconds, and the answers they were timed on, over the run.
    timing="- - - -"
    if [[ "$template" != - ]]; then
        timing=""
        for series in passerelle_answer_compute_seconds_total passerelle_answers_computed_total \
            passerelle_answer_serialise_seconds_total passerelle_answers_serialised_total; do
            before="$(metric "$out/$name-metrics-before.txt" "$series" "$template")"
            after="$(metric "$out/$name-metrics-after.txt" "$series" "$template")"
            timing+="$(awk -v a="$after" -v b="$before" 'BEGIN { printf "%.6f ", a - b }')"
        done
    fi
    printf '%s\t%s\t%s\t%s\n' "$label" "$result" \
        "$(awk -v a="$cpu_after" -v b="$cpu_before" 'BEGIN { printf "%.2f", a - b }')" \
        "$timing" >>"$results"
done

echo
echo "$connections connections, $threads wrk threads, ${duration} s per route; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| route | req/s | p50 ms | p99 ms | non-2xx | socket errors | vs ceiling | server CPU µs/answer | engine µs | JSON µs | (engine + JSON) / JSON |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
awk -F'\t' '{
        split($2, f, " ")
        label[NR] = $1; rps[NR] = f[1] / (f[2] / 1e6); p50[NR] = f[3] / 1000; p99[NR] = f[4] / 1000
        status[NR] = f[8]; socket[NR] = f[5] + f[6] + f[7] + f[9]
        cpu[NR] = 1e6 * $3 / f[1]
        split($4, t, " ")
        engine[NR] = t[2] > 0 ? 1e6 * t[1] / t[2] : -1
        json[NR] = t[4] > 0 ? 1e6 * t[3] / t[4] : -1
        if ($1 ~ /ceiling/) { ceiling += rps[NR]; runs++ }
    }
    END {
        ceiling /= runs
        for (i = 1; i <= NR; i++) {
            timed = engine[i] >= 0 && json[i] > 0
            printf "| %s | %.0f | %.2f | %.2f | %d | %d | %.1f %% | %.0f | %s | %s | %s |\n",
                label[i], rps[i], p50[i], p99[i], status[i], socket[i], 100 * rps[i] / ceiling, cpu[i],
                timed ? sprintf("%.1f", engine[i]) : "-", timed ? sprintf("%.1f", json[i]) : "-",
                timed ? sprintf("%.2f", (engine[i] + json[i]) / json[i]) : "-"
        }
    }' "$results"
echo
echo "server CPU: user + system time of the serving process over the run, per answer (the kernel's loopback TCP work included; wrk runs beside it)."
echo "engine / JSON: the CPU time of the engine call (freeing its result included) and of the writing of the answer as JSON, on the thread that made it, per answer (/metrics)."
