/* SPDX-License-Identifier: Apache-2.0 */
/* Cortex-M fault capture and reporting for exceptions that trap the kernel.
 *
 * exceptions.S stores the registers the core did not stack (r4-r11, the
 * stack pointers, EXC_RETURN, CONTROL, IPSR, PRIMASK) into
 * cortex_m_fault_state and moves onto a private fault stack; the C half
 * here adds the fault status registers and a copy of the stacked frame, then
 * hands over to the kernel's panic_from_fault(), which prints the report
 * through arch_print_fault_state() and halts.
 *
 * The stacked frame is only read when it is known to be readable: no
 * stacking error was reported and it lies inside the kernel stack (MSP) or
 * the process RAM pool (PSP). A fault caused by a broken stack must not
 * fault again while being reported.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "cortex_m/scb.h"
#include "exceptions.h"
#include "os/platform/arch.h"
#include "os/platform/chip.h"
#include "os/platform/panic.h"

/* EXC_RETURN bits. */
#define EXC_RETURN_THREAD (1u << 3)      /* returning to thread mode */
#define EXC_RETURN_PSP (1u << 2)         /* frame is on PSP */
#define EXC_RETURN_BASIC_FRAME (1u << 4) /* no floating-point state stacked */
/* xPSR bit 9: the core inserted a padding word to align the frame. */
#define XPSR_FRAME_PADDED (1u << 9)

/* Linker-script symbols (kernel_sections.ld and the board's layout.ld). */
extern uint8_t _sstack[];
extern uint8_t _estack[];
extern uint8_t _sappmem[];
extern uint8_t _eappmem[];

struct cortex_m_fault_state cortex_m_fault_state;

static bool in_range(uintptr_t addr, size_t len, const uint8_t *start, const uint8_t *end)
{
    /* SAFETY: only compares addresses of linker symbols; nothing is read. */
    uintptr_t lo = (uintptr_t)start;
    uintptr_t hi = (uintptr_t)end;

    return (addr & 3u) == 0 && addr >= lo && addr <= hi && hi - addr >= len;
}

static bool frame_is_readable(const struct cortex_m_fault_state *fs)
{
    const uint32_t stacking_errors = CORTEX_M_CFSR_MSTKERR | CORTEX_M_CFSR_STKERR;
    size_t len = sizeof(struct cortex_m_exception_frame);

    if ((fs->cfsr & stacking_errors) != 0) {
        return false;
    }
    if ((fs->exc_return & EXC_RETURN_PSP) != 0) {
        return in_range(fs->frame_addr, len, _sappmem, _eappmem);
    }
    return in_range(fs->frame_addr, len, _sstack, _estack);
}

static void capture_status(struct cortex_m_fault_state *fs)
{
    /* SAFETY: privileged reads of the SCB fault registers. CFSR and HFSR
     * are write-one-to-clear: writing back what was read clears exactly the
     * bits this fault reported, so a later fault starts from a clean state. */
    fs->cfsr = CORTEX_M_SCB->cfsr;
    fs->hfsr = CORTEX_M_SCB->hfsr;
    fs->mmfar = CORTEX_M_SCB->mmfar;
    fs->bfar = CORTEX_M_SCB->bfar;
    fs->shcsr = CORTEX_M_SCB->shcsr;
    CORTEX_M_SCB->cfsr = fs->cfsr;
    CORTEX_M_SCB->hfsr = fs->hfsr;
}

void cortex_m_fault_handle(void)
{
    struct cortex_m_fault_state *fs = &cortex_m_fault_state;

    capture_status(fs);
    fs->frame_addr = (fs->exc_return & EXC_RETURN_PSP) != 0 ? fs->psp : fs->msp;
    fs->frame_valid = frame_is_readable(fs);
    if (fs->frame_valid) {
        /* SAFETY: frame_is_readable() checked that the eight words lie
         * inside RAM that is mapped and word-aligned. */
        memcpy(&fs->frame, (const void *)(uintptr_t)fs->frame_addr, sizeof(fs->frame));
    }
    fs->captured = true;
    /* Faults of a running process never get here: exceptions.S sends them
     * to the kernel's fault policy (ARCH_SWITCH_FAULT). What arrives is a
     * fault of kernel code, an NMI, or an unexpected exception or
     * interrupt (possibly taken while a process ran). */
    panic_from_fault(cortex_m_fault_description(fs->ipsr, fs->cfsr, fs->hfsr));
}

void cortex_m_fault_nested(uint32_t ipsr, uint32_t depth)
{
    if (depth == 2u) {
        early_printf("\n*** nested %s (exception %lu) while reporting a fault ***\n",
                     cortex_m_exception_name(ipsr), (unsigned long)ipsr);
        arch_print_fault_state();
        chip_halt(PANIC_EXIT_STATUS);
    }
    /* A fault inside the report of a nested fault: stop without output. */
    for (;;) {
        /* SAFETY: interrupts are masked (exceptions.S); sleep forever. */
        __asm__ volatile("wfi");
    }
}

static uint32_t stacked_sp(const struct cortex_m_fault_state *fs)
{
    uint32_t size = (fs->exc_return & EXC_RETURN_BASIC_FRAME) != 0 ? 0x20u : 0x68u;

    if (fs->frame_valid && (fs->frame.xpsr & XPSR_FRAME_PADDED) != 0) {
        size += 4u;
    }
    return fs->frame_addr + size;
}

static void print_frame(const struct cortex_m_fault_state *fs)
{
    const struct cortex_m_exception_frame *f = &fs->frame;

    if (!fs->frame_valid) {
        early_printf("  stacked frame at 0x%08lx not readable (stacking error or outside "
                     "the stack)\n",
                     (unsigned long)fs->frame_addr);
        return;
    }
    early_printf("  r0   0x%08lx  r1   0x%08lx  r2   0x%08lx  r3   0x%08lx\n", (unsigned long)f->r0,
                 (unsigned long)f->r1, (unsigned long)f->r2, (unsigned long)f->r3);
    early_printf("  r12  0x%08lx  lr   0x%08lx  pc   0x%08lx  xpsr 0x%08lx\n",
                 (unsigned long)f->r12, (unsigned long)f->lr, (unsigned long)f->pc,
                 (unsigned long)f->xpsr);
}

static void print_context(const struct cortex_m_fault_state *fs)
{
    const uint32_t *r = fs->r4_r11;
    bool thread = (fs->exc_return & EXC_RETURN_THREAD) != 0;

    early_printf("  r4   0x%08lx  r5   0x%08lx  r6   0x%08lx  r7   0x%08lx\n", (unsigned long)r[0],
                 (unsigned long)r[1], (unsigned long)r[2], (unsigned long)r[3]);
    early_printf("  r8   0x%08lx  r9   0x%08lx  r10  0x%08lx  r11  0x%08lx\n", (unsigned long)r[4],
                 (unsigned long)r[5], (unsigned long)r[6], (unsigned long)r[7]);
    early_printf("  sp   0x%08lx  msp  0x%08lx  psp  0x%08lx  exc_return 0x%08lx\n",
                 (unsigned long)stacked_sp(fs), (unsigned long)fs->msp, (unsigned long)fs->psp,
                 (unsigned long)fs->exc_return);
    early_printf("  control 0x%lx  primask %lu  basepri 0x%lx  taken from %s mode on %s\n",
                 (unsigned long)fs->control, (unsigned long)fs->primask, (unsigned long)fs->basepri,
                 thread ? "thread" : "handler",
                 (fs->exc_return & EXC_RETURN_PSP) != 0 ? "PSP (process)" : "MSP (kernel)");
}

void arch_print_fault_state(void)
{
    const struct cortex_m_fault_state *fs = &cortex_m_fault_state;

    if (!fs->captured) {
        early_printf("  (no fault recorded)\n");
        return;
    }
    if (fs->ipsr >= CORTEX_M_EXC_IRQ0) {
        early_printf("  exception %lu: %s, IRQ %lu\n", (unsigned long)fs->ipsr,
                     cortex_m_exception_name(fs->ipsr),
                     (unsigned long)(fs->ipsr - CORTEX_M_EXC_IRQ0));
    } else {
        early_printf("  exception %lu: %s\n", (unsigned long)fs->ipsr,
                     cortex_m_fault_description(fs->ipsr, fs->cfsr, fs->hfsr));
    }
    print_frame(fs);
    print_context(fs);
    cortex_m_print_fault_status("  ", fs->cfsr, fs->hfsr, fs->mmfar, fs->bfar, fs->shcsr);
    /* SAFETY: compares MSP with the linker-defined kernel stack bounds. */
    if ((fs->exc_return & EXC_RETURN_PSP) == 0 &&
        (fs->msp < (uintptr_t)_sstack || fs->msp > (uintptr_t)_estack)) {
        early_printf("  kernel stack pointer outside [0x%08lx, 0x%08lx): stack overflow?\n",
                     (unsigned long)(uintptr_t)_sstack, (unsigned long)(uintptr_t)_estack);
    }
}
