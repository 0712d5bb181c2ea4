/* SPDX-License-Identifier: Apache-2.0 */
/* The kernel main loop: interrupt bottom halves, deferred calls, sleep.
 *
 * Kernel work always comes first: one pass services pending interrupts if
 * there are any, otherwise one deferred call, and only when neither is
 * pending does it run a process (round robin) or, with none runnable, sleep.
 */
#include "kernel/capability_check.h"
#include "kernel/deferred_call_table.h"
#include "kernel/process_internal.h"
#include "kernel/profile.h"
#include "os/board/kernel.h"
#include "os/platform/arch.h"
#include "os/platform/chip.h"
#include "os/platform/panic.h"

void kernel_init(struct kernel *k, struct chip *chip)
{
    OS_VERIFY(chip != NULL);
    *k = (struct kernel){.chip = chip, .next_id = 1};
}

/* One pass of the loop; kept separate so its policy reads in one place. */
static void kernel_loop_once(struct kernel *k)
{
    if (chip_has_pending_interrupts(k->chip)) {
        chip_service_pending_interrupts(k->chip);
        k->stats.interrupt_services++;
        PROFILE_ACCOUNT(k, &k->stats.kernel_ticks);
        return;
    }
    if (deferred_call_service_one()) {
        k->stats.deferred_calls_run++;
        PROFILE_ACCOUNT(k, &k->stats.kernel_ticks);
        return;
    }
    /* Only kernels that set up processes link the scheduler (and with it
     * the arch's user boundary and MPU code). */
    if (k->run_process != NULL && k->run_process(k)) {
        return;
    }
    /* Deferred calls are only set from the main loop, so none can appear
     * between the check above and the sleep; chip_sleep() itself closes the
     * race with interrupts. */
    PROFILE_ACCOUNT(k, &k->stats.kernel_ticks);
    chip_sleep(k->chip);
    k->stats.sleeps++;
    PROFILE_ACCOUNT(k, &k->stats.idle_ticks);
}

void kernel_run(struct kernel *k, const struct cap_main_loop *cap)
{
    if (!capability_is_main_loop(cap)) {
        OS_PANIC("kernel_run: not the main-loop capability");
    }
    k->running = true;
    arch_irq_enable();
    for (;;) {
        kernel_loop_once(k);
    }
}

void kernel_get_stats(const struct kernel *k, struct kernel_stats *stats)
{
    *stats = k->stats;
}
