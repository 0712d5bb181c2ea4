# qemu_rv32_virt: QEMU riscv32 "virt" machine, RV32IMAC in M-mode.
set(BOARD_CPU rv32imac)
set(BOARD_CHIPS virt)
set(BOARD_PLATFORM_SOURCES ${CMAKE_CURRENT_LIST_DIR}/chip_setup.c
                           ${CMAKE_CURRENT_LIST_DIR}/../common/platform.c)
set(BOARD_MAIN_SOURCE ${CMAKE_CURRENT_LIST_DIR}/../common/kernel_main.c)
set(BOARD_LINKER_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/layout.ld)

# Facts for board.json (tools/run-qemu, the test runner). The addresses must
# match layout.ld.
set(BOARD_QEMU qemu-system-riscv32)
set(BOARD_EXIT sifive_test)
set(BOARD_APP_FLASH_START 0x80100000)
set(BOARD_APP_FLASH_SIZE 0x00100000)
set(BOARD_APP_RAM_START 0x80300000)
set(BOARD_APP_RAM_SIZE 0x00100000)

# How to build userland apps for this board (tests, make run): the default
# riscv parameters are this board's (userland/cmake/params.cmake).
set(BOARD_USERLAND_ARCH riscv)
set(BOARD_USERLAND_BUILD userland-riscv)
set(BOARD_USERLAND_ARGS)
