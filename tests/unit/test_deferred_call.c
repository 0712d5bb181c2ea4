/* SPDX-License-Identifier: Apache-2.0 */
/* Deferred-call table: registration limits, ordering, no synchronous runs. */
#include <string.h>

#include "fakes/fake_platform.h"
#include "kernel/deferred_call_table.h"
#include "kernel/panic_state.h"
#include "os/compiler.h"
#include "os/deferred_call.h"
#include "unit.h"

/* A test object that records the order its deferred call ran in. */
struct probe {
    struct deferred_call dc;
    int runs;
    int order;
    bool reschedule; /* set itself again from its own handler */
};

static int run_counter;

static void probe_fire(struct deferred_call *dc)
{
    struct probe *p = container_of(dc, struct probe, dc);

    p->runs++;
    p->order = ++run_counter;
    if (p->reschedule) {
        p->reschedule = false;
        deferred_call_set(dc);
    }
}

static void setup(void)
{
    deferred_call_reset_for_test();
    fake_early_reset();
    panic_reset_for_test();
    run_counter = 0;
}

static void set_does_not_run_synchronously(void)
{
    static struct probe p;

    setup();
    memset(&p, 0, sizeof(p));
    deferred_call_register(&p.dc, probe_fire);
    deferred_call_set(&p.dc);
    CHECK_EQ(p.runs, 0);
    CHECK(deferred_call_is_pending(&p.dc));
    CHECK(deferred_call_has_pending());
    CHECK(deferred_call_service_one());
    CHECK_EQ(p.runs, 1);
    CHECK(!deferred_call_has_pending());
    CHECK(!deferred_call_service_one());
}

static void setting_twice_runs_once(void)
{
    static struct probe p;

    setup();
    memset(&p, 0, sizeof(p));
    deferred_call_register(&p.dc, probe_fire);
    deferred_call_set(&p.dc);
    deferred_call_set(&p.dc);
    while (deferred_call_service_one()) {}
    CHECK_EQ(p.runs, 1);
}

static void round_robin_despite_self_rearm(void)
{
    static struct probe a;
    static struct probe b;

    setup();
    memset(&a, 0, sizeof(a));
    memset(&b, 0, sizeof(b));
    deferred_call_register(&a.dc, probe_fire);
    deferred_call_register(&b.dc, probe_fire);
    a.reschedule = true;
    deferred_call_set(&b.dc);
    deferred_call_set(&a.dc);
    while (deferred_call_service_one()) {}
    CHECK_EQ(a.runs, 2);
    CHECK_EQ(b.runs, 1);
    CHECK_EQ(b.order, 2); /* a ran first, then b, then a again */
    CHECK_EQ(a.order, 3);
}

static struct probe many[DEFERRED_CALL_MAX + 1];

static void register_too_many(void)
{
    for (unsigned i = 0; i < ARRAY_SIZE(many); i++) {
        deferred_call_register(&many[i].dc, probe_fire);
    }
}

static void too_many_registrations_panic_clearly(void)
{
    setup();
    memset(many, 0, sizeof(many));
    CHECK_EQ(fake_run_expect_halt(register_too_many), 1);
    CHECK(strstr(fake_early_output, "KERNEL PANIC: too many deferred calls") != NULL);
    CHECK(strstr(fake_early_output, "limit is 32") != NULL);
    CHECK_EQ(deferred_call_count(), (unsigned)DEFERRED_CALL_MAX);
}

static struct probe unregistered;

static void set_unregistered(void)
{
    deferred_call_set(&unregistered.dc);
}

static void set_before_register_panics(void)
{
    setup();
    memset(&unregistered, 0, sizeof(unregistered));
    CHECK_EQ(fake_run_expect_halt(set_unregistered), 1);
    CHECK(strstr(fake_early_output, "set before it was registered") != NULL);
}

int main(void)
{
    static const struct unit_case cases[] = {
        UNIT_CASE(set_does_not_run_synchronously), UNIT_CASE(setting_twice_runs_once),
        UNIT_CASE(round_robin_despite_self_rearm), UNIT_CASE(too_many_registrations_panic_clearly),
        UNIT_CASE(set_before_register_panics),
    };

    return unit_run("deferred_call", cases, ARRAY_SIZE(cases));
}
