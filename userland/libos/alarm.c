/* SPDX-License-Identifier: Apache-2.0 */
/* Alarm (driver 0), asynchronous one-shot timer. */
#include "libos/alarm.h"

#include <stddef.h>

#include "libos/syscalls/alarm_syscalls.h"

/* The armed alarm's callback. */
struct alarm_pending {
    alarm_fired_t fired; /* callback */
    void *userdata;      /* its userdata */
};

static struct alarm_pending pending;

static void alarm_upcall(uint32_t now, uint32_t expiration, uint32_t unused, void *unused2)
{
    (void)unused;
    (void)unused2;
    if (pending.fired != NULL) {
        pending.fired(now, expiration, pending.userdata);
    }
}

uint32_t alarm_frequency(void)
{
    uint32_t hz = 0;

    (void)alarm_syscalls_frequency(&hz);
    return hz;
}

uint32_t alarm_now(void)
{
    uint32_t now = 0;

    (void)alarm_syscalls_read(&now);
    return now;
}

uint32_t alarm_ticks_from_ms(uint32_t ms, uint32_t hz)
{
    uint64_t ticks = ((uint64_t)ms * hz + 999u) / 1000u;

    return ticks > UINT32_MAX ? UINT32_MAX : (uint32_t)ticks;
}

int alarm_at(uint32_t reference, uint32_t dt, alarm_fired_t fired, void *userdata)
{
    uint32_t expiration = 0;
    int rc;

    pending.fired = fired;
    pending.userdata = userdata;
    rc = alarm_syscalls_subscribe(alarm_upcall, NULL);
    if (rc != 0) {
        return rc;
    }
    return alarm_syscalls_set_absolute(reference, dt, &expiration);
}

int alarm_cancel(void)
{
    int rc = alarm_syscalls_stop();

    (void)alarm_syscalls_subscribe(NULL, NULL);
    return rc;
}
