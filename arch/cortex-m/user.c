/* SPDX-License-Identifier: Apache-2.0 */
/* Cortex-M user boundary: process registers, system calls and upcalls.
 *
 * Implements os/platform/user_boundary.h except the switch itself
 * (switch.S) and the reports (user_report.c). A process's r0-r3, r12, lr,
 * pc and xPSR live in the 8-word exception frame on its own stack, at the
 * PSP saved in its context (user_context.h); every function here that
 * touches that frame first checks that the whole frame lies inside the
 * RAM the caller says the process may access, so a process that moved its
 * stack pointer somewhere else cannot make the kernel read or write there.
 * The frame is in process memory and reachable by the privileged kernel
 * whatever MPU configuration is loaded (PRIVDEFENA).
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "cortex_m/nvic.h"
#include "cortex_m/scb.h"
#include "os/platform/sched_timer.h"
#include "os/platform/user_boundary.h"
#include "user_context.h"

/* xPSR: Thumb bit, and the bits an upcall keeps from the yield trap: the
 * flags (N Z C V Q, GE) and the stack-realignment bit 9. The IT/ICI state
 * and the exception number are dropped: an upcall starts a function. */
#define XPSR_THUMB (1u << 24)
#define XPSR_UPCALL_KEEP 0xF80F0200u

/* Thumb encoding of `svc #imm8`: 0xDFnn. */
#define SVC_OPCODE_MASK 0xFF00u
#define SVC_OPCODE 0xDF00u

/* Board linker symbols: application flash (process code lives here). */
extern uint8_t _sapps[];
extern uint8_t _eapps[];

/* [addr, addr + len) inside [start, end), without overflow. */
static bool span_inside(uint32_t addr, uint32_t len, uint32_t start, uint32_t end)
{
    return start <= end && addr >= start && addr <= end && len <= end - addr;
}

/* The frame at ctx->sp, if its first len bytes lie in the accessible RAM. */
static uint32_t *frame_in(const struct arch_user_context *ctx, uint32_t len, uint32_t acc_start,
                          uint32_t acc_end)
{
    if ((ctx->sp & 3u) != 0 || !span_inside(ctx->sp, len, acc_start, acc_end)) {
        return NULL;
    }
    /* SAFETY: the range was just checked to lie inside the process's own
     * accessible RAM, word-aligned; the kernel may read and write it. */
    return (uint32_t *)(uintptr_t)ctx->sp;
}

uint32_t arch_initial_stack_bytes(void)
{
    return FRAME_BYTES;
}

void arch_user_init(struct arch_user_context *ctx, uint32_t stack_top)
{
    memset(ctx, 0, sizeof(*ctx));
    /* The synthetic first frame occupies the 32 bytes below stack_top
     * (= memory_start + 32, so the frame is [memory_start, stack_top));
     * arch_user_set_upcall() fills it in for _start. */
    ctx->sp = stack_top - FRAME_BYTES;
    ctx->flags = CTX_FLAG_FRESH;
}

os_err_t arch_user_set_upcall(struct arch_user_context *ctx, const struct arch_upcall *u,
                              uint32_t accessible_start, uint32_t accessible_end)
{
    uint32_t *f = frame_in(ctx, FRAME_BYTES, accessible_start, accessible_end);
    uint32_t lr;
    uint32_t xpsr;

    if (f == NULL) {
        return OS_EINVAL;
    }
    if ((ctx->flags & CTX_FLAG_FRESH) != 0) {
        /* First call (_start): returning from it faults. */
        lr = 1u;
        xpsr = XPSR_THUMB;
    } else {
        /* The frame was pushed by the yield svc: return just after it. */
        lr = f[FRAME_PC] | 1u;
        xpsr = (f[FRAME_XPSR] & XPSR_UPCALL_KEEP) | XPSR_THUMB;
    }
    for (unsigned i = 0; i < 4; i++) {
        f[FRAME_R0 + i] = u->args[i];
    }
    f[FRAME_LR] = lr;
    /* The exception return takes the address with bit 0 clear (a set bit
     * is UNPREDICTABLE on ARMv7-M); Thumb state comes from xPSR.T, so the
     * function runs in Thumb whatever bit 0 of fn was. */
    f[FRAME_PC] = u->fn & ~1u;
    f[FRAME_XPSR] = xpsr;
    ctx->flags &= ~CTX_FLAG_FRESH;
    return OS_OK;
}

os_err_t arch_user_set_return(struct arch_user_context *ctx, const uint32_t *values, unsigned count,
                              uint32_t accessible_start, uint32_t accessible_end)
{
    uint32_t *f = frame_in(ctx, 4u * sizeof(uint32_t), accessible_start, accessible_end);

    if (f == NULL || count > 4) {
        return OS_EINVAL;
    }
    for (unsigned i = 0; i < count; i++) {
        f[FRAME_R0 + i] = values[i];
    }
    return OS_OK;
}

/* Whether the halfword at addr is inside the application flash. */
static bool in_app_flash(uint32_t addr)
{
    /* SAFETY: only the addresses of the linker-defined application flash
     * bounds are compared; nothing is dereferenced here. */
    uint32_t start = (uint32_t)(uintptr_t)_sapps;
    uint32_t end = (uint32_t)(uintptr_t)_eapps;

    return (addr & 1u) == 0 && span_inside(addr, 2, start, end);
}

os_err_t arch_user_get_syscall(const struct arch_user_context *ctx, struct arch_syscall *out,
                               uint32_t accessible_start, uint32_t accessible_end)
{
    const uint32_t *f = frame_in(ctx, FRAME_BYTES, accessible_start, accessible_end);
    uint32_t insn_addr;
    uint16_t insn;

    if (f == NULL || f[FRAME_PC] < 2u) {
        return OS_EINVAL;
    }
    insn_addr = f[FRAME_PC] - 2u;
    /* The svc executed from the process's flash (its RAM is execute-never
     * and nothing else is executable unprivileged), so this only fails if
     * the kernel's own invariants broke. */
    if (!in_app_flash(insn_addr)) {
        return OS_EINVAL;
    }
    /* SAFETY: a halfword-aligned address inside the application flash,
     * which the privileged kernel can always read. */
    insn = *(const volatile uint16_t *)(uintptr_t)insn_addr;
    if ((insn & SVC_OPCODE_MASK) != SVC_OPCODE) {
        return OS_EINVAL;
    }
    out->class_num = insn & 0xFFu;
    for (unsigned i = 0; i < 4; i++) {
        out->args[i] = f[FRAME_R0 + i];
    }
    return OS_OK;
}

uint32_t arch_user_stack_pointer(const struct arch_user_context *ctx)
{
    return ctx->sp;
}

bool cortex_m_user_entry_blocked(void)
{
    return sched_timer_has_expired() || cortex_m_nvic_has_pending();
}

void cortex_m_user_record_fault(uint32_t exception, struct arch_user_context *ctx)
{
    uint32_t *r = ctx->regs;

    /* SAFETY: privileged reads of the SCB fault status registers, then a
     * write-one-to-clear of exactly the CFSR/HFSR bits read, so the next
     * fault (of any process or the kernel) starts clean. */
    r[CTX_REG_FAULT_EXC] = exception;
    r[CTX_REG_CFSR] = CORTEX_M_SCB->cfsr;
    r[CTX_REG_HFSR] = CORTEX_M_SCB->hfsr;
    r[CTX_REG_MMFAR] = CORTEX_M_SCB->mmfar;
    r[CTX_REG_BFAR] = CORTEX_M_SCB->bfar;
    r[CTX_REG_SHCSR] = CORTEX_M_SCB->shcsr;
    CORTEX_M_SCB->cfsr = r[CTX_REG_CFSR];
    CORTEX_M_SCB->hfsr = r[CTX_REG_HFSR];
}
