/* SPDX-License-Identifier: Apache-2.0 */
/* Alarm mux: earliest-expiry programming, order, wrap, past, disarm, re-arm.
 *
 * The real virtualizer runs over a fake hardware alarm whose counter the
 * test advances by hand; "the main loop" is fake_alarm_fire(). Every probe
 * checks that it is never called from inside a call on a device.
 */
#include "capsules/core/virtualizers/alarm_mux.h"
#include "fakes/fake_alarm.h"
#include "unit.h"

#define NUM_PROBES 8
#define HZ 1000000u

/* One client of one virtual alarm, recording what it saw. */
struct probe {
    struct alarm_mux_device dev;    /* its virtual alarm */
    struct hil_alarm_client client; /* alarm_fired */
    int fired;                      /* times alarm_fired ran */
    int order;                      /* global firing sequence number of the last */
    ticks_t fired_at;               /* counter at the last firing */
    int rearms;                     /* re-arm this many more times from the callback */
    ticks_t rearm_dt;               /* with this dt, reference = now */
    struct probe *disarm;           /* disarm this probe from the callback */
    struct probe *arm;              /* arm this probe (now, arm_dt) from the callback */
    ticks_t arm_dt;
};

static struct fake_alarm hw;
static struct alarm_mux mux;
static struct probe probes[NUM_PROBES];
static int sequence;
static bool in_device_call; /* a test call on a device is in progress */
static bool called_in_call; /* some alarm_fired ran inside such a call */

static void probe_fired(struct hil_alarm_client *client)
{
    struct probe *p = container_of(client, struct probe, client);

    called_in_call |= in_device_call;
    p->fired++;
    p->order = ++sequence;
    p->fired_at = hil_alarm_now(&p->dev.alarm);
    if (hil_alarm_is_armed(&p->dev.alarm)) {
        called_in_call = true; /* must be disarmed before the call */
    }
    if (p->rearms > 0) {
        p->rearms--;
        hil_alarm_set(&p->dev.alarm, p->fired_at, p->rearm_dt);
    }
    if (p->disarm != NULL && hil_alarm_disarm(&p->disarm->dev.alarm) != OS_OK) {
        called_in_call = true; /* disarm cannot fail: flag it as a failure */
    }
    if (p->arm != NULL) {
        hil_alarm_set(&p->arm->dev.alarm, p->fired_at, p->arm_dt);
    }
}

/* A fresh mux over a fake alarm at tick start with NUM_PROBES devices. */
static void setup(ticks_t start)
{
    fake_alarm_init(&hw, HZ, start);
    alarm_mux_init(&mux, &hw.alarm);
    for (int i = 0; i < NUM_PROBES; i++) {
        probes[i] = (struct probe){.client.alarm_fired = probe_fired};
        alarm_mux_device_init(&probes[i].dev, &mux);
        hil_alarm_set_client(&probes[i].dev.alarm, &probes[i].client);
    }
    sequence = 0;
    in_device_call = false;
    called_in_call = false;
}

static void arm(int i, ticks_t reference, ticks_t dt)
{
    in_device_call = true;
    hil_alarm_set(&probes[i].dev.alarm, reference, dt);
    in_device_call = false;
}

static os_err_t disarm(int i)
{
    os_err_t err;

    in_device_call = true;
    err = hil_alarm_disarm(&probes[i].dev.alarm);
    in_device_call = false;
    return err;
}

/* Run the fake main loop: fire the hardware until nothing is due. */
static void run_due(void)
{
    for (int n = 0; n < 100 && fake_alarm_fire(&hw); n++) {}
}

static void devices_pass_time_through(void)
{
    struct hil_alarm *a = &probes[0].dev.alarm;

    setup(1234);
    CHECK_EQ(hil_alarm_now(a), 1234u);
    CHECK_EQ(hil_alarm_frequency(a), HZ);
    CHECK_EQ(hil_alarm_minimum_dt(a), 1u);
    fake_alarm_advance(&hw, 10);
    CHECK_EQ(hil_alarm_now(a), 1244u);
    CHECK(!hil_alarm_is_armed(a));
    CHECK(!hw.armed);
}

static void one_alarm_fires_at_expiry_not_before(void)
{
    setup(1000);
    arm(0, 1000, 100);
    CHECK(hil_alarm_is_armed(&probes[0].dev.alarm));
    CHECK_EQ(hil_alarm_get(&probes[0].dev.alarm), 1100u);
    CHECK(hw.armed);
    CHECK_EQ(hw.reference + hw.dt, 1100u);
    fake_alarm_advance(&hw, 99);
    CHECK(!fake_alarm_fire(&hw));
    CHECK_EQ(probes[0].fired, 0);
    fake_alarm_advance(&hw, 1);
    CHECK(fake_alarm_fire(&hw));
    CHECK_EQ(probes[0].fired, 1);
    CHECK_EQ(probes[0].fired_at, 1100u);
    CHECK(!hil_alarm_is_armed(&probes[0].dev.alarm));
    CHECK(!hw.armed); /* nothing left: hardware disarmed */
    fake_alarm_advance(&hw, 1000);
    run_due();
    CHECK_EQ(probes[0].fired, 1); /* one-shot */
    CHECK(!called_in_call);
}

static void hardware_follows_the_earliest_expiry(void)
{
    setup(0);
    arm(0, 0, 500);
    CHECK_EQ(hw.reference + hw.dt, 500u);
    arm(1, 0, 100);
    CHECK_EQ(hw.reference + hw.dt, 100u);
    arm(2, 0, 300);
    CHECK_EQ(hw.reference + hw.dt, 100u);
    CHECK(fake_alarm_run_to_expiry(&hw));
    CHECK_EQ(probes[1].fired, 1);
    CHECK_EQ(hw.reference + hw.dt, 300u);
    CHECK(fake_alarm_run_to_expiry(&hw));
    CHECK_EQ(probes[2].fired, 1);
    CHECK_EQ(hw.reference + hw.dt, 500u);
    CHECK(fake_alarm_run_to_expiry(&hw));
    CHECK_EQ(probes[0].fired, 1);
    CHECK(!hw.armed);
    CHECK(!called_in_call);
}

static void many_alarms_fire_in_expiry_order(void)
{
    static const ticks_t dts[NUM_PROBES] = {700, 100, 800, 300, 200, 600, 400, 500};
    static const int rank[NUM_PROBES] = {7, 1, 8, 3, 2, 6, 4, 5};

    setup(0x10000);
    for (int i = 0; i < NUM_PROBES; i++) {
        arm(i, 0x10000, dts[i]);
    }
    for (int i = 0; i < NUM_PROBES; i++) {
        CHECK(fake_alarm_run_to_expiry(&hw));
    }
    for (int i = 0; i < NUM_PROBES; i++) {
        CHECK_EQ(probes[i].fired, 1);
        CHECK_EQ(probes[i].order, rank[i]);
        CHECK_EQ(probes[i].fired_at, 0x10000u + dts[i]);
    }
    CHECK(!hw.armed);
    CHECK(!called_in_call);
}

static void alarms_due_together_fire_in_one_pass_in_order(void)
{
    static const ticks_t refs[NUM_PROBES] = {10, 0, 40, 0, 5, 0, 20, 30};
    static const ticks_t dts[NUM_PROBES] = {90, 30, 70, 60, 5, 100, 30, 5};
    /* expiries 100, 30, 110, 60, 10, 100, 50, 35: ties keep attach order */
    static const int rank[NUM_PROBES] = {6, 2, 8, 5, 1, 7, 4, 3};

    setup(40);
    for (int i = 0; i < NUM_PROBES; i++) {
        arm(i, refs[i], dts[i]);
    }
    fake_alarm_advance(&hw, 1000);
    CHECK(fake_alarm_fire(&hw));
    CHECK(!fake_alarm_fire(&hw)); /* all in that one pass */
    for (int i = 0; i < NUM_PROBES; i++) {
        CHECK_EQ(probes[i].fired, 1);
        CHECK_EQ(probes[i].order, rank[i]);
    }
    CHECK(!called_in_call);
}

static void expiry_order_holds_across_the_wrap(void)
{
    setup(0xFFFFFF00u);
    arm(0, 0xFFFFFF00u, 0x200); /* expires at 0x100, after the wrap */
    arm(1, 0xFFFFFF00u, 0x80);  /* 0xFFFFFF80, before it */
    arm(2, 0xFFFFFF00u, 0x110); /* 0x10, just after it */
    arm(3, 0xFFFFFE00u, 0x1F0); /* 0xFFFFFFF0: reference in the past */
    CHECK_EQ(hw.reference + hw.dt, 0xFFFFFF80u);
    CHECK(fake_alarm_run_to_expiry(&hw));
    CHECK_EQ(probes[1].fired, 1);
    CHECK_EQ(probes[0].fired + probes[2].fired + probes[3].fired, 0);
    CHECK(fake_alarm_run_to_expiry(&hw));
    CHECK_EQ(probes[3].fired, 1);
    CHECK_EQ(probes[3].fired_at, 0xFFFFFFF0u);
    CHECK(fake_alarm_run_to_expiry(&hw));
    CHECK_EQ(probes[2].fired, 1);
    CHECK_EQ(probes[2].fired_at, 0x10u);
    CHECK_EQ(probes[0].fired, 0);
    CHECK(fake_alarm_run_to_expiry(&hw));
    CHECK_EQ(probes[0].fired, 1);
    CHECK_EQ(probes[0].fired_at, 0x100u);
    CHECK_EQ(probes[1].order, 1);
    CHECK_EQ(probes[3].order, 2);
    CHECK_EQ(probes[2].order, 3);
    CHECK_EQ(probes[0].order, 4);
    CHECK(!hw.armed);
}

static void late_alarm_is_not_mistaken_for_a_future_one_across_the_wrap(void)
{
    /* Due before the wrap, seen after it: 0x30 ticks late, not 2^32 early. */
    setup(0xFFFFFFE0u);
    arm(0, 0xFFFFFFE0u, 0x10);
    arm(1, 0xFFFFFFE0u, 0x100);
    fake_alarm_advance(&hw, 0x40); /* now 0x20 */
    CHECK(fake_alarm_fire(&hw));
    CHECK_EQ(probes[0].fired, 1);
    CHECK_EQ(probes[1].fired, 0);
    CHECK_EQ(hw.reference + hw.dt, 0xE0u);
    CHECK(fake_alarm_run_to_expiry(&hw));
    CHECK_EQ(probes[1].fired, 1);
    CHECK_EQ(probes[1].fired_at, 0xE0u);
}

static void past_alarm_fires_asap_never_inside_set(void)
{
    setup(5000);
    arm(0, 1000, 10); /* expired long ago */
    CHECK_EQ(probes[0].fired, 0);
    CHECK(hw.armed);
    CHECK_EQ(fake_alarm_ticks_left(&hw), 0u); /* hardware due at once */
    arm(1, 5000, 0);                          /* dt 0: due now */
    arm(2, 6000, 10);                         /* reference in the future: outside the window */
    CHECK_EQ(probes[1].fired + probes[2].fired, 0);
    CHECK(fake_alarm_fire(&hw));
    CHECK_EQ(probes[0].fired, 1);
    CHECK_EQ(probes[1].fired, 1);
    CHECK_EQ(probes[2].fired, 1);
    CHECK_EQ(probes[0].fired_at, 5000u);
    CHECK(!called_in_call);
}

static void disarm_stops_one_alarm_only(void)
{
    setup(0);
    arm(0, 0, 100);
    arm(1, 0, 200);
    CHECK_EQ(disarm(0), OS_OK);
    CHECK(!hil_alarm_is_armed(&probes[0].dev.alarm));
    CHECK_EQ(hw.reference + hw.dt, 200u); /* re-armed for the next one */
    CHECK_EQ(disarm(0), OS_OK);           /* not armed: still OK */
    fake_alarm_advance(&hw, 150);
    CHECK(!fake_alarm_fire(&hw));
    CHECK(fake_alarm_run_to_expiry(&hw));
    CHECK_EQ(probes[0].fired, 0);
    CHECK_EQ(probes[1].fired, 1);
    arm(2, 200, 50);
    CHECK_EQ(disarm(2), OS_OK);
    CHECK(!hw.armed); /* the last one gone: hardware disarmed */
    fake_alarm_advance(&hw, 1000);
    run_due();
    CHECK_EQ(probes[2].fired, 0);
    CHECK(!called_in_call);
}

static void set_replaces_the_armed_time(void)
{
    setup(0);
    arm(0, 0, 100);
    arm(0, 0, 500);
    fake_alarm_advance(&hw, 100);
    CHECK(!fake_alarm_fire(&hw));
    CHECK(fake_alarm_run_to_expiry(&hw));
    CHECK_EQ(probes[0].fired, 1);
    CHECK_EQ(probes[0].fired_at, 500u);
    run_due();
    CHECK_EQ(probes[0].fired, 1);
}

static void client_rearms_from_its_callback(void)
{
    setup(0);
    probes[0].rearms = 3;
    probes[0].rearm_dt = 40;
    arm(0, 0, 40);
    arm(1, 0, 100);
    for (int i = 0; i < 5; i++) {
        CHECK(fake_alarm_run_to_expiry(&hw));
    }
    CHECK_EQ(probes[0].fired, 4); /* at 40, 80, 120, 160 */
    CHECK_EQ(probes[0].fired_at, 160u);
    CHECK_EQ(probes[1].fired, 1);
    CHECK_EQ(probes[1].order, 3); /* between the 80 and 120 firings */
    CHECK(!hw.armed);
    CHECK(!called_in_call);
}

static void rearm_with_past_time_waits_for_the_next_pass(void)
{
    setup(0);
    probes[0].rearms = 2;
    probes[0].rearm_dt = 0;
    arm(0, 0, 10);
    CHECK(fake_alarm_run_to_expiry(&hw));
    CHECK_EQ(probes[0].fired, 1); /* not again in the same pass */
    CHECK(hw.armed);
    CHECK_EQ(fake_alarm_ticks_left(&hw), 0u);
    CHECK(fake_alarm_fire(&hw));
    CHECK_EQ(probes[0].fired, 2);
    CHECK(fake_alarm_fire(&hw));
    CHECK_EQ(probes[0].fired, 3);
    CHECK(!fake_alarm_fire(&hw));
    CHECK(!hw.armed);
}

static void callback_may_disarm_or_rearm_another_due_device(void)
{
    setup(0);
    probes[0].disarm = &probes[1];
    probes[0].arm = &probes[2];
    probes[0].arm_dt = 300;
    arm(0, 0, 10);
    arm(1, 0, 20);
    arm(2, 0, 30);
    fake_alarm_advance(&hw, 50); /* all three due in one pass */
    CHECK(fake_alarm_fire(&hw));
    CHECK_EQ(probes[0].fired, 1);
    CHECK_EQ(probes[1].fired, 0); /* disarmed by probe 0: never fires */
    CHECK_EQ(probes[2].fired, 0); /* re-armed by probe 0 for 50 + 300 */
    CHECK_EQ(hw.reference + hw.dt, 350u);
    probes[0].disarm = NULL;
    probes[0].arm = NULL;
    CHECK(fake_alarm_run_to_expiry(&hw));
    CHECK_EQ(probes[2].fired, 1);
    CHECK_EQ(probes[2].fired_at, 350u);
    CHECK_EQ(probes[1].fired, 0);
}

static void spurious_hardware_event_fires_nothing(void)
{
    setup(0);
    arm(0, 0, 100);
    fake_alarm_advance(&hw, 10);
    hw.alarm.client->alarm_fired(hw.alarm.client);
    CHECK_EQ(probes[0].fired, 0);
    CHECK(hw.armed);
    CHECK_EQ(hw.reference + hw.dt, 100u);
}

int main(void)
{
    static const struct unit_case cases[] = {
        UNIT_CASE(devices_pass_time_through),
        UNIT_CASE(one_alarm_fires_at_expiry_not_before),
        UNIT_CASE(hardware_follows_the_earliest_expiry),
        UNIT_CASE(many_alarms_fire_in_expiry_order),
        UNIT_CASE(alarms_due_together_fire_in_one_pass_in_order),
        UNIT_CASE(expiry_order_holds_across_the_wrap),
        UNIT_CASE(late_alarm_is_not_mistaken_for_a_future_one_across_the_wrap),
        UNIT_CASE(past_alarm_fires_asap_never_inside_set),
        UNIT_CASE(disarm_stops_one_alarm_only),
        UNIT_CASE(set_replaces_the_armed_time),
        UNIT_CASE(client_rearms_from_its_callback),
        UNIT_CASE(rearm_with_past_time_waits_for_the_next_pass),
        UNIT_CASE(callback_may_disarm_or_rearm_another_due_device),
        UNIT_CASE(spurious_hardware_event_fires_nothing),
    };

    return unit_run("alarm_mux", cases, ARRAY_SIZE(cases));
}
