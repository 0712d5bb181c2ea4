/* SPDX-License-Identifier: Apache-2.0 */
/* RISC-V CLINT driver: hil_alarm and sched_timer sharing hart 0's mtimecmp. */
#include "virt/clint.h"

#include <stddef.h>

#include "os/compiler.h"
#include "os/platform/panic.h"
#include "os/platform/sched_timer.h"
#include "riscv/csr.h"
#include "riscv/mmio.h"

#define CLINT_MTIMECMP_LO 0x4000u /* hart 0 */
#define CLINT_MTIMECMP_HI 0x4004u
#define CLINT_MTIME_LO 0xBFF8u
#define CLINT_MTIME_HI 0xBFFCu

#define US_PER_SECOND 1000000u

/* The instance behind the fixed-name sched_timer_* contract. */
static struct clint *sched_clint;

uint64_t clint_now(const struct clint *clint)
{
    uint32_t hi;
    uint32_t lo;

    /* SAFETY: mtime is two 32-bit registers of the CLINT; re-read until the
     * high word is stable so a carry between the two loads is not missed. */
    do {
        hi = riscv_mmio_read32(clint->base + CLINT_MTIME_HI);
        lo = riscv_mmio_read32(clint->base + CLINT_MTIME_LO);
    } while (riscv_mmio_read32(clint->base + CLINT_MTIME_HI) != hi);
    return ((uint64_t)hi << 32) | lo;
}

static void write_comparator(struct clint *clint, uint64_t deadline)
{
    /* SAFETY: mtimecmp of hart 0, written as two words. The high word goes
     * to 0 first, so the half-written value is in the past: MTIP may glitch,
     * which is harmless as the kernel never runs with mstatus.MIE set and
     * only the kernel writes mtimecmp. The usual "high word 0xFFFFFFFF
     * first" order is avoided on purpose: QEMU 7.2 turns that transient
     * into a timer at INT64_MAX ns which, if the final value is in the
     * past, stays armed and, under -icount sleep=off, freezes QEMU once the
     * hart idles (boards/qemu_rv32_virt/README.md, "QEMU facts"). */
    riscv_mmio_write32(clint->base + CLINT_MTIMECMP_HI, 0);
    riscv_mmio_write32(clint->base + CLINT_MTIMECMP_LO, (uint32_t)deadline);
    riscv_mmio_write32(clint->base + CLINT_MTIMECMP_HI, (uint32_t)(deadline >> 32));
}

/* Program the earliest deadline allowed to interrupt, or none at all.
 *
 * "None" is a comparator of 0 with mie.MTIE clear: MTIP stays set but wakes
 * nothing, and QEMU has no timer left to run, so an idle kernel waiting
 * for, say, UART input costs no virtual time. A far-future comparator
 * would make QEMU (icount, sleep=off) warp to it and wake the hart. */
static void program_comparator(struct clint *clint)
{
    bool have = false;
    uint64_t deadline = UINT64_MAX;

    if (clint->alarm_armed) {
        deadline = clint->alarm_deadline;
        have = true;
    }
    if (clint->sched_running && clint->sched_armed && clint->sched_deadline < deadline) {
        deadline = clint->sched_deadline;
        have = true;
    }
    if (!have) {
        (void)riscv_csr_clear_mie(RISCV_MIP_MTIP);
        write_comparator(clint, 0);
        return;
    }
    write_comparator(clint, deadline);
    (void)riscv_csr_set_mie(RISCV_MIP_MTIP);
}

/* ---- hil_alarm ---------------------------------------------------------- */

static ticks_t alarm_now(struct hil_alarm *alarm)
{
    return (ticks_t)clint_now(container_of(alarm, struct clint, alarm));
}

static uint32_t alarm_frequency(struct hil_alarm *alarm)
{
    return container_of(alarm, struct clint, alarm)->frequency_hz;
}

static void alarm_set(struct hil_alarm *alarm, ticks_t reference, ticks_t dt)
{
    struct clint *clint = container_of(alarm, struct clint, alarm);
    uint64_t now = clint_now(clint);
    ticks_t elapsed = (ticks_t)now - reference;

    /* Extend the 32-bit request to 64 bits relative to now; a time already
     * reached gives a deadline of now, which MTIP reports at once. */
    clint->alarm_deadline = elapsed >= dt ? now : now + (dt - elapsed);
    clint->alarm_ticks = reference + dt;
    clint->alarm_armed = true;
    program_comparator(clint);
}

static ticks_t alarm_get(struct hil_alarm *alarm)
{
    return container_of(alarm, struct clint, alarm)->alarm_ticks;
}

static os_err_t alarm_disarm(struct hil_alarm *alarm)
{
    struct clint *clint = container_of(alarm, struct clint, alarm);

    clint->alarm_armed = false;
    program_comparator(clint);
    return OS_OK;
}

static bool alarm_is_armed(struct hil_alarm *alarm)
{
    return container_of(alarm, struct clint, alarm)->alarm_armed;
}

static ticks_t alarm_minimum_dt(struct hil_alarm *alarm)
{
    (void)alarm;
    /* mtimecmp is an absolute >= compare: any deadline, even one already
     * passed, raises MTIP, so there is no race to guard against. */
    return 1;
}

static const struct hil_alarm_ops clint_alarm_ops = {
    .now = alarm_now,
    .frequency = alarm_frequency,
    .set_alarm = alarm_set,
    .get_alarm = alarm_get,
    .disarm = alarm_disarm,
    .is_armed = alarm_is_armed,
    .minimum_dt = alarm_minimum_dt,
};

void clint_init(struct clint *clint, uintptr_t base, uint32_t frequency_hz)
{
    clint->alarm.ops = &clint_alarm_ops;
    clint->alarm.client = NULL;
    clint->base = base;
    clint->frequency_hz = frequency_hz;
    clint->ticks_per_us = frequency_hz % US_PER_SECOND == 0 ? frequency_hz / US_PER_SECOND : 0;
    clint->alarm_deadline = UINT64_MAX;
    clint->alarm_ticks = 0;
    clint->alarm_armed = false;
    clint->sched_deadline = UINT64_MAX;
    clint->sched_running = false;
    clint->sched_armed = false;
    program_comparator(clint);
    sched_clint = clint;
}

void clint_service(struct clint *clint)
{
    if (clint->alarm_armed && clint_now(clint) >= clint->alarm_deadline) {
        clint->alarm_armed = false;
        program_comparator(clint);
        if (clint->alarm.client != NULL) {
            clint->alarm.client->alarm_fired(clint->alarm.client);
        }
        return;
    }
    program_comparator(clint);
}

/* ---- sched_timer -------------------------------------------------------- */

static struct clint *sched_instance(void)
{
    if (sched_clint == NULL) {
        OS_PANIC("sched_timer used before clint_init()");
    }
    return sched_clint;
}

void sched_timer_start(uint32_t us)
{
    struct clint *clint = sched_instance();
    /* A whole number of ticks per microsecond avoids a 64-bit division
     * (a library call on RV32) on every process switch. */
    uint64_t ticks = clint->ticks_per_us != 0 ? (uint64_t)us * clint->ticks_per_us
                                              : (uint64_t)us * clint->frequency_hz / US_PER_SECOND;

    clint->sched_deadline = clint_now(clint) + ticks;
    clint->sched_running = true;
    program_comparator(clint);
}

void sched_timer_reset(void)
{
    struct clint *clint = sched_instance();

    clint->sched_running = false;
    clint->sched_armed = false;
    program_comparator(clint);
}

void sched_timer_arm(void)
{
    struct clint *clint = sched_instance();

    clint->sched_armed = true;
    program_comparator(clint);
}

uint32_t sched_timer_get_remaining_us(void)
{
    struct clint *clint = sched_instance();
    uint64_t now = clint_now(clint);

    if (!clint->sched_running || now >= clint->sched_deadline) {
        return 0;
    }
    uint64_t left = clint->sched_deadline - now;

    if (clint->ticks_per_us != 0 && left <= UINT32_MAX) {
        return (uint32_t)left / clint->ticks_per_us;
    }
    return (uint32_t)(left * US_PER_SECOND / clint->frequency_hz);
}

bool sched_timer_has_expired(void)
{
    struct clint *clint = sched_instance();

    return clint->sched_running && clint_now(clint) >= clint->sched_deadline;
}
