/* SPDX-License-Identifier: Apache-2.0 */
/* RISC-V CLINT timer: the HIL alarm and the scheduler timeslice timer.
 *
 * The CLINT has one free-running 64-bit mtime and one mtimecmp per hart;
 * mip.MTIP is set while mtime >= mtimecmp. Two users share hart 0's
 * comparator, so the driver keeps two logical deadlines and programs
 * mtimecmp with the earlier of the ones that may interrupt:
 *
 *   alarm            the hil_alarm role (32-bit ticks = low word of mtime);
 *                    counts while armed, serviced from the main loop.
 *   scheduler timer  include/os/platform/sched_timer.h, in microseconds;
 *                    only raises MTIP while sched_timer_arm() is in effect,
 *                    i.e. while a process runs. The kernel reads its
 *                    expiry when the process traps back.
 *
 * mie.MTIE belongs to this driver: it is set exactly while a deadline is
 * programmed (see clint.c for why "no deadline" needs MTIE clear).
 *
 * Register map (QEMU virt, checked): mtimecmp(hart 0) at base + 0x4000,
 * mtime at base + 0xBFF8; both 64-bit, accessed as two 32-bit words.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "os/hil/time.h"

/* The CLINT of hart 0. Fields are private to clint.c. */
struct clint {
    struct hil_alarm alarm;  /* the HIL alarm role; hand &alarm to clients */
    uintptr_t base;          /* MMIO base of the CLINT */
    uint32_t frequency_hz;   /* mtime rate (10 MHz on QEMU virt) */
    uint32_t ticks_per_us;   /* frequency_hz / 1 MHz if whole, else 0 */
    uint64_t alarm_deadline; /* absolute mtime of the armed alarm */
    ticks_t alarm_ticks;     /* reference + dt, as given to set_alarm */
    bool alarm_armed;        /* an alarm_fired is still to come */
    uint64_t sched_deadline; /* absolute mtime the timeslice ends */
    bool sched_running;      /* a timeslice was started and not reset */
    bool sched_armed;        /* the timeslice may raise MTIP */
};

/* Initialise clint at base with an mtime of frequency_hz: no deadline
 * (comparator 0, mie.MTIE clear), alarm disarmed, no timeslice. Also makes clint
 * the instance behind the sched_timer_* functions. Boot time, once. */
void clint_init(struct clint *clint, uintptr_t base, uint32_t frequency_hz);

/* Current 64-bit mtime (read consistently across the word carry). Any
 * context. */
uint64_t clint_now(const struct clint *clint);

/* Interrupt bottom half, called by the chip when mip.MTIP is set: if the
 * alarm's deadline has passed, disarm it and call the client's alarm_fired
 * (which may re-arm it); then re-program the comparator. Main loop only. */
void clint_service(struct clint *clint);
