/* SPDX-License-Identifier: Apache-2.0 */
/* alarm: the alarm driver (0) through the raw, async and sync layers.
 *
 * Lines: "alarm frequency: ok", "alarm time advances: ok",
 * "alarm stop without alarm: ALREADY ok", "alarm obsolete command 4: NOSUPPORT ok",
 * "alarm async fired: ok", "alarm delay_ms(10): ok" and the information line
 * "alarm: frequency <hz> Hz", then "alarm: N passed, M failed"; exit 0 if all passed.
 * Needs the alarm driver; prints "alarm: skipped (no driver 0)" and exits 0 without it.
 */
#include <stdbool.h>
#include <stdio.h>

#include "check.h"
#include "libos-sync/delay.h"
#include "libos/alarm.h"
#include "libos/driver.h"
#include "libos/returncode.h"
#include "libos/syscall.h"
#include "libos/syscalls/alarm_syscalls.h"
#include "os/abi/driver_num.h"

/* What the async callback saw. */
struct fired_log {
    volatile bool fired;          /* callback ran */
    volatile uint32_t expiration; /* its expiration argument */
};

static void on_fired(uint32_t now, uint32_t expiration, void *userdata)
{
    struct fired_log *log = userdata;

    (void)now;
    log->expiration = expiration;
    log->fired = true;
}

static void async_check(uint32_t hz)
{
    struct fired_log log = {false, 0};
    uint32_t reference = alarm_now();
    uint32_t dt = alarm_ticks_from_ms(5, hz);
    int rc = alarm_at(reference, dt, on_fired, &log);

    while (rc == 0 && !log.fired) {
        syscall_yield_wait();
    }
    /* The expiration is reference + dt (drivers.md 2: not the reference). */
    check("alarm async fired", NULL, rc == 0 && log.expiration - reference >= dt,
          "(rc %d, expiration 0x%08lx, reference 0x%08lx)", rc, (unsigned long)log.expiration,
          (unsigned long)reference);
    (void)alarm_syscalls_subscribe(NULL, NULL);
}

int main(void)
{
    uint32_t hz;
    uint32_t t0;
    uint32_t t1;

    if (!driver_exists(DRIVER_NUM_ALARM)) {
        printf("alarm: skipped (no driver 0)\n");
        return 0;
    }
    check_begin("alarm");
    hz = alarm_frequency();
    check("alarm frequency", NULL, hz >= 1000, "(%lu Hz, must be >= 1 kHz)", (unsigned long)hz);
    printf("alarm: frequency %lu Hz\n", (unsigned long)hz);
    t0 = alarm_now();
    for (volatile uint32_t i = 0; i < 100000u; i++) {}
    t1 = alarm_now();
    check("alarm time advances", NULL, t1 != t0, "(0x%08lx both times)", (unsigned long)t0);
    check("alarm stop without alarm", "ALREADY", alarm_syscalls_stop() == RETURNCODE_EALREADY,
          "(expected ALREADY)");
    check("alarm obsolete command 4", "NOSUPPORT",
          returncode_from_novalue(syscall_command(DRIVER_NUM_ALARM, 4, 0, 0)) ==
              RETURNCODE_ENOSUPPORT,
          "(expected NOSUPPORT)");
    async_check(hz);
    t0 = alarm_now();
    check("alarm delay_ms(10)", NULL,
          delay_ms(10) == 0 && alarm_now() - t0 >= alarm_ticks_from_ms(10, hz),
          "(returned early or failed)");
    return check_finish();
}
