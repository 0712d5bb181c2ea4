/* SPDX-License-Identifier: Apache-2.0 */
/* SysTick setup: the arch's scheduler timer needs the core clock frequency.
 *
 * The SysTick timer implements os/platform/sched_timer.h. It counts the
 * processor clock, whose rate only the chip knows, so the chip passes it in
 * from chip_init() before the kernel starts any timeslice.
 */
#pragma once

#include <stdint.h>

/* Tell the scheduler timer that the core runs at hz (processor clock, used
 * with CLKSOURCE=1) and stop the counter. Boot time, once, before the first
 * sched_timer_start(). hz must be at least 1 MHz (timeslices are set in
 * microseconds); a smaller value stops the kernel with a panic. */
void cortex_m_systick_init(uint32_t hz);
