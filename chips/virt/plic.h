/* SPDX-License-Identifier: Apache-2.0 */
/* RISC-V PLIC (platform-level interrupt controller) driver, one context.
 *
 * The kernel never takes interrupts in M-mode (see riscv/trap.h): the PLIC
 * drives mip.MEIP for its context, and the main loop claims, dispatches and
 * completes sources from chip_service_pending_interrupts(). A claimed source
 * is not signalled again until it is completed, so every plic_claim() that
 * returns non-zero must be followed by plic_complete() of that source.
 *
 * Register map (PLIC specification 1.0; checked on QEMU virt):
 *   base + 4*n                          priority of source n (0 = never)
 *   base + 0x1000 + 4*(n/32)            pending bits
 *   base + 0x2000 + 0x80*ctx + 4*(n/32) enable bits of context ctx
 *   base + 0x200000 + 0x1000*ctx        priority threshold of ctx
 *   base + 0x200004 + 0x1000*ctx        claim (read) / complete (write)
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

/* One PLIC context (a hart and privilege mode). Fields private to plic.c. */
struct plic {
    uintptr_t base;       /* MMIO base of the PLIC */
    uint32_t context;     /* context index (QEMU virt: 0 = hart 0 M-mode) */
    uint32_t num_sources; /* valid sources are 1 .. num_sources - 1 */
};

/* Initialise plic for context at base: every source disabled for that
 * context with priority 0, and threshold 0. Boot time, once, before any other plic_* call. */
void plic_init(struct plic *plic, uintptr_t base, uint32_t context, uint32_t num_sources);

/* Give source priority (1..7 on QEMU; 0 is "never") and enable it for the
 * context. Out-of-range sources are ignored. Boot time or main loop. */
void plic_enable(struct plic *plic, uint32_t source, uint32_t priority);

/* Disable source for the context (its priority is left as is). A source
 * already claimed must still be completed. Main loop or boot time. */
void plic_disable(struct plic *plic, uint32_t source);

/* Whether source's pending bit is set (independent of enable/threshold). */
bool plic_is_pending(const struct plic *plic, uint32_t source);

/* Claim the highest-priority pending enabled source: returns its number and
 * clears its pending bit, or 0 if none is pending. Main loop only. */
uint32_t plic_claim(struct plic *plic);

/* Signal that the handler of the claimed source has run; the source can be
 * signalled again (at once if its line is still asserted). Main loop only. */
void plic_complete(struct plic *plic, uint32_t source);
