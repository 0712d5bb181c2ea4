/* SPDX-License-Identifier: Apache-2.0 */
/* In-kernel test of an alarm HIL implementation (see alarm_test.c).
 * Boards allocate struct alarm_test; only alarm_test.c reads its fields. */
#pragma once

#include "os/capsule.h"
#include "os/hil/time.h"

struct alarm_test {
    struct hil_alarm *alarm;        /* the implementation under test */
    struct hil_alarm_client client; /* receives alarm_fired */
    void (*done)(bool passed);      /* called once at the end */
    int step;                       /* current step of the sequence */
    ticks_t reference;              /* reference of the armed alarm */
    ticks_t dt;                     /* its requested delay */
    unsigned fired;                 /* alarm_fired calls seen */
    unsigned expected_fired;        /* alarm_fired calls the steps armed */
    bool in_call;                   /* inside a HIL call: a callback is a bug */
    bool passed;                    /* no check failed so far */
};

/* Run the sequence on alarm (which must have no other client); reports
 * each step with debug_printf() and calls done(passed) at the end. */
void alarm_test_start(struct alarm_test *t, struct hil_alarm *alarm, void (*done)(bool passed));
