/* SPDX-License-Identifier: Apache-2.0 */
/* Deferred calls: a fixed table of handlers and a pending bitmask.
 *
 * Setting and servicing both happen in the main loop (never in an interrupt
 * handler), so the bitmask needs no atomic operations.
 */
#include "os/deferred_call.h"

#include "kernel/deferred_call_table.h"
#include "os/platform/panic.h"

_Static_assert(DEFERRED_CALL_MAX <= 32, "pending mask is one 32-bit word");

static struct deferred_call *table[DEFERRED_CALL_MAX];
static unsigned registered;
static uint32_t pending;
static unsigned next_scan; /* slot where the next search starts */

void deferred_call_register(struct deferred_call *dc, deferred_call_fn fire)
{
    if (dc->registered) {
        OS_PANIC("deferred call %p registered twice", (void *)dc);
    }
    if (registered >= DEFERRED_CALL_MAX) {
        OS_PANIC("too many deferred calls: the limit is %d (DEFERRED_CALL_MAX)", DEFERRED_CALL_MAX);
    }
    dc->fire = fire;
    dc->index = (uint8_t)registered;
    dc->registered = true;
    table[registered++] = dc;
}

void deferred_call_set(struct deferred_call *dc)
{
    if (!dc->registered) {
        OS_PANIC("deferred call %p set before it was registered", (void *)dc);
    }
    pending |= 1u << dc->index;
}

bool deferred_call_is_pending(const struct deferred_call *dc)
{
    return dc->registered && (pending & (1u << dc->index)) != 0;
}

bool deferred_call_has_pending(void)
{
    return pending != 0;
}

bool deferred_call_service_one(void)
{
    uint32_t rotated;
    unsigned i;

    if (pending == 0) {
        return false;
    }
    /* Scan round robin from the slot after the last one run, so a call that
     * keeps re-arming itself cannot starve the others. */
    rotated = (pending >> next_scan) | (next_scan != 0 ? pending << (32 - next_scan) : 0);
    i = (next_scan + (unsigned)__builtin_ctz(rotated)) % 32;
    next_scan = (i + 1) % 32;
    /* Clear before running, so the handler may set itself again. */
    pending &= ~(1u << i);
    table[i]->fire(table[i]);
    return true;
}

unsigned deferred_call_count(void)
{
    return registered;
}

void deferred_call_reset_for_test(void)
{
    for (unsigned i = 0; i < registered; i++) {
        table[i]->registered = false;
        table[i] = NULL;
    }
    registered = 0;
    pending = 0;
    next_scan = 0;
}
