# Bulkhead: the two commands are `make run` and `make test`.
#   make run [BOARD=qemu_rv32_virt] [APPS="a.tbf b.tbf"]   boot a board in QEMU (quit: Ctrl-a x)
#   make test                                            every test; ends "N passed, N failed"
#   make build [BOARD=...]                               build one board
#   make boards                                          build every board
BOARD ?= qemu_mps2_an386
BOARDS := qemu_mps2_an386 qemu_rv32_virt qemu_rv32_virt_64k
APPS ?=
BUILD := build/$(BOARD)

.PHONY: all setup build boards run test clean

all: build

setup:
	@tools/setup

build: setup
	@cmake -S . -B $(BUILD) -G Ninja -DBOARD=$(BOARD) >/dev/null
	@ninja -C $(BUILD)

boards: setup
	@for b in $(BOARDS); do $(MAKE) --no-print-directory build BOARD=$$b || exit 1; done

run: build
	@tools/run-qemu --board $(BOARD) --interactive $(APPS)

test: setup
	@python3 tests/run_all.py

clean:
	rm -rf build
