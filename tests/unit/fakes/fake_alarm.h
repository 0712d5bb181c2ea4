/* SPDX-License-Identifier: Apache-2.0 */
/* A fake hardware alarm whose clock and firing the test drives by hand.
 *
 * now() returns the tick count the test set; nothing happens on its own. An
 * armed alarm fires only from fake_alarm_fire() (the test's "main loop"), and
 * only once it is due (now - reference >= dt), exactly as the HIL promises:
 * disarmed first, then alarm_fired. set() never calls the client.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "os/hil/time.h"

struct fake_alarm {
    struct hil_alarm alarm; /* the role under test */
    ticks_t now;            /* the counter, advanced by the test */
    uint32_t frequency;     /* reported frequency in Hz */
    bool armed;             /* armed and not yet fired */
    ticks_t reference;      /* last set: reference */
    ticks_t dt;             /* last set: dt */
    unsigned sets;          /* set_alarm() calls */
    unsigned disarms;       /* disarm() calls */
    unsigned fires;         /* alarm_fired calls made */
};

/* Initialise a disarmed alarm at tick now, counting at frequency Hz. */
void fake_alarm_init(struct fake_alarm *a, uint32_t frequency, ticks_t now);

/* Advance the counter by ticks (wrapping at 2^32). */
void fake_alarm_advance(struct fake_alarm *a, ticks_t ticks);

/* Ticks until the armed alarm is due (0 if due now or disarmed). */
ticks_t fake_alarm_ticks_left(const struct fake_alarm *a);

/* If the alarm is armed and due, disarm it and call alarm_fired; returns
 * whether it fired. */
bool fake_alarm_fire(struct fake_alarm *a);

/* Advance to the armed alarm's expiry (no-op if due or disarmed) and fire
 * it. Returns false if it was not armed. */
bool fake_alarm_run_to_expiry(struct fake_alarm *a);
