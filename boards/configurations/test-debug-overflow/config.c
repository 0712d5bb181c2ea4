/* SPDX-License-Identifier: Apache-2.0 */
/* Test kernel: a burst of debug output larger than the writer's ring.
 *
 * The burst runs before the main loop, so no transmit completes during it:
 * the ring fills, later messages are dropped whole and counted, and the
 * burst still returns at once. Once drained, the writer announces the drops.
 */
#include "../config_common.h"
#include "os/platform/arch.h"
#include "os/board/capability.h"
#include "os/board/kernel.h"

#define BURST 60

static struct hil_alarm_client client;
static struct hil_alarm *alarm;
static unsigned burst_accepted;
static ticks_t burst_ticks;

static void drained(struct hil_alarm_client *self)
{
    struct debug_stats s;

    (void)self;
    debug_get_stats(&s);
    debug_printf("debug-overflow: burst of %u returned after %lu ticks, %u accepted\n", BURST,
                 (unsigned long)burst_ticks, burst_accepted);
    debug_printf("debug-overflow: dropped %lu messages (%lu bytes), queued %lu bytes\n",
                 (unsigned long)s.dropped_messages, (unsigned long)s.dropped_bytes,
                 (unsigned long)s.queued_bytes);
    config_finish(s.dropped_messages > 0 && s.dropped_messages == BURST - burst_accepted);
}

void board_main(void)
{
    static const struct board_platform_params params = {.debug_writer = true};
    const struct board_platform *p = board_platform_init(&params);
    ticks_t start;

    alarm = p->alarm;
    start = hil_alarm_now(alarm);
    for (unsigned i = 0; i < BURST; i++) {
        burst_accepted += debug_printf("burst %02u: the quick brown fox jumps\n", i) != 0 ? 1 : 0;
    }
    burst_ticks = hil_alarm_now(alarm) - start;
    /* Queued after the ring drains a little: the drop notice comes first. */
    client.alarm_fired = drained;
    hil_alarm_set_client(alarm, &client);
    hil_alarm_set(alarm, hil_alarm_now(alarm), hil_alarm_frequency(alarm) / 20);
    kernel_run(p->kernel, board_cap_main_loop());
}
