/* SPDX-License-Identifier: Apache-2.0 */
/* RISC-V cycle-counter contract: minstret, and the bare-trap floor.
 *
 * minstret counts retired instructions; under QEMU with -icount shift=0 it
 * equals mcycle and is the exact guest instruction count. The floor runs
 * M-mode `ecall` into a private two-instruction handler (set mepc to the
 * instruction after the ecall, mret): mtvec points at it for the duration,
 * interrupts stay off (MIE is clear before kernel_run()).
 */
#include <stdbool.h>
#include <stdint.h>

#include "os/platform/cycle_counter.h"

#define MCOUNTEREN_CY 0x1u
#define MCOUNTEREN_IR 0x4u
#define MISA_S (1u << ('S' - 'A'))

/* The floor's trap handler: t1 holds the resume address (set by the loop). */
__attribute__((naked, aligned(4))) static void floor_trap_handler(void)
{
    /* SAFETY: a machine-mode trap handler of two instructions; it writes
     * only mepc, from t1, which floor_loop() reserves for it. */
    __asm__ volatile("csrw mepc, t1\n\t"
                     "mret");
}

/* n iterations of ecall + addi + bnez (the handler adds csrw + mret). */
static void floor_loop(uint32_t n)
{
    /* SAFETY: the ecall lands in floor_trap_handler, which resumes at 2:
     * (held in t1) and changes nothing else; n and t1 are the only
     * registers written. */
    __asm__ volatile("la t1, 2f\n\t"
                     "1: ecall\n\t"
                     "2: addi %0, %0, -1\n\t"
                     "bnez %0, 1b"
                     : "+r"(n)
                     :
                     : "t1", "memory");
}

bool arch_cycle_counter_available(void)
{
    return true;
}

uint64_t arch_cycle_counter_read(void)
{
    uint32_t hi = 0;
    uint32_t lo = 0;
    uint32_t again = 0;

    /* SAFETY: reads of the machine-mode instruction counter; the high half
     * is read twice so a carry between the two halves is not missed. */
    do {
        __asm__ volatile("csrr %0, minstreth" : "=r"(hi));
        __asm__ volatile("csrr %0, minstret" : "=r"(lo));
        __asm__ volatile("csrr %0, minstreth" : "=r"(again));
    } while (hi != again);
    return ((uint64_t)hi << 32) | lo;
}

/* Set or clear bits in scounteren, which exists only with S-mode. With
 * S-mode present, U-mode reads need the bit in both enable registers. */
static void set_scounteren(bool allow, uint32_t bits)
{
    uint32_t misa;

    /* SAFETY: misa read; scounteren is touched only if S-mode exists, and
     * it only gates U-mode reads of the counters. */
    __asm__ volatile("csrr %0, misa" : "=r"(misa));
    if ((misa & MISA_S) == 0) {
        return;
    }
    if (allow) {
        __asm__ volatile("csrs scounteren, %0" : : "r"(bits));
    } else {
        __asm__ volatile("csrc scounteren, %0" : : "r"(bits));
    }
}

bool arch_cycle_counter_allow_user(bool allow)
{
    uint32_t bits = MCOUNTEREN_CY | MCOUNTEREN_IR;

    /* SAFETY: mcounteren only gates lower-mode reads of cycle and instret. */
    if (allow) {
        __asm__ volatile("csrs mcounteren, %0" : : "r"(bits));
    } else {
        __asm__ volatile("csrc mcounteren, %0" : : "r"(bits));
    }
    set_scounteren(allow, bits);
    return true;
}

void arch_trap_floor_run(uint32_t n)
{
    uint32_t old_mtvec;

    /* SAFETY: mtvec is swapped to the floor handler (4-aligned, direct mode)
     * and restored; interrupts are off, so only the loop's ecalls trap. */
    __asm__ volatile("csrr %0, mtvec" : "=r"(old_mtvec));
    __asm__ volatile("csrw mtvec, %0" : : "r"((uint32_t)(uintptr_t)floor_trap_handler));
    floor_loop(n);
    /* SAFETY: the kernel's trap entry again. */
    __asm__ volatile("csrw mtvec, %0" : : "r"(old_mtvec) : "memory");
}
