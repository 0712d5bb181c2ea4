/* SPDX-License-Identifier: Apache-2.0 */
/* Scheduler timer contract: the timeslice timer used for preemption.
 *
 * One implementation per image (SysTick on Cortex-M, a CLINT comparator on
 * RISC-V). The timer only has to interrupt a running process; the kernel
 * reads whether it expired after the process traps back.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

/* Start a timeslice of us microseconds (replaces any running one). */
void sched_timer_start(uint32_t us);

/* Stop the timer; no interrupt follows, and the next start is unarmed. */
void sched_timer_reset(void);

/* Allow the expiry to raise an interrupt, until the next reset. The kernel
 * arms once per run of a process; an expiry while the kernel itself runs
 * only pends (or, on Cortex-M, is latched by the SysTick handler). */
void sched_timer_arm(void);

/* Microseconds left in the timeslice; 0 once expired. */
uint32_t sched_timer_get_remaining_us(void);

/* Whether the timeslice has run out. */
bool sched_timer_has_expired(void);
