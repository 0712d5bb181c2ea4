/* SPDX-License-Identifier: Apache-2.0 */
/* Test kernel: the board's alarm HIL (delay, past, disarm, wrap-around). */
#include "../config_common.h"
#include "os/platform/arch.h"
#include "os/board/capability.h"
#include "os/board/kernel.h"
#include "tests/kernel/alarm_test.h"

static struct alarm_test test;

void board_main(void)
{
    static const struct board_platform_params params = {.debug_writer = true};
    const struct board_platform *p = board_platform_init(&params);

    alarm_test_start(&test, p->alarm, config_finish);
    kernel_run(p->kernel, board_cap_main_loop());
}
