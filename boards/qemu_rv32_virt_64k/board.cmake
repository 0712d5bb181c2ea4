# qemu_rv32_virt_64k: the virt machine with only 64 KiB of RAM (-m 64K).
#
# The whole system (kernel data, stack and every process) lives in 64 KiB of
# RAM; kernel code and apps execute in place from the virt machine's flash
# (pflash0 at 0x20000000). It reuses qemu_rv32_virt's chip wiring and
# kernel; only the memory layout differs.
set(BOARD_CPU rv32imac)
set(BOARD_CHIPS virt)
set(BOARD_PLATFORM_SOURCES ${CMAKE_CURRENT_LIST_DIR}/../qemu_rv32_virt/chip_setup.c
                           ${CMAKE_CURRENT_LIST_DIR}/../common/platform.c
                           ${CMAKE_CURRENT_LIST_DIR}/reset_stub.S)
set(BOARD_MAIN_SOURCE ${CMAKE_CURRENT_LIST_DIR}/../common/kernel_main.c)
set(BOARD_LINKER_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/layout.ld)

# Facts for board.json; must match layout.ld.
set(BOARD_QEMU qemu-system-riscv32)
set(BOARD_EXIT sifive_test)
set(BOARD_APP_FLASH_START 0x20040000)
set(BOARD_APP_FLASH_SIZE 0x00040000)
set(BOARD_APP_RAM_START 0x80004000)
set(BOARD_APP_RAM_SIZE 0x0000c000)

# How to build userland apps for this board: fixed-address apps linked for
# this layout (slot k: flash 0x20040000 + k*0x4000, RAM 0x80004000 + k*0x3000).
# Slots are packed tightly because QEMU loads no image larger than -m (64 KiB).
set(BOARD_USERLAND_ARCH riscv)
set(BOARD_USERLAND_BUILD userland-riscv-64k)
set(BOARD_USERLAND_ARGS -DUSERLAND_RISCV_APP_FLASH=0x20040000 -DUSERLAND_RISCV_APP_RAM=0x80004000
    -DUSERLAND_RISCV_RAM_SLOT=0x3000 -DUSERLAND_RISCV_FLASH_SLOT=0x4000
    -DUSERLAND_KERNEL_RAM_ADDR=0x80001000
    -DUSERLAND_KERNEL_FLASH_ADDR=0x20000100)
