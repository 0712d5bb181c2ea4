/* SPDX-License-Identifier: Apache-2.0 */
/* Test kernel: the console UART HIL, with no debug writer attached. */
#include "../config_common.h"
#include "os/platform/arch.h"
#include "os/board/capability.h"
#include "os/board/kernel.h"
#include "tests/kernel/uart_test.h"

static struct uart_test test;

void board_main(void)
{
    static const struct board_platform_params params = {.debug_writer = false};
    const struct board_platform *p = board_platform_init(&params);

    uart_test_start(&test, p->console_tx, p->console_rx, config_finish);
    kernel_run(p->kernel, board_cap_main_loop());
}
