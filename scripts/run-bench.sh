#!/usr/bin/env bash
#
# run-bench.sh BUILDDIR: build and run every benchmark of tests/bench and
# print their numbers (called by "make bench").
#
#   bench-memory  memory API dispatch (MMIO reads, RAM loads, map/unmap)
#   bench-tcg     the TCG backends on hand-built IR (no guest frontend)
#   bench-cr16    the CR16 workloads of tests/bench/cr16 on a cr16c-cpu,
#                 both backends, and the translation rate
#
# Speed never makes this fail: the numbers are for reading.  It exits
# non-zero only when a benchmark cannot be built or does not run to its
# end (a crash, or a workload reporting a wrong result).
#
# Copyright (c) 2026 qemu-cr16 contributors
# SPDX-License-Identifier: GPL-2.0-or-later

set -u

if [ $# -ne 1 ]; then
    echo "usage: $0 BUILDDIR" >&2
    exit 2
fi
build=$1
benches="bench-memory bench-tcg bench-cr16"
ninja=${NINJA:-ninja}

if [ ! -f "$build/build.ninja" ]; then
    echo "run-bench: $build is not a configured build directory" >&2
    exit 2
fi

targets=
for b in $benches; do
    targets="$targets tests/bench/$b"
done
# shellcheck disable=SC2086
if ! "$ninja" -C "$build" $targets >/dev/null; then
    echo "run-bench: building the benchmarks failed" >&2
    exit 1
fi

failed=
echo "== benchmarks ($(uname -m), $(nproc 2>/dev/null || echo '?') CPUs," \
     "$(date -u '+%Y-%m-%d %H:%M UTC'))"
for b in $benches; do
    exe=$build/tests/bench/$b
    echo "-- $b"
    if ! "$exe"; then
        echo "run-bench: $b did not complete" >&2
        failed="$failed $b"
    fi
done

if [ -n "$failed" ]; then
    echo "bench: failed:$failed"
    exit 1
fi
echo "bench: all benchmarks ran (numbers above; speed is never a failure)"
