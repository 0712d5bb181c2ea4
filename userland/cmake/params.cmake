# SPDX-License-Identifier: Apache-2.0
# Build-time board parameters: addresses the isolation tests poke, RISC-V app slots.
#
# Defaults describe our two QEMU boards (qemu_mps2_an386 for cortex-m, qemu_rv32_virt for
# riscv). Override any of them on the cmake command line, e.g.
#   -DUSERLAND_KERNEL_RAM_ADDR=0x20001000

if(USERLAND_ARCH STREQUAL "cortex-m")
    set(_kernel_ram 0x20000000)
    set(_kernel_flash 0x00000100)
    set(_peripheral 0x40004000)
    set(_privileged 0xE000ED94)
else()
    set(_kernel_ram 0x80202000)
    set(_kernel_flash 0x80000100)
    set(_peripheral 0x10000000)
    set(_privileged 0)
endif()

set(USERLAND_KERNEL_RAM_ADDR ${_kernel_ram} CACHE STRING "an address in kernel RAM")
set(USERLAND_KERNEL_FLASH_ADDR ${_kernel_flash} CACHE STRING "an address in kernel code")
set(USERLAND_PERIPHERAL_ADDR ${_peripheral} CACHE STRING "a peripheral register (UART)")
set(USERLAND_PRIVILEGED_ADDR ${_privileged}
    CACHE STRING "cortex-m: a System Control Space register unprivileged code may not write")

# RISC-V apps are linked for fixed addresses. Slot k: the TBF starts at
# APP_FLASH + k * FLASH_SLOT (its binary USERLAND_RISCV_PROTECTED bytes later) and the
# process RAM block at APP_RAM + k * RAM_SLOT.
set(USERLAND_RISCV_APP_FLASH 0x80100000 CACHE STRING "riscv: app flash start (slot 0 TBF)")
set(USERLAND_RISCV_FLASH_SLOT 0x10000 CACHE STRING "riscv: flash bytes per slot")
set(USERLAND_RISCV_PROTECTED 0x80 CACHE STRING "riscv: TBF header + protected trailer size")
set(USERLAND_RISCV_APP_RAM 0x80300000 CACHE STRING "riscv: process RAM start (slot 0)")
set(USERLAND_RISCV_RAM_SLOT 0x8000 CACHE STRING "riscv: RAM bytes per slot")

# Cortex-M CPU: cortex-m4 by default; cortex-m0 (ARMv6-M) and cortex-m3 also build.
set(USERLAND_ARM_CPU cortex-m4 CACHE STRING "cortex-m: -mcpu value")

# libtock-c's defaults for the sizes elf2tbf records in the TBF.
set(USERLAND_DEFAULT_STACK 2048 CACHE STRING "default app stack bytes")
set(USERLAND_DEFAULT_APP_HEAP 1024 CACHE STRING "default app heap bytes")
set(USERLAND_DEFAULT_KERNEL_HEAP 1024 CACHE STRING "default grant (kernel heap) bytes")

# bulkhead_riscv_slot_addresses(<slot> <flash_var> <ram_var>): the link addresses of a slot.
function(bulkhead_riscv_slot_addresses slot flash_var ram_var)
    set(slot_flash "${USERLAND_RISCV_APP_FLASH} + ${slot} * ${USERLAND_RISCV_FLASH_SLOT}")
    math(EXPR flash "${slot_flash} + ${USERLAND_RISCV_PROTECTED}" OUTPUT_FORMAT HEXADECIMAL)
    math(EXPR ram "${USERLAND_RISCV_APP_RAM} + ${slot} * ${USERLAND_RISCV_RAM_SLOT}"
         OUTPUT_FORMAT HEXADECIMAL)
    set(${flash_var} ${flash} PARENT_SCOPE)
    set(${ram_var} ${ram} PARENT_SCOPE)
endfunction()
