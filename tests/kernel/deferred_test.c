/* SPDX-License-Identifier: Apache-2.0 */
/* In-kernel deferred-call test: run later, from the main loop, fairly.
 *
 * Three probes are set at boot; probe a sets itself again from its own
 * handler four times. The checks: nothing runs inside deferred_call_set(),
 * each set runs the handler exactly once, and a call that keeps re-arming
 * itself does not starve the others.
 */
#include "deferred_test.h"

#define REARMS 4

static void check(struct deferred_test *t, bool ok, const char *what)
{
    if (!ok) {
        t->passed = false;
        debug_printf("deferred: CHECK FAILED: %s\n", what);
    }
}

static void probe_fire(struct deferred_call *dc)
{
    struct deferred_probe *p = container_of(dc, struct deferred_probe, dc);
    struct deferred_test *t = p->owner;

    check(t, !t->in_call, "handler not run inside deferred_call_set()");
    t->sequence++;
    if (p->runs++ == 0) {
        p->first_run = t->sequence;
    }
    if (p->rearm > 0) {
        p->rearm--;
        deferred_call_set(dc);
        check(t, deferred_call_is_pending(dc), "pending after re-arming itself");
    }
}

static void finish_fire(struct deferred_call *dc)
{
    struct deferred_test *t = container_of(dc, struct deferred_test, finish);
    struct deferred_probe *p = t->probes;

    /* finish was set last but before a's re-arms, so a may still be
     * pending; wait for it. */
    if (deferred_call_is_pending(&p[0].dc)) {
        deferred_call_set(dc);
        return;
    }
    debug_printf("deferred: runs a=%u b=%u c=%u, first runs a=%u b=%u c=%u\n", p[0].runs, p[1].runs,
                 p[2].runs, p[0].first_run, p[1].first_run, p[2].first_run);
    check(t, p[0].runs == REARMS + 1, "a ran once per set");
    check(t, p[1].runs == 1 && p[2].runs == 1, "b and c ran exactly once");
    check(t, p[1].first_run <= 3 && p[2].first_run <= 3, "re-arming a did not starve b or c");
    t->done(t->passed);
}

void deferred_test_start(struct deferred_test *t, void (*done)(bool passed))
{
    *t = (struct deferred_test){.passed = true, .done = done};
    t->probes[0].rearm = REARMS;
    for (unsigned i = 0; i < ARRAY_SIZE(t->probes); i++) {
        t->probes[i].owner = t;
        deferred_call_register(&t->probes[i].dc, probe_fire);
    }
    deferred_call_register(&t->finish, finish_fire);
    t->in_call = true;
    for (unsigned i = ARRAY_SIZE(t->probes); i-- > 0;) {
        deferred_call_set(&t->probes[i].dc);
    }
    deferred_call_set(&t->finish);
    t->in_call = false;
    for (unsigned i = 0; i < ARRAY_SIZE(t->probes); i++) {
        check(t, t->probes[i].runs == 0, "nothing ran synchronously");
        check(t, deferred_call_is_pending(&t->probes[i].dc), "pending after set");
    }
    debug_printf("deferred: 3 probes and a finisher set, none ran yet\n");
}
