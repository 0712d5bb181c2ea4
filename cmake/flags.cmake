# Compiler and linker flags shared by every target-side library.
set(OS_WARNINGS
    -Wall -Wextra -Werror -Wshadow -Wundef -Wstrict-prototypes -Wmissing-prototypes
    -Wpointer-arith -Wcast-align -Wwrite-strings -Wvla -Wformat=2)
set(OS_C_FLAGS
    -std=gnu11 -Os -g -ffreestanding -fno-common -ffunction-sections -fdata-sections
    --specs=picolibc.specs ${ARCH_FLAGS})
add_compile_options("$<$<COMPILE_LANGUAGE:C>:${OS_WARNINGS}>" ${OS_C_FLAGS})
add_compile_definitions(OS_BOARD_NAME="${BOARD}")
# Profiling counters (CPU time, syscalls by class, lowest stack pointer, time
# idle/in the kernel/in processes): on by default, -DOS_PROFILING=OFF drops
# their updates from the kernel (doc/profiling.md).
option(OS_PROFILING "update the kernel's profiling counters" ON)
if(OS_PROFILING)
    add_compile_definitions(OS_PROFILING=1)
else()
    add_compile_definitions(OS_PROFILING=0)
endif()
