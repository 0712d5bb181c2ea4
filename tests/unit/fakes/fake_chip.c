/* SPDX-License-Identifier: Apache-2.0 */
/* Host fakes of the remaining chip, timer and debug-writer contracts. */
#include <stdbool.h>

#include "os/platform/chip.h"
#include "os/platform/sched_timer.h"

bool chip_has_pending_interrupts(struct chip *chip)
{
    (void)chip;
    return false;
}

void chip_service_pending_interrupts(struct chip *chip)
{
    (void)chip;
}

void chip_sleep(struct chip *chip)
{
    (void)chip;
}

void sched_timer_start(uint32_t us)
{
    (void)us;
}

void sched_timer_reset(void)
{
}

void sched_timer_arm(void)
{
}

uint32_t sched_timer_get_remaining_us(void)
{
    return 0;
}

bool sched_timer_has_expired(void)
{
    return false;
}
