/* SPDX-License-Identifier: Apache-2.0 */
/* In-kernel alarm HIL test: delay, past alarms, disarm, wrap-around.
 *
 * Every step arms the alarm, the callback checks how many ticks really passed
 * and moves on. Under QEMU -icount the printed tick counts are exact and the
 * transcript is identical from run to run.
 */
#include "alarm_test.h"

enum step {
    STEP_ONE_MS, /* reference now, 1 ms: fires once, not early, not late */
    STEP_PAST,   /* reference in the past: fires as soon as possible */
    STEP_DISARM, /* arm 1 ms, disarm, arm 3 ms: only the second fires */
    STEP_WRAP,   /* an alarm whose expiry lies past the counter wrap */
    STEP_GUARD,  /* a last alarm: no duplicate of an earlier one came */
    STEP_DONE,
};

static void check(struct alarm_test *t, bool ok, const char *what)
{
    if (!ok) {
        t->passed = false;
        debug_printf("alarm: CHECK FAILED: %s\n", what);
    }
}

static void arm(struct alarm_test *t, ticks_t reference, ticks_t dt)
{
    t->reference = reference;
    t->dt = dt;
    t->expected_fired++;
    t->in_call = true;
    hil_alarm_set(t->alarm, reference, dt);
    t->in_call = false;
    check(t, hil_alarm_is_armed(t->alarm), "armed after set");
    check(t, hil_alarm_get(t->alarm) == reference + dt, "get returns reference + dt");
}

/* Start the step t->step. */
static void start_step(struct alarm_test *t)
{
    uint32_t ms = hil_alarm_frequency(t->alarm) / 1000;
    ticks_t now = hil_alarm_now(t->alarm);

    switch (t->step) {
    case STEP_ONE_MS:
    case STEP_GUARD:
        arm(t, now, ms);
        break;
    case STEP_PAST:
        arm(t, now - 10 * ms, ms);
        break;
    case STEP_DISARM:
        arm(t, now, ms);
        check(t, hil_alarm_disarm(t->alarm) == OS_OK, "disarm returns OK");
        check(t, !hil_alarm_is_armed(t->alarm), "not armed after disarm");
        t->expected_fired--;
        arm(t, hil_alarm_now(t->alarm), 3 * ms);
        break;
    case STEP_WRAP:
        /* Expire 1 ms after the 32-bit counter wraps to 0. */
        arm(t, now, (0u - now) + ms);
        break;
    default:
        t->done(t->passed);
        break;
    }
}

static void alarm_test_fired(struct hil_alarm_client *client)
{
    struct alarm_test *t = container_of(client, struct alarm_test, client);
    ticks_t now = hil_alarm_now(t->alarm);
    ticks_t elapsed = now - t->reference;
    ticks_t slack = hil_alarm_frequency(t->alarm) / 10000; /* 100 us */
    ticks_t min_dt = hil_alarm_minimum_dt(t->alarm);

    t->fired++;
    check(t, !t->in_call, "callback not made from within a HIL call");
    check(t, t->fired == t->expected_fired, "exactly one alarm_fired per arm");
    check(t, !hil_alarm_is_armed(t->alarm), "disarmed before alarm_fired");
    debug_printf("alarm: step %d fired after %lu ticks (requested %lu)\n", t->step,
                 (unsigned long)elapsed, (unsigned long)t->dt);
    if (t->step == STEP_PAST) {
        /* Already expired when armed: fires at once, i.e. well before dt
         * ticks after the arming moment (which was 10 ms after reference). */
        check(t, elapsed >= t->dt && elapsed < 10 * t->dt + t->dt / 2 + min_dt,
              "past alarm fires as soon as possible");
    } else {
        check(t, elapsed >= t->dt, "alarm does not fire early");
        check(t, elapsed - t->dt <= slack + min_dt, "alarm fires within 100 us");
    }
    if (t->step == STEP_WRAP) {
        check(t, now < t->reference, "counter wrapped");
        debug_printf("alarm: counter wrapped, now 0x%08lx\n", (unsigned long)now);
    }
    t->step++;
    start_step(t);
}

void alarm_test_start(struct alarm_test *t, struct hil_alarm *alarm, void (*done)(bool passed))
{
    *t = (struct alarm_test){.alarm = alarm, .done = done, .passed = true};
    t->client.alarm_fired = alarm_test_fired;
    hil_alarm_set_client(alarm, &t->client);
    debug_printf("alarm: frequency %lu Hz, minimum dt %lu\n",
                 (unsigned long)hil_alarm_frequency(alarm),
                 (unsigned long)hil_alarm_minimum_dt(alarm));
    start_step(t);
}
