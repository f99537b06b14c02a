#!/bin/sh
# Builds every fuzz target and runs each for SECONDS, one after the other,
# then prints each one's runs, runs per second and any crash.
#
#   fuzz/run.sh SECONDS [TARGET...]     (default: every target)
#
# Needs cargo-fuzz and a nightly toolchain. Each target starts from its
# seeds in fuzz/corpus/TARGET/ (left as they are) and from what earlier
# runs added in fuzz/work/TARGET/; crashes land in fuzz/artifacts/TARGET/.
# On a shared machine run it under `nice -n 19`.
set -u
cd "$(dirname "$0")" || exit 2
seconds=${1:-}
case $seconds in
'' | *[!0-9]*)
    echo "usage: fuzz/run.sh SECONDS [TARGET...]" >&2
    exit 2
    ;;
esac
shift
if [ $# -gt 0 ]; then
    targets=$*
else
    targets="parse parse_render query state config"
    # The extract target runs too once it is there.
    [ -f fuzz_targets/extract.rs ] && targets="$targets extract"
fi
# Debug assertions on (overflow checks too), as in `cargo test`; no
# AddressSanitizer: the crate forbids unsafe code, and without it the
# targets run several times as fast.
flags="-a -s none"
logs=work/logs
mkdir -p "$logs"
echo "building: $targets"
# shellcheck disable=SC2086
if ! cargo +nightly fuzz build $flags >"$logs/build.log" 2>&1; then
    tail -30 "$logs/build.log" >&2
    echo "the fuzz targets do not build (see fuzz/$logs/build.log)" >&2
    exit 1
fi
failed=0
summary=""
for t in $targets; do
    mkdir -p "work/$t"
    seeds=""
    [ -d "corpus/$t" ] && seeds="corpus/$t"
    echo "running $t for ${seconds}s"
    # shellcheck disable=SC2086
    cargo +nightly fuzz run $flags "$t" "work/$t" $seeds -- \
        -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
        >"$logs/$t.log" 2>&1
    status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logs/$t.log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$logs/$t.log" | tail -1)
    # How long it fuzzed (the build before it left out), from libFuzzer's
    # own count: its runs over its runs per second.
    took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$logs/$t.log" | tail -1)
    if [ -z "$took" ] && [ "${rate:-0}" -gt 0 ] 2>/dev/null; then
        took=$((runs / rate))
    fi
    crash=$(sed -n 's/.*Test unit written to \(.*\)/\1/p' "$logs/$t.log" | tail -1)
    if [ "$status" -eq 0 ]; then
        result="no crash"
    else
        failed=1
        result="CRASH ${crash:-(see fuzz/$logs/$t.log)}"
        grep -m1 -E "panicked at|ERROR: libFuzzer|SUMMARY" "$logs/$t.log" >&2
    fi
    # The folders the targets work in (a crash, or the end of a run,
    # leaves them behind).
    rm -rf /dev/shm/fuzz-state* /dev/shm/fuzz-theme*
    line=$(printf '%-14s %6ss %12s runs %8s/s  %s' "$t" "${took:-?}" "${runs:-?}" "${rate:-?}" "$result")
    echo "$line"
    summary="$summary$line
"
done
echo
echo "target         length         runs     runs/s  result"
printf '%s' "$summary"
exit "$failed"
