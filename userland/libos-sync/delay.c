/* SPDX-License-Identifier: Apache-2.0 */
/* Blocking delay on the alarm driver: subscribe, arm, Yield-Wait until it fires. */
#include "libos-sync/delay.h"

#include <stdbool.h>
#include <stddef.h>

#include "libos/alarm.h"
#include "libos/returncode.h"
#include "libos/syscall.h"
#include "libos/syscalls/alarm_syscalls.h"

static void delay_fired(uint32_t now, uint32_t expiration, uint32_t unused, void *userdata)
{
    volatile bool *fired = userdata;

    (void)now;
    (void)expiration;
    (void)unused;
    *fired = true;
}

int delay_ms(uint32_t ms)
{
    volatile bool fired = false;
    uint32_t hz = 0;
    uint32_t now = 0;
    uint32_t expiration = 0;
    int rc = alarm_syscalls_frequency(&hz);

    if (rc == 0) {
        rc = alarm_syscalls_read(&now);
    }
    if (rc == 0) {
        rc = alarm_syscalls_subscribe(delay_fired, (void *)&fired);
    }
    if (rc != 0) {
        return rc;
    }
    rc = alarm_syscalls_set_absolute(now, alarm_ticks_from_ms(ms, hz), &expiration);
    while (rc == 0 && !fired) {
        syscall_yield_wait();
    }
    (void)alarm_syscalls_subscribe(NULL, NULL);
    return rc;
}
