# Bulkhead: the two commands are `make run` and `make test`.
#   make run [BOARD=qemu_rv32_virt] [APPS="a.tbf b.tbf"]   boot a board with apps (quit: Ctrl-a x)
#   make test                                            every test; ends "N passed, N failed"
#   make build [BOARD=...]                               build one board
#   make boards                                          build every board
#   make bench                                           benchmarks + footprint table (build/bench/)
BOARD ?= qemu_mps2_an386
BOARDS := qemu_mps2_an386 qemu_rv32_virt qemu_rv32_virt_64k
APPS ?=
BUILD := build/$(BOARD)
# Example apps `make run` loads when APPS is not given (paths in the userland build).
DEFAULT_APPS := examples/hello/hello.tbf examples/ticker/ticker_slow.tbf

.PHONY: all setup build boards run test bench clean

all: build

setup:
	@tools/setup

build: setup
	@cmake -S . -B $(BUILD) -G Ninja -DBOARD=$(BOARD) >/dev/null
	@ninja -C $(BUILD)

boards: setup
	@for b in $(BOARDS); do $(MAKE) --no-print-directory build BOARD=$$b || exit 1; done

run: build
	@apps="$(APPS)"; if [ -z "$$apps" ]; then \
	    dir=$$(tools/build-apps --board $(BOARD)) || exit 1; \
	    for a in $(DEFAULT_APPS); do apps="$$apps $$dir/$$a"; done; \
	fi; \
	tools/run-qemu --board $(BOARD) --interactive $$apps

test: setup
	@python3 tests/run_all.py

bench: setup
	@python3 tools/bench.py

clean:
	rm -rf build
