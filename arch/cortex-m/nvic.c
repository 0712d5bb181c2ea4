/* SPDX-License-Identifier: Apache-2.0 */
/* NVIC driver: claimed lines, the generic top half and its bottom-half queue.
 *
 * The top half (cortex_m_irq_record, handler mode) and the main loop share
 * two bitmasks:
 *   claimed: lines a driver enabled; written in the main loop with
 *            interrupts masked, read by the top half;
 *   pending: lines whose top half ran and whose bottom half has not; set by
 *            the top half, cleared by the main loop with interrupts masked.
 * All external interrupts run at the same priority
 * (CORTEX_M_PRIORITY_KERNEL_MASKED), so top halves never preempt each other
 * and a read-modify-write in one is atomic.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cortex_m/nvic.h"
#include "cortex_m/scb.h"
#include "exceptions.h"
#include "os/platform/arch.h"
#include "os/platform/panic.h"

#define IRQ_WORDS (CORTEX_M_IRQ_COUNT / 32)

_Static_assert(CORTEX_M_IRQ_COUNT % 32 == 0 && CORTEX_M_IRQ_COUNT <= 496, "IRQ count");

/* NVIC register block at 0xE000E100 (ARMv7-M ARM B3.4). */
struct cortex_m_nvic_regs {
    volatile uint32_t iser[16]; /* 0x000 set-enable */
    uint32_t reserved0[16];
    volatile uint32_t icer[16]; /* 0x080 clear-enable */
    uint32_t reserved1[16];
    volatile uint32_t ispr[16]; /* 0x100 set-pending */
    uint32_t reserved2[16];
    volatile uint32_t icpr[16]; /* 0x180 clear-pending */
    uint32_t reserved3[16];
    volatile uint32_t iabr[16]; /* 0x200 active bits */
    uint32_t reserved4[48];
    volatile uint8_t ipr[496]; /* 0x300 one priority byte per line */
};

_Static_assert(offsetof(struct cortex_m_nvic_regs, icpr) == 0x180, "NVIC layout");
_Static_assert(offsetof(struct cortex_m_nvic_regs, ipr) == 0x300, "NVIC layout");

/* SAFETY: 0xE000E100 is the architecturally fixed NVIC base and 0xE000E004
 * the Interrupt Controller Type register, both in the Private Peripheral
 * Bus of every ARMv7-M core, word-aligned, privileged access only. */
#define NVIC ((struct cortex_m_nvic_regs *)0xE000E100u)
#define NVIC_ICTR ((volatile const uint32_t *)0xE000E004u)

static volatile uint32_t claimed[IRQ_WORDS];
static volatile uint32_t pending[IRQ_WORDS];

static void check_irq(uint32_t irq)
{
    if (irq >= CORTEX_M_IRQ_COUNT) {
        OS_PANIC("IRQ %lu beyond the %u lines of the vector table", (unsigned long)irq,
                 (unsigned)CORTEX_M_IRQ_COUNT);
    }
}

void cortex_m_nvic_enable(uint32_t irq)
{
    uint32_t w = irq / 32u;
    uint32_t bit = 1u << (irq % 32u);
    arch_irq_state_t state;

    check_irq(irq);
    state = arch_irq_save();
    claimed[w] |= bit;
    pending[w] &= ~bit;
    /* SAFETY: NVIC priority byte (kernel-maskable, see cortex_m/scb.h),
     * clear-pending, then set-enable of one claimed line. */
    NVIC->ipr[irq] = (uint8_t)CORTEX_M_PRIORITY_KERNEL_MASKED;
    NVIC->icpr[w] = bit;
    NVIC->iser[w] = bit;
    arch_irq_restore(state);
}

void cortex_m_nvic_disable(uint32_t irq)
{
    uint32_t w = irq / 32u;
    uint32_t bit = 1u << (irq % 32u);
    arch_irq_state_t state;

    check_irq(irq);
    state = arch_irq_save();
    /* SAFETY: NVIC clear-enable of one line; the barriers make sure it can
     * no longer fire once interrupts are unmasked again. */
    NVIC->icer[w] = bit;
    __asm__ volatile("dsb\n\tisb" ::: "memory");
    claimed[w] &= ~bit;
    pending[w] &= ~bit;
    arch_irq_restore(state);
}

bool cortex_m_nvic_has_pending(void)
{
    for (size_t w = 0; w < IRQ_WORDS; w++) {
        if (pending[w] != 0) {
            return true;
        }
    }
    return false;
}

int32_t cortex_m_nvic_take_pending(void)
{
    arch_irq_state_t state = arch_irq_save();

    for (uint32_t w = 0; w < IRQ_WORDS; w++) {
        uint32_t word = pending[w];

        if (word != 0) {
            uint32_t n = (uint32_t)__builtin_ctz(word);
            uint32_t bit = 1u << n;

            pending[w] &= ~bit;
            arch_irq_restore(state);
            return (int32_t)(w * 32u + n);
        }
    }
    arch_irq_restore(state);
    return -1;
}

void cortex_m_nvic_reenable(uint32_t irq)
{
    uint32_t w = irq / 32u;
    uint32_t bit = 1u << (irq % 32u);

    check_irq(irq);
    if ((claimed[w] & bit) != 0) {
        /* SAFETY: NVIC clear-pending then set-enable of a line a driver
         * still claims. While masked, the line was re-pended when the top
         * half returned with the device still asserting it; the bottom half
         * has since cleared the device, so that pending state is stale.
         * Clearing pending does not lose a new event: the NVIC keeps a
         * level-sensitive line pending while the device asserts it
         * (checked on QEMU mps2-an386). */
        NVIC->icpr[w] = bit;
        NVIC->iser[w] = bit;
    }
}

uint32_t cortex_m_nvic_implemented_lines(void)
{
    /* SAFETY: ICTR is read-only; INTLINESNUM counts lines in blocks of 32. */
    uint32_t lines = 32u * ((*NVIC_ICTR & 0xFu) + 1u);

    return lines < CORTEX_M_IRQ_COUNT ? lines : CORTEX_M_IRQ_COUNT;
}

bool cortex_m_irq_record(void)
{
    uint32_t ipsr;
    uint32_t irq;

    /* SAFETY: reading IPSR has no side effect. */
    __asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
    irq = ipsr - 16u;
    if (ipsr < 16u || irq >= CORTEX_M_IRQ_COUNT) {
        return false;
    }
    /* SAFETY: mask the line that is being taken, so it cannot fire again
     * before its bottom half has run; DSB so the mask is in effect before
     * the exception returns. */
    NVIC->icer[irq / 32u] = 1u << (irq % 32u);
    __asm__ volatile("dsb" ::: "memory");
    if ((claimed[irq / 32u] & (1u << (irq % 32u))) == 0) {
        return false;
    }
    pending[irq / 32u] |= 1u << (irq % 32u);
    return true;
}
