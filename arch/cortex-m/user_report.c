/* SPDX-License-Identifier: Apache-2.0 */
/* Cortex-M process fault reports: saved registers and the decoded cause.
 *
 * Used by the kernel's process report (arch_user_print_state()) and for
 * the one-line reason of a process fault (arch_user_fault_description()).
 * The stacked frame is read only if it lies inside the process RAM pool
 * and the fault was not a stacking error, so a process with a wild stack
 * pointer cannot make the report read kernel memory or fault again.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cortex_m/scb.h"
#include "exceptions.h"
#include "os/platform/panic.h"
#include "os/platform/user_boundary.h"
#include "user_context.h"

#define XPSR_FRAME_PADDED (1u << 9)

/* Board linker symbols: the process RAM pool. */
extern uint8_t _sappmem[];
extern uint8_t _eappmem[];

/* The fault description buffer (one process fault is handled at a time). */
static char description[128];

/* Whether the saved frame can be read: inside the process RAM pool, and
 * not the subject of a stacking error. */
static bool frame_readable(const struct arch_user_context *ctx)
{
    const uint32_t stack_errors = CORTEX_M_CFSR_MSTKERR | CORTEX_M_CFSR_STKERR;
    /* SAFETY: only the addresses of the linker-defined pool bounds. */
    uint32_t lo = (uint32_t)(uintptr_t)_sappmem;
    uint32_t hi = (uint32_t)(uintptr_t)_eappmem;

    if (ctx->status == ARCH_SWITCH_FAULT && (ctx->regs[CTX_REG_CFSR] & stack_errors) != 0) {
        return false;
    }
    return (ctx->sp & 3u) == 0 && ctx->sp >= lo && ctx->sp <= hi && hi - ctx->sp >= FRAME_BYTES;
}

static void print_frame(const struct arch_user_context *ctx)
{
    const uint32_t *f;

    if (!frame_readable(ctx)) {
        early_printf("    r0-r3, r12, lr, pc, xpsr: frame at 0x%08lx not readable\n",
                     (unsigned long)ctx->sp);
        return;
    }
    /* SAFETY: frame_readable() checked that the eight words lie inside the
     * process RAM pool, which is mapped RAM the kernel can read. */
    f = (const uint32_t *)(uintptr_t)ctx->sp;
    early_printf("    r0  0x%08lx  r1  0x%08lx  r2  0x%08lx  r3  0x%08lx\n", (unsigned long)f[0],
                 (unsigned long)f[1], (unsigned long)f[2], (unsigned long)f[3]);
    early_printf("    r12 0x%08lx  lr  0x%08lx  pc  0x%08lx  xpsr 0x%08lx\n",
                 (unsigned long)f[FRAME_R12], (unsigned long)f[FRAME_LR],
                 (unsigned long)f[FRAME_PC], (unsigned long)f[FRAME_XPSR]);
    early_printf("    sp  0x%08lx (before the trap; frame at psp 0x%08lx)\n",
                 (unsigned long)(ctx->sp + FRAME_BYTES +
                                 ((f[FRAME_XPSR] & XPSR_FRAME_PADDED) != 0 ? 4u : 0u)),
                 (unsigned long)ctx->sp);
}

static void put_reg(struct arch_user_reg *out, uint32_t max, uint32_t *n, const char *name,
                    uint32_t value)
{
    if (*n < max) {
        out[*n] = (struct arch_user_reg){name, value};
        (*n)++;
    }
}

uint32_t arch_user_registers(const struct arch_user_context *ctx, struct arch_user_reg *out,
                             uint32_t max)
{
    static const char *const frame_names[8] = {"r0", "r1", "r2", "r3", "r12", "lr", "pc", "xpsr"};
    static const char *const saved_names[8] = {"r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11"};
    uint32_t n = 0;

    if (frame_readable(ctx)) {
        /* SAFETY: frame_readable() checked that the eight words lie inside
         * the process RAM pool, which is mapped RAM the kernel can read. */
        const uint32_t *f = (const uint32_t *)(uintptr_t)ctx->sp;

        for (unsigned i = 0; i < 8; i++) {
            put_reg(out, max, &n, frame_names[i], f[i]);
        }
    }
    put_reg(out, max, &n, "psp", ctx->sp);
    for (unsigned i = 0; i < 8; i++) {
        put_reg(out, max, &n, saved_names[i], ctx->regs[i]);
    }
    return n;
}

void arch_user_print_state(const struct arch_user_context *ctx)
{
    const uint32_t *r = ctx->regs;

    early_printf("    registers (Cortex-M, saved at the last trap):\n");
    print_frame(ctx);
    early_printf("    r4  0x%08lx  r5  0x%08lx  r6  0x%08lx  r7  0x%08lx\n", (unsigned long)r[0],
                 (unsigned long)r[1], (unsigned long)r[2], (unsigned long)r[3]);
    early_printf("    r8  0x%08lx  r9  0x%08lx  r10 0x%08lx  r11 0x%08lx\n", (unsigned long)r[4],
                 (unsigned long)r[5], (unsigned long)r[6], (unsigned long)r[7]);
    if (ctx->status != ARCH_SWITCH_FAULT) {
        return;
    }
    early_printf("    fault: exception %lu (%s)\n", (unsigned long)r[CTX_REG_FAULT_EXC],
                 cortex_m_exception_name(r[CTX_REG_FAULT_EXC]));
    cortex_m_print_fault_status("      ", r[CTX_REG_CFSR], r[CTX_REG_HFSR], r[CTX_REG_MMFAR],
                                r[CTX_REG_BFAR], r[CTX_REG_SHCSR]);
}

/* ---- the one-line description ------------------------------------------ */

struct text {
    size_t used;
};

static void put_str(struct text *t, const char *s)
{
    while (*s != '\0' && t->used + 1 < sizeof(description)) {
        description[t->used++] = *s++;
    }
    description[t->used] = '\0';
}

static void put_hex(struct text *t, uint32_t v)
{
    static const char digits[] = "0123456789abcdef";
    char buf[11] = {'0', 'x'};

    for (int i = 0; i < 8; i++) {
        buf[2 + i] = digits[(v >> (28 - 4 * i)) & 0xFu];
    }
    buf[10] = '\0';
    put_str(t, buf);
}

/* Which address a cause is reported with. */
enum cause_addr {
    ADDR_NONE,
    ADDR_MMFAR, /* MemManage address, if MMARVALID */
    ADDR_BFAR,  /* BusFault address, if BFARVALID */
    ADDR_PC,    /* the stacked pc (instruction faults), if the frame is readable */
    ADDR_PSP,   /* where the frame should have gone (stacking errors) */
};

/* One cause: a status bit and its wording. */
struct cause {
    uint32_t mask;        /* CFSR or HFSR bit */
    bool hfsr;            /* bit of HFSR rather than CFSR */
    enum cause_addr addr; /* address to add */
    const char *text;     /* what happened */
};

/* Most specific first: a stacking error may set DACCVIOL too. */
static const struct cause causes[] = {
    {CORTEX_M_CFSR_MSTKERR, false, ADDR_PSP,
     "MemManage fault: exception frame push failed (stack overflow?)"},
    {CORTEX_M_CFSR_MUNSTKERR, false, ADDR_PSP,
     "MemManage fault: the exception frame could not be popped"},
    {CORTEX_M_CFSR_IACCVIOL, false, ADDR_PC, "MemManage fault: instruction fetch violation"},
    {CORTEX_M_CFSR_DACCVIOL, false, ADDR_MMFAR, "MemManage fault: data access violation"},
    {CORTEX_M_CFSR_STKERR, false, ADDR_PSP, "BusFault: the exception frame could not be pushed"},
    {CORTEX_M_CFSR_UNSTKERR, false, ADDR_PSP, "BusFault: the exception frame could not be popped"},
    {CORTEX_M_CFSR_IBUSERR, false, ADDR_PC, "BusFault: instruction fetch error"},
    {CORTEX_M_CFSR_PRECISERR, false, ADDR_BFAR, "BusFault: data bus error"},
    {CORTEX_M_CFSR_IMPRECISERR, false, ADDR_PC, "BusFault: imprecise data bus error"},
    {CORTEX_M_CFSR_UNDEFINSTR, false, ADDR_PC, "UsageFault: undefined instruction"},
    {CORTEX_M_CFSR_INVSTATE, false, ADDR_PC, "UsageFault: invalid state (Thumb bit clear?)"},
    {CORTEX_M_CFSR_INVPC, false, ADDR_PC, "UsageFault: invalid exception return"},
    {CORTEX_M_CFSR_NOCP, false, ADDR_PC, "UsageFault: coprocessor (FPU) instruction"},
    {CORTEX_M_CFSR_UNALIGNED, false, ADDR_PC, "UsageFault: unaligned access"},
    {CORTEX_M_CFSR_DIVBYZERO, false, ADDR_PC, "UsageFault: integer divide by zero"},
    {CORTEX_M_HFSR_DEBUGEVT, true, ADDR_PC, "HardFault: breakpoint (bkpt) without a debugger"},
    {CORTEX_M_HFSR_VECTTBL, true, ADDR_NONE, "HardFault: vector table read error"},
};

/* Append " at 0x..." (or ", psp 0x...") for c, if that address is known. */
static void put_address(struct text *t, const struct arch_user_context *ctx, const struct cause *c)
{
    const uint32_t *r = ctx->regs;

    switch (c->addr) {
    case ADDR_MMFAR:
        if ((r[CTX_REG_CFSR] & CORTEX_M_CFSR_MMARVALID) != 0) {
            put_str(t, " at ");
            put_hex(t, r[CTX_REG_MMFAR]);
        }
        break;
    case ADDR_BFAR:
        if ((r[CTX_REG_CFSR] & CORTEX_M_CFSR_BFARVALID) != 0) {
            put_str(t, " at ");
            put_hex(t, r[CTX_REG_BFAR]);
        }
        break;
    case ADDR_PC:
        if (frame_readable(ctx)) {
            /* SAFETY: frame_readable() checked the frame lies in the
             * process RAM pool. */
            put_str(t, " at pc ");
            put_hex(t, ((const uint32_t *)(uintptr_t)ctx->sp)[FRAME_PC]);
        }
        break;
    case ADDR_PSP:
        put_str(t, ", psp ");
        put_hex(t, ctx->sp);
        break;
    case ADDR_NONE:
        break;
    }
}

const char *arch_user_fault_description(const struct arch_user_context *ctx)
{
    const uint32_t *r = ctx->regs;
    struct text t = {.used = 0};

    for (size_t i = 0; i < ARRAY_SIZE(causes); i++) {
        const struct cause *c = &causes[i];
        uint32_t status = c->hfsr ? r[CTX_REG_HFSR] : r[CTX_REG_CFSR];

        if ((status & c->mask) == 0) {
            continue;
        }
        put_str(&t, c->text);
        put_address(&t, ctx, c);
        return description;
    }
    put_str(&t, cortex_m_exception_name(r[CTX_REG_FAULT_EXC]));
    put_str(&t, " (no status bit set)");
    return description;
}
