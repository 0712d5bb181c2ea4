# qemu_mps2_an386: QEMU "mps2-an386" machine, ARM MPS2 FPGA image AN386 (Cortex-M4).
set(BOARD_CPU cortex-m4)
set(BOARD_CHIPS cmsdk mps2)
set(BOARD_PLATFORM_SOURCES ${CMAKE_CURRENT_LIST_DIR}/chip_setup.c
                           ${CMAKE_CURRENT_LIST_DIR}/../common/platform.c)
set(BOARD_MAIN_SOURCE ${CMAKE_CURRENT_LIST_DIR}/../common/kernel_main.c)
set(BOARD_LINKER_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/layout.ld)

# Facts for board.json (tools/run-qemu, the test runner). The addresses must
# match the MEMORY regions in layout.ld.
set(BOARD_QEMU qemu-system-arm)
set(BOARD_EXIT semihosting)
set(BOARD_APP_FLASH_START 0x00040000)
set(BOARD_APP_FLASH_SIZE 0x00100000)
set(BOARD_APP_RAM_START 0x20008000)
set(BOARD_APP_RAM_SIZE 0x00020000)

# How to build userland apps for this board (tests, make run).
set(BOARD_USERLAND_ARCH cortex-m)
set(BOARD_USERLAND_BUILD userland-cortex-m)
set(BOARD_USERLAND_ARGS)
