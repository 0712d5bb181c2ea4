# RV32IMAC with PMP: variant glue over arch/riscv.
# -misa-spec=2.2 keeps the rv32imac/ilp32 multilib while still accepting the
# CSR instructions (see shared/platforms.md, "RISC-V toolchain").
set(ARCH_FAMILY riscv)
set(ARCH_TOOLCHAIN riscv64-unknown-elf)
set(ARCH_FLAGS -march=rv32imac -misa-spec=2.2 -mabi=ilp32 -mcmodel=medany)
