/* SPDX-License-Identifier: Apache-2.0 */
/* Test kernel: a deliberate kernel panic after queued debug output.
 *
 * Expected: the queued line is flushed first, then the panic report with the
 * message, file:line and CPU registers; QEMU exits with PANIC_EXIT_STATUS.
 */
#include "os/board/platform.h"
#include "os/platform/arch.h"
#include "os/debug.h"
#include "os/platform/panic.h"

void board_main(void)
{
    static const struct board_platform_params params = {.debug_writer = true};

    (void)board_platform_init(&params);
    debug_printf("test-panic: this line is queued before the panic\n");
    OS_PANIC("deliberate test panic %d", 42);
}
