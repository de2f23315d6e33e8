# Top-level Makefile: wraps configure, meson and ninja.
#
#   make              build (./build)
#   make run          build and boot the default machine
#   make check        plain and sanitizer builds, every test suite
#   make check-unit | check-qtest | check-tcg | check-functional
#   make bench        benchmarks (prints numbers; never fails on speed)
#   make docs         Sphinx HTML documentation in build/docs
#   make clean        remove the build directories

BUILD      ?= build
BUILD_SAN  ?= build-san
NINJA      ?= ninja
SRC        := $(CURDIR)

.PHONY: all deps build build-san run check check-unit check-qtest \
        check-tcg check-functional bench docs clean help

all: build

help:
	@sed -n '2,12p' Makefile | sed 's/^# \{0,1\}//'

deps:
	@scripts/install-deps.sh

$(BUILD)/build.ninja: | deps
	./configure --builddir=$(BUILD)

$(BUILD_SAN)/build.ninja: | deps
	./configure --builddir=$(BUILD_SAN) --enable-sanitizers --disable-docs

build: $(BUILD)/build.ninja
	$(NINJA) -C $(BUILD)

build-san: $(BUILD_SAN)/build.ninja
	$(NINJA) -C $(BUILD_SAN)

run: build
	$(BUILD)/qemu-system-cr16 -nographic $(RUNARGS)

check: deps
	@scripts/run-check.sh all $(BUILD) $(BUILD_SAN)

check-unit check-qtest check-tcg check-functional: deps
	@scripts/run-check.sh $(patsubst check-%,%,$@) $(BUILD) $(BUILD_SAN)

bench: build
	@scripts/run-bench.sh $(BUILD)

docs: $(BUILD)/build.ninja
	$(NINJA) -C $(BUILD) docs

clean:
	rm -rf $(BUILD) $(BUILD_SAN)
