/* SPDX-License-Identifier: Apache-2.0 */
/* Test kernel: the kernel itself executes an undefined instruction.
 *
 * Expected: the arch fault handler reports the exception with the saved
 * registers and fault status, and QEMU exits with PANIC_EXIT_STATUS.
 */
#include "os/board/platform.h"
#include "os/platform/arch.h"
#include "os/debug.h"

void board_main(void)
{
    static const struct board_platform_params params = {.debug_writer = true};

    (void)board_platform_init(&params);
    debug_printf("test-fault: executing a trapping instruction in the kernel\n");
    __builtin_trap();
}
