/* SPDX-License-Identifier: Apache-2.0 */
/* Cycle-counter contract: a free-running CPU counter for benchmarks.
 *
 * Implemented once per CPU family (arch/<family>/cycle_counter.c). Used only
 * by the benchmark kernels (boards/configurations/bench*); the standard
 * kernel links none of it. Under QEMU with -icount shift=0 the RISC-V counter
 * is the exact guest instruction count. ARMv7-M's only cycle counter is
 * DWT.CYCCNT, which QEMU does not model: there the contract reports "not
 * available" and the board measures with a timer of its own (the time HIL).
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

/* Whether this CPU has a counter arch_cycle_counter_read() can read. */
bool arch_cycle_counter_available(void);

/* Current counter value (RISC-V: minstret, 64 bits); 0 if not available.
 * Any privileged context. */
uint64_t arch_cycle_counter_read(void);

/* Let unprivileged code read the counter directly (RISC-V: mcounteren.IR
 * and .CY, so `rdinstret` works in U-mode). Returns false if the CPU cannot.
 * Benchmark kernels only: it exposes a timing source to every process. */
bool arch_cycle_counter_allow_user(bool allow);

/* The floor of the system-call path: run n bare trap round trips (`svc` /
 * `ecall` into a handler that only returns) on the kernel stack with every
 * other trap still handled as usual. n >= 1. The loop is four (Cortex-M) or
 * five (RISC-V) instructions per iteration, trap and return included. Boot
 * time, before kernel_run(); interrupts stay masked on RISC-V, on Cortex-M
 * only the SVC is let through (BASEPRI is lowered for the duration). */
void arch_trap_floor_run(uint32_t n);
