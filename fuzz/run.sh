#!/usr/bin/env bash
# Runs every fuzz target (or the ones named) for SECONDS each, one after the other.
#
# Usage: bash fuzz/run.sh [SECONDS] [TARGET...]      (default 30 s, all targets)
#
# Works on stable Rust: cargo-fuzz needs nightly flags (`-Z sanitizer`), which
# RUSTC_BOOTSTRAP=1 unlocks on the stable toolchain CI has. Targets are built in release
# with debug assertions, overflow checks and AddressSanitizer (cargo-fuzz's defaults);
# FUZZ_SANITIZER=none builds them without ASan, for more executions per second.
# Each target starts from its committed seeds (fuzz/corpus/TARGET, plus the LHEO test
# fixtures for `lheo`) and grows a working corpus in fuzz/target/corpus/TARGET, kept
# between runs; crashes land in fuzz/artifacts/TARGET/. Logs go to fuzz/target/logs/.
# Prints executions, coverage and the result per target; exits 1 if any target failed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$here"

seconds="${1:-30}"
shift || true
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    targets=(france_travail lheo profile recommend rome_csv word_bounds)
fi
sanitizer="${FUZZ_SANITIZER:-address}"
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz: installing cargo-fuzz"
    cargo install --locked cargo-fuzz@0.13.2
fi

# Longest input per target: a few postings, a catalogue of a few formations, a profile.
max_len() {
    case "$1" in
        france_travail) echo 16384 ;;
        lheo) echo 32768 ;;
        rome_csv) echo 8192 ;;
        *) echo 4096 ;;
    esac
}

echo "fuzz: building ${targets[*]} (sanitizer $sanitizer)"
for target in "${targets[@]}"; do
    cargo fuzz build --sanitizer "$sanitizer" "$target"
done

# A libFuzzer statistic (-print_final_stats) from the current target's log.
final_stat() {
    sed -n "s/^stat::$1: *//p" "$log" | tail -1
}

# rome_csv rewrites a file of its temporary export folder at every run: keep it in memory.
if [[ -z "${TMPDIR:-}" && -d /dev/shm && -w /dev/shm ]]; then
    export TMPDIR=/dev/shm
fi

mkdir -p target/logs
summary="target/logs/summary.tsv"
: >"$summary"
failed=0
for target in "${targets[@]}"; do
    work="target/corpus/$target"
    mkdir -p "$work" "artifacts/$target"
    seeds=("corpus/$target")
    [[ "$target" == lheo ]] && seeds+=("$root/tests/fixtures/lheo")
    log="target/logs/$target.log"
    echo "fuzz: $target for ${seconds} s"
    status=ok
    # New inputs go to the first folder (the working corpus), never to the seeds.
    if ! cargo fuzz run --sanitizer "$sanitizer" "$target" "$work" "${seeds[@]}" -- \
        -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=10 \
        -rss_limit_mb=4096 -print_final_stats=1 >"$log" 2>&1; then
        status="FAILED: $(grep -Eo 'Test unit written to \S+' "$log" | tail -1 | cut -d' ' -f5)"
        [[ "$status" == "FAILED: " ]] && status="FAILED: see fuzz/$log"
        failed=1
    fi
    # rome_csv's export folders of fuzzers no longer running.
    for folder in "${TMPDIR:-/tmp}"/passerelle-fuzz-rome-*; do
        [[ -d "$folder" ]] && ! kill -0 "${folder##*-}" 2>/dev/null && rm -rf "$folder"
    done
    coverage="$(grep -Eo 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$log" | tail -1)"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$seconds" \
        "$(final_stat number_of_executed_units)" "$(final_stat average_exec_per_sec)" \
        "${coverage:-? ? ? ? ? ?}" "$(final_stat new_units_added)" "$(final_stat peak_rss_mb)" \
        "$status" >>"$summary"
done

echo
echo "| target | seconds | executions | exec/s | edges | features | corpus | new units | peak RSS MB | result |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
awk -F'\t' '{
    split($5, c, " ")
    printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
        $1, $2, $3, $4, c[2], c[4], c[6], $6, $7, $8
}' "$summary"
exit "$failed"
