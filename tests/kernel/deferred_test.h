/* SPDX-License-Identifier: Apache-2.0 */
/* In-kernel test of deferred calls (see deferred_test.c).
 * Boards allocate struct deferred_test; only deferred_test.c reads it. */
#pragma once

#include "os/capsule.h"

/* One deferred call under test and what happened to it. */
struct deferred_probe {
    struct deferred_call dc;     /* registered with the kernel */
    struct deferred_test *owner; /* the test it belongs to */
    unsigned runs;               /* handler invocations */
    unsigned first_run;          /* global sequence number of the first */
    unsigned rearm;              /* times it sets itself again */
};

struct deferred_test {
    struct deferred_probe probes[3]; /* a re-arms itself, b and c do not */
    struct deferred_call finish;     /* runs last: checks and reports */
    unsigned sequence;               /* handler runs so far, all probes */
    bool in_call;                    /* inside deferred_call_set() */
    bool passed;                     /* no check failed so far */
    void (*done)(bool passed);       /* called once at the end */
};

/* Register the test's deferred calls and set them. Boot time (registration
 * is only allowed then); the outcome arrives through done() from the main
 * loop. */
void deferred_test_start(struct deferred_test *t, void (*done)(bool passed));
