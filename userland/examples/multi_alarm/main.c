/* SPDX-License-Identifier: Apache-2.0 */
/* multi_alarm: three periodic virtual timers on the process's one alarm.
 *
 * Timer 0 fires every 100 ms, timer 1 every 250 ms, timer 2 every 400 ms,
 * counted from start without drift. The app keeps the timers' deadlines
 * itself and arms the alarm driver's (0) single alarm for the earliest one
 * through the async API (alarm_at). Each expiry prints
 * "multi_alarm: timer <k> fired at <ms> ms" (ms since start, at the time the
 * kernel reported the alarm), in time order; timers due at the same moment
 * print in timer order, so the first lines are
 *   timer 0 at 100, timer 0 at 200, timer 1 at 250, timer 0 at 300,
 *   timer 0 at 400, timer 2 at 400, timer 0 at 500, timer 1 at 500, ...
 * It runs forever. Without the alarm driver it prints
 * "multi_alarm: no alarm (<rc>)" and exits 1.
 */
#include <stdint.h>
#include <stdio.h>

#include "libos/alarm.h"
#include "libos/syscall.h"
#include "libos/syscalls/alarm_syscalls.h"

#define NUM_TIMERS 3u

/* One virtual periodic timer. */
struct vtimer {
    uint32_t period_ms; /* its period */
    uint32_t period;    /* the same in ticks */
    uint32_t due;       /* next expiry, absolute ticks (wraps at 2^32) */
};

/* The set of timers and the clock they share. */
struct timers {
    struct vtimer t[NUM_TIMERS];
    uint32_t hz;      /* alarm frequency */
    uint32_t last;    /* tick value elapsed was last advanced to */
    uint64_t elapsed; /* ticks since start, without wrap */
    int error;        /* alarm_at() failure seen in a callback, 0 if none */
};

static struct timers timers = {
    .t = {{.period_ms = 100u}, {.period_ms = 250u}, {.period_ms = 400u}},
};

/* Ticks from now until t is due, negative once it is due (periods < 2^31). */
static int32_t ticks_left(const struct vtimer *t, uint32_t now)
{
    return (int32_t)(t->due - now);
}

/* The timer due first (lowest index on a tie). */
static struct vtimer *earliest(uint32_t now)
{
    struct vtimer *first = &timers.t[0];

    for (uint32_t k = 1; k < NUM_TIMERS; k++) {
        if (ticks_left(&timers.t[k], now) < ticks_left(first, now)) {
            first = &timers.t[k];
        }
    }
    return first;
}

static void fired(uint32_t now, uint32_t expiration, void *userdata);

/* Arm the process's alarm for the earliest deadline, counted from now. */
static int arm(uint32_t now)
{
    int32_t left = ticks_left(earliest(now), now);

    return alarm_at(now, left > 0 ? (uint32_t)left : 0u, fired, NULL);
}

/* Alarm upcall: print every timer due at now, earliest first, then re-arm. */
static void fired(uint32_t now, uint32_t expiration, void *userdata)
{
    struct vtimer *t;

    (void)expiration;
    (void)userdata;
    timers.elapsed += now - timers.last;
    timers.last = now;
    while (ticks_left(t = earliest(now), now) <= 0) {
        printf("multi_alarm: timer %lu fired at %lu ms\n", (unsigned long)(t - timers.t),
               (unsigned long)(timers.elapsed * 1000u / timers.hz));
        t->due += t->period;
    }
    timers.error = arm(now);
}

int main(void)
{
    uint32_t start;
    int rc;

    rc = alarm_syscalls_frequency(&timers.hz);
    if (rc != 0 || timers.hz == 0) {
        printf("multi_alarm: no alarm (%d)\n", rc);
        return 1;
    }
    start = alarm_now();
    timers.last = start;
    for (uint32_t k = 0; k < NUM_TIMERS; k++) {
        struct vtimer *t = &timers.t[k];

        t->period = alarm_ticks_from_ms(t->period_ms, timers.hz);
        t->due = start + t->period;
    }
    rc = arm(start);
    while (rc == 0 && timers.error == 0) {
        syscall_yield_wait();
    }
    printf("multi_alarm: no alarm (%d)\n", rc != 0 ? rc : timers.error);
    return 1;
}
