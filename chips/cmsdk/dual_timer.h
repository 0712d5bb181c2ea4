/* SPDX-License-Identifier: Apache-2.0 */
/* CMSDK APB dual timer as the time HIL's free-running counter plus alarm.
 *
 * The dual timer (ARM DDI0479C, 4.5; SP804-compatible) holds two 32-bit
 * down-counters sharing one interrupt line. This driver uses
 *   timer 2 as the free-running counter: LOAD = 0xFFFFFFFF, free-running
 *           mode, no interrupt; now = ~VALUE counts up from 0 and wraps at
 *           2^32 like ticks_t;
 *   timer 1 as the one-shot alarm: loaded with the ticks left until the
 *           alarm, interrupt on reaching zero.
 * Both count the timer clock with prescale 1, so the HIL frequency is that
 * clock (25 MHz on mps2).
 *
 * The chip routes the timer's interrupt line to
 * cmsdk_dual_timer_handle_interrupt() from chip_service_pending_interrupts()
 * (main loop), which is where alarm_fired comes from. Fields are private to
 * dual_timer.c.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "os/hil/time.h"

struct cmsdk_dual_timer_regs;

/* One CMSDK dual timer driving one hil_alarm. */
struct cmsdk_dual_timer {
    struct hil_alarm alarm;             /* the HIL role, hand to capsules */
    struct cmsdk_dual_timer_regs *regs; /* register block */
    uint32_t hz;                        /* timer clock */
    ticks_t reference;                  /* armed: fires at reference + dt */
    ticks_t dt;
    bool armed; /* an alarm_fired is still to come */
};

/* Initialise timer for the register block at base, counting at hz, and
 * start the free-running counter at 0. Boot time (chip_init), once. Does not
 * touch the NVIC: the chip enables the timer's line. */
void cmsdk_dual_timer_init(struct cmsdk_dual_timer *timer, uintptr_t base, uint32_t hz);

/* Bottom half of the dual timer interrupt: acknowledge it and, if the armed
 * time has been reached, disarm and call alarm_fired; if the hardware fired
 * early relative to the free-running counter, re-arm for the rest. Main-loop
 * context only. Spurious calls are harmless. */
void cmsdk_dual_timer_handle_interrupt(struct cmsdk_dual_timer *timer);
