/* SPDX-License-Identifier: Apache-2.0 */
/* RISC-V CPU services of the arch contract: interrupt masking and sleep.
 *
 * Interrupt model: the kernel runs in M-mode with mstatus.MIE = 0 always and
 * polls mip (and the PLIC) from its main loop. M-mode interrupts cannot be
 * masked while a lower privilege runs, so a U-mode process is still
 * interrupted by every source enabled in mie, and wfi wakes on mip & mie
 * regardless of mstatus.MIE. "Enabling interrupts" therefore means enabling
 * the sources in mie, never setting mstatus.MIE.
 */
#include <stdint.h>

#include "os/platform/arch.h"
#include "riscv/csr.h"

arch_irq_state_t arch_irq_save(void)
{
    return riscv_csr_clear_mstatus(RISCV_MSTATUS_MIE) & RISCV_MSTATUS_MIE;
}

void arch_irq_restore(arch_irq_state_t state)
{
    if ((state & RISCV_MSTATUS_MIE) != 0) {
        (void)riscv_csr_set_mstatus(RISCV_MSTATUS_MIE);
    }
}

/* Enable the interrupt sources the kernel waits for in mie: machine
 * external (PLIC) here, and the machine timer, whose enable bit (MTIE) the
 * timer driver owns and sets exactly while a deadline is programmed (a
 * RISC-V timer cannot be "stopped": with no deadline MTIP stays pending, so
 * MTIE must be clear then or wfi would never sleep). mstatus.MIE stays 0,
 * so kernel code is never interrupted; mie makes wfi wake up and makes the
 * sources preempt U-mode. */
void arch_irq_enable(void)
{
    (void)riscv_csr_set_mie(RISCV_MIP_MEIP);
}

void arch_wait_for_interrupt(void)
{
    /* SAFETY: wfi only stalls the hart; it returns once mip & mie != 0 (or
     * spuriously, which callers tolerate by re-checking). */
    __asm__ volatile("wfi" : : : "memory");
}

const char *arch_cpu_name(void)
{
    return "RV32IMAC";
}
