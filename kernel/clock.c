/* SPDX-License-Identifier: Apache-2.0 */
/* The kernel clock: uptime and time accounting (kernel/profile.h). */
#include "kernel/profile.h"
#include "os/hil/time.h"

uint64_t kernel_clock_now(struct kernel *k)
{
    if (k->clock == NULL) {
        return 0;
    }
    uint32_t t = hil_alarm_now(k->clock);

    k->clock_ticks += (uint32_t)(t - k->clock_last);
    k->clock_last = t;
    return k->clock_ticks;
}

uint64_t kernel_account(struct kernel *k, uint64_t *bucket)
{
    uint64_t now = kernel_clock_now(k);
    uint64_t d = now - k->accounted;

    k->accounted = now;
    *bucket += d;
    return d;
}

void kernel_set_clock(struct kernel *k, struct hil_alarm *clock)
{
    k->clock = clock;
    k->clock_last = hil_alarm_now(clock);
    k->clock_ticks = 0;
    k->accounted = 0;
}

bool kernel_uptime(struct kernel *k, uint64_t *ticks, uint32_t *hz)
{
    if (k->clock == NULL) {
        *ticks = 0;
        *hz = 0;
        return false;
    }
    *ticks = kernel_clock_now(k);
    *hz = hil_alarm_frequency(k->clock);
    return true;
}
