# SPDX-License-Identifier: Apache-2.0
# Compiler and linker flags for userland code, per architecture.
#
# Two code models exist on Cortex-M:
#   PIC  (USERLAND_PIC_FLAGS)  - normal app and library code. All RAM data and all flash
#        constants are reached through the GOT at r9 (libtock-c's model), so the binary runs
#        wherever the kernel loads it.
#   glue (USERLAND_GLUE_FLAGS) - the raw syscall wrappers and the stdio callbacks. picolibc
#        from Debian is not PIC: inside printf r9 is an ordinary register, so callbacks that
#        libc calls must not use r9. Glue code is compiled non-PIC with r9 reserved; it may
#        not touch global data or constants, and tools/check_app.py rejects any absolute
#        address in flash, which is what a glue file touching a global would produce.
# On RISC-V apps are linked for fixed addresses and both models are the same.

set(USERLAND_WARNINGS
    -Wall -Wextra -Werror -Wshadow -Wundef -Wstrict-prototypes -Wmissing-prototypes
    -Wpointer-arith -Wcast-align -Wwrite-strings -Wvla -Wformat=2)

if(USERLAND_ARCH STREQUAL "cortex-m")
    set(USERLAND_ARCH_FLAGS -mthumb -mcpu=${USERLAND_ARM_CPU} -mfloat-abi=soft)
    set(USERLAND_PIC_FLAGS -fPIC -msingle-pic-base -mpic-register=r9
        -mno-pic-data-is-text-relative)
    set(USERLAND_GLUE_FLAGS -fno-pic -ffixed-r9)
    set(USERLAND_ARCH_LINK_FLAGS -Wl,--emit-relocs)
    set(USERLAND_LINKER_SCRIPT ${CMAKE_CURRENT_SOURCE_DIR}/arch/cortex-m/app.ld)
else()
    set(USERLAND_ARCH_FLAGS -march=rv32imac -misa-spec=2.2 -mabi=ilp32 -mcmodel=medany)
    set(USERLAND_PIC_FLAGS -fno-pic)
    set(USERLAND_GLUE_FLAGS -fno-pic)
    set(USERLAND_ARCH_LINK_FLAGS)
    set(USERLAND_LINKER_SCRIPT ${CMAKE_CURRENT_SOURCE_DIR}/arch/riscv/app.ld)
endif()

# picolibc's integer-only printf: no floating point, no (large) ryu tables.
set(USERLAND_LIBC_FLAGS --specs=picolibc.specs -DPICOLIBC_INTEGER_PRINTF_SCANF)

add_compile_options(
    "$<$<COMPILE_LANGUAGE:C>:-std=gnu11;${USERLAND_WARNINGS}>"
    -Os -g -fno-common -ffunction-sections -fdata-sections
    ${USERLAND_LIBC_FLAGS} ${USERLAND_ARCH_FLAGS})

if(USERLAND_ARCH STREQUAL "cortex-m")
    add_compile_definitions(USERLAND_ARCH_CORTEX_M=1)
else()
    add_compile_definitions(USERLAND_ARCH_RISCV=1)
endif()

# userland_pic / userland_glue: attach one code model to a target.
add_library(userland_pic INTERFACE)
target_compile_options(userland_pic INTERFACE ${USERLAND_PIC_FLAGS})
add_library(userland_glue INTERFACE)
target_compile_options(userland_glue INTERFACE ${USERLAND_GLUE_FLAGS})

# libos and libos-sync reference each other (process_start calls exit(), which libos-sync
# defines): apps link them as one --start-group/--end-group. CMake defines the RESCAN
# group feature only for hosted platforms, so define it for our bare-metal GNU ld.
set(CMAKE_C_LINK_GROUP_USING_RESCAN "LINKER:--start-group" "LINKER:--end-group")
set(CMAKE_C_LINK_GROUP_USING_RESCAN_SUPPORTED TRUE)
