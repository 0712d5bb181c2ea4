/* SPDX-License-Identifier: Apache-2.0 */
/* Scheduler timer (os/platform/sched_timer.h) on the Cortex-M SysTick.
 *
 * SysTick is a 24-bit down-counter on the processor clock. A timeslice loads
 * the reload register and restarts the count; reaching zero sets COUNTFLAG
 * and, when armed (TICKINT), raises the SysTick exception, whose only job is
 * to make a running process trap back into the kernel. Because reading CSR
 * clears COUNTFLAG, an observed expiry is latched in software and the
 * counter is stopped, so the timer behaves as one-shot.
 *
 * The longest timeslice is 2^24 - 1 ticks (about 671 ms at 25 MHz); longer
 * requests are clamped.
 */
#include <stdbool.h>
#include <stdint.h>

#include "cortex_m/scb.h"
#include "cortex_m/systick.h"
#include "exceptions.h"
#include "os/platform/arch.h"
#include "os/platform/panic.h"
#include "os/platform/sched_timer.h"

static uint32_t ticks_per_us; /* processor clock in MHz */
static volatile bool expired; /* latched expiry of the current slice */
static uint32_t slice_ticks;  /* reload value of the current slice */

void cortex_m_systick_init(uint32_t hz)
{
    if (hz < 1000000u) {
        OS_PANIC("SysTick clock %lu Hz below 1 MHz", (unsigned long)hz);
    }
    ticks_per_us = hz / 1000000u;
    sched_timer_reset();
}

/* Stop counting and latch the expiry. Idempotent: for one expiry both the
 * SysTick handler and a poll may call it, in either order. */
static void latch_expiry(void)
{
    expired = true;
    /* SAFETY: privileged write to SysTick CSR: disable counter and tick
     * interrupt; the exception cannot be raised after this. */
    CORTEX_M_SYSTICK->csr = CORTEX_M_SYSTICK_CSR_CLKSOURCE;
}

/* Look at COUNTFLAG once (reading it clears it) and latch it. Runs with
 * interrupts enabled (it is on every system call's path): if the SysTick
 * exception is taken between the test of `expired` and the CSR read, the
 * handler has latched already and latching again changes nothing; a
 * COUNTFLAG this read clears is latched here, and its pending exception,
 * if any, latches once more. No expiry is lost either way. */
static bool poll_expiry(void)
{
    /* SAFETY: SysTick CSR read; its side effect (clearing COUNTFLAG) is
     * why the result is latched in `expired`. */
    if (!expired && (CORTEX_M_SYSTICK->csr & CORTEX_M_SYSTICK_CSR_COUNTFLAG) != 0) {
        latch_expiry();
    }
    return expired;
}

void sched_timer_start(uint32_t us)
{
    uint64_t ticks = (uint64_t)us * ticks_per_us;
    arch_irq_state_t state = arch_irq_save();
    uint32_t tickint;

    if (ticks == 0) {
        ticks = 1;
    }
    if (ticks > CORTEX_M_SYSTICK_RVR_MAX) {
        ticks = CORTEX_M_SYSTICK_RVR_MAX;
    }
    slice_ticks = (uint32_t)ticks;
    /* SAFETY: SysTick reprogramming from privileged code with interrupts
     * masked: stop, load the reload value, clear the count (which also
     * clears COUNTFLAG) and start again, keeping the armed state. */
    tickint = CORTEX_M_SYSTICK->csr & CORTEX_M_SYSTICK_CSR_TICKINT;
    CORTEX_M_SYSTICK->csr = CORTEX_M_SYSTICK_CSR_CLKSOURCE;
    CORTEX_M_SYSTICK->rvr = slice_ticks;
    CORTEX_M_SYSTICK->cvr = 0;
    expired = false;
    CORTEX_M_SYSTICK->csr = CORTEX_M_SYSTICK_CSR_CLKSOURCE | CORTEX_M_SYSTICK_CSR_ENABLE | tickint;
    arch_irq_restore(state);
}

void sched_timer_reset(void)
{
    arch_irq_state_t state = arch_irq_save();

    /* SAFETY: SysTick stop from privileged code; clearing CVR also clears
     * COUNTFLAG, and clearing PENDSTCLR (ICSR bit 25) drops an expiry that
     * was already raised but not yet taken. */
    CORTEX_M_SYSTICK->csr = CORTEX_M_SYSTICK_CSR_CLKSOURCE;
    CORTEX_M_SYSTICK->cvr = 0;
    CORTEX_M_SCB->icsr = 1u << 25;
    expired = false;
    slice_ticks = 0;
    arch_irq_restore(state);
}

void sched_timer_arm(void)
{
    arch_irq_state_t state = arch_irq_save();

    /* SAFETY: SysTick CSR read-modify-write with interrupts masked. An
     * expiry observed by this read is latched, not lost. */
    uint32_t csr = CORTEX_M_SYSTICK->csr;

    if ((csr & CORTEX_M_SYSTICK_CSR_COUNTFLAG) != 0) {
        latch_expiry();
    } else if ((csr & CORTEX_M_SYSTICK_CSR_ENABLE) != 0) {
        CORTEX_M_SYSTICK->csr = csr | CORTEX_M_SYSTICK_CSR_TICKINT;
    }
    arch_irq_restore(state);
}

uint32_t sched_timer_get_remaining_us(void)
{
    uint32_t value;

    if (poll_expiry() || slice_ticks == 0) {
        return 0;
    }
    /* SAFETY: SysTick CVR read has no side effect. Right after a start the
     * counter may still read 0 before its first reload: the whole slice is
     * then left. */
    value = CORTEX_M_SYSTICK->cvr;
    if (value == 0) {
        value = slice_ticks;
    }
    return value / ticks_per_us;
}

bool sched_timer_has_expired(void)
{
    return poll_expiry();
}

void cortex_m_systick_handler(void)
{
    latch_expiry();
}
