# Compiler and linker flags shared by every target-side library.
set(OS_WARNINGS
    -Wall -Wextra -Werror -Wshadow -Wundef -Wstrict-prototypes -Wmissing-prototypes
    -Wpointer-arith -Wcast-align -Wwrite-strings -Wvla -Wformat=2)
set(OS_C_FLAGS
    -std=gnu11 -Os -g -ffreestanding -fno-common -ffunction-sections -fdata-sections
    --specs=picolibc.specs ${ARCH_FLAGS})
add_compile_options("$<$<COMPILE_LANGUAGE:C>:${OS_WARNINGS}>" ${OS_C_FLAGS})
add_compile_definitions(OS_BOARD_NAME="${BOARD}")
