/* SPDX-License-Identifier: Apache-2.0 */
/* Architecture contract: CPU-level services implemented once per CPU family. */
#pragma once

#include <stdint.h>

#include "os/compiler.h"

/* Opaque saved interrupt state (BASEPRI on Cortex-M, mstatus.MIE on RISC-V). */
typedef uint32_t arch_irq_state_t;

/* Mask interrupts at the CPU and return the previous state. Any context. */
arch_irq_state_t arch_irq_save(void);

/* Restore the state returned by arch_irq_save(). Any context. */
void arch_irq_restore(arch_irq_state_t state);

/* Unmask interrupts at the CPU (done once by kernel_run()). */
void arch_irq_enable(void);

/* Wait for an interrupt with interrupts masked at the CPU: returns when one
 * is pending (it is taken once the caller unmasks). */
void arch_wait_for_interrupt(void);

/* Print the CPU's current register state and fault status registers through
 * early_printf(). Used by panic; any context. */
void arch_print_cpu_state(void);

/* Print the register state and fault cause saved by the most recent
 * exception that trapped kernel code. Used by panic_from_fault(). */
void arch_print_fault_state(void);

/* Short name of the CPU ("Cortex-M4", "RV32IMAC"). */
const char *arch_cpu_name(void);

/* Board entry point, called by the arch reset code once .data is copied and
 * .bss zeroed, on the kernel stack, privileged, interrupts masked. */
OS_NORETURN void board_main(void);
