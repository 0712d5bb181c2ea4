/* SPDX-License-Identifier: Apache-2.0 */
/* Deferred calls: software "interrupts" run later from the kernel main loop.
 *
 * A driver or capsule that must report completion of work it did not hand to
 * hardware (so no interrupt will come) sets a deferred call instead of
 * calling its client synchronously. The kernel keeps a fixed table of them
 * and a pending bitmask; the main loop runs pending ones before it schedules
 * processes or sleeps.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

/* Maximum number of deferred calls an image can register. */
#define DEFERRED_CALL_MAX 32

struct deferred_call;

/* Handler run from the main loop; self is the registered object. */
typedef void (*deferred_call_fn)(struct deferred_call *self);

/* One deferred call. Embed it in the owner's struct; recover the owner with
 * container_of() in the handler. Fields are private to deferred_call.c. */
struct deferred_call {
    deferred_call_fn fire; /* handler */
    uint8_t index;         /* slot in the kernel table */
    bool registered;       /* set by deferred_call_register() */
};

/* Register dc with handler fire. Boot time only (from a component's
 * finalize or a chip init). Registering more than DEFERRED_CALL_MAX calls,
 * or the same object twice, stops the boot with a panic naming the limit. */
void deferred_call_register(struct deferred_call *dc, deferred_call_fn fire);

/* Mark dc pending; its handler runs once from the main loop, after the
 * caller returns. Setting an already pending call has no further effect.
 * Main-loop context (not from interrupt handlers). */
void deferred_call_set(struct deferred_call *dc);

/* Whether dc is pending. */
bool deferred_call_is_pending(const struct deferred_call *dc);
