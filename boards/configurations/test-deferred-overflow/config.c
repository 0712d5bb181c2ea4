/* SPDX-License-Identifier: Apache-2.0 */
/* Test kernel: registering more deferred calls than the table holds.
 *
 * Expected: boot stops with a panic that names the limit.
 */
#include "os/board/platform.h"
#include "os/platform/arch.h"
#include "os/debug.h"
#include "os/deferred_call.h"

static struct deferred_call calls[DEFERRED_CALL_MAX + 1];

static void never_runs(struct deferred_call *dc)
{
    (void)dc;
}

void board_main(void)
{
    static const struct board_platform_params params = {.debug_writer = true};

    (void)board_platform_init(&params);
    debug_printf("test-deferred-overflow: registering %d deferred calls\n",
                 (int)DEFERRED_CALL_MAX + 1);
    for (unsigned i = 0; i < DEFERRED_CALL_MAX + 1; i++) {
        deferred_call_register(&calls[i], never_runs);
    }
    debug_printf("test-deferred-overflow: no panic (wrong)\n");
    board_exit(2);
}
