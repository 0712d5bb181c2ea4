/* SPDX-License-Identifier: Apache-2.0 */
/* Test kernel: deferred calls run later, from the main loop, fairly. */
#include "../config_common.h"
#include "os/platform/arch.h"
#include "os/board/capability.h"
#include "os/board/kernel.h"
#include "tests/kernel/deferred_test.h"

static struct deferred_test test;

void board_main(void)
{
    static const struct board_platform_params params = {.debug_writer = true};
    const struct board_platform *p = board_platform_init(&params);

    deferred_test_start(&test, config_finish);
    kernel_run(p->kernel, board_cap_main_loop());
}
