#!/usr/bin/env bash
# Build and run test suites in the plain and the sanitizer build directory,
# then print one summary line: "check: N passed, N failed".
#
# usage: run-check.sh SUITE|all PLAIN_BUILDDIR SANITIZER_BUILDDIR
set -u
suite=$1
plain=$2
san=$3
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$top/scripts/lsan.supp:print_suppressions=0}

suite_args=()
if [ "$suite" != all ]; then
    suite_args=(--suite "$suite")
fi

status=0
logs=()
for dir in "$plain" "$san"; do
    if [ ! -f "$dir/build.ninja" ]; then
        if [ "$dir" = "$san" ]; then
            ./configure --builddir="$dir" --enable-sanitizers --disable-docs || exit 1
        else
            ./configure --builddir="$dir" || exit 1
        fi
    fi
    echo "== building $dir"
    ninja -C "$dir" >"$dir/build-output.log" 2>&1 || {
        tail -n 60 "$dir/build-output.log"
        echo "check: build failed in $dir"
        exit 1
    }
    echo "== testing $dir (${suite})"
    rm -f "$dir/meson-logs/testlog.json"
    if ! meson test -C "$dir" --no-rebuild --print-errorlogs \
            --num-processes 2 "${suite_args[@]}"; then
        status=1
    fi
    logs+=("$dir/meson-logs/testlog.json")
done

python3 scripts/check-summary.py "${logs[@]}" || status=1
exit $status
