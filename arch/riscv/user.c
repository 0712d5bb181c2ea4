/* SPDX-License-Identifier: Apache-2.0 */
/* RISC-V user boundary: process registers, system calls, upcalls, reports.
 *
 * Implements os/platform/user_boundary.h on top of riscv_user_run()
 * (switch.S). A process's whole register file lives in its context
 * (user_context.h), never on its stack, so none of these functions touches
 * process memory and the accessible-RAM bounds the contract passes are not
 * needed: there is nothing a bad process stack pointer could redirect.
 *
 * Register conventions (shared/spec/syscalls.md 2.3 and 13.2,
 * process.md 5.2): class = a4 & 0xff, arguments a0-a3, returns a0-a3; an
 * upcall gets a0-a3 = its arguments, ra = the resume pc, pc = the function.
 */
#include <inttypes.h>
#include <stdint.h>
#include <string.h>

#include "os/platform/panic.h"
#include "os/platform/user_boundary.h"
#include "riscv/csr.h"
#include "riscv/trap.h"
#include "user_context.h"

/* ABI register numbers. */
#define REG_RA 1
#define REG_SP 2
#define REG_A0 10
#define REG_A4 14

/* Length of the only ecall encoding (there is no compressed ecall). */
#define ECALL_BYTES 4u

uint32_t arch_initial_stack_bytes(void)
{
    /* Nothing is pushed for the first call: _start starts with sp =
     * memory_start and no accessible RAM (process.md 4.3 and 5.2). */
    return 0;
}

void arch_user_init(struct arch_user_context *ctx, uint32_t stack_top)
{
    /* Every register 0, in particular ra, so _start's ra is 0 and pc 0
     * until arch_user_set_upcall() puts the entry point there. */
    memset(ctx, 0, sizeof(*ctx));
    ctx->regs[REG_SP] = stack_top;
}

os_err_t arch_user_set_upcall(struct arch_user_context *ctx, const struct arch_upcall *u,
                              uint32_t accessible_start, uint32_t accessible_end)
{
    (void)accessible_start;
    (void)accessible_end;
    for (unsigned i = 0; i < 4; i++) {
        ctx->regs[REG_A0 + i] = u->args[i];
    }
    /* ctx->pc is where the process would resume: just past its yield
     * ecall (advanced at the trap), or 0 for a fresh process, so returning
     * from _start jumps to 0 and faults. */
    ctx->regs[REG_RA] = ctx->pc;
    ctx->pc = u->fn;
    return OS_OK;
}

os_err_t arch_user_set_return(struct arch_user_context *ctx, const uint32_t *values, unsigned count,
                              uint32_t accessible_start, uint32_t accessible_end)
{
    (void)accessible_start;
    (void)accessible_end;
    if (count > 4) {
        return OS_EINVAL;
    }
    for (unsigned i = 0; i < count; i++) {
        ctx->regs[REG_A0 + i] = values[i];
    }
    return OS_OK;
}

os_err_t arch_user_get_syscall(const struct arch_user_context *ctx, struct arch_syscall *out,
                               uint32_t accessible_start, uint32_t accessible_end)
{
    (void)accessible_start;
    (void)accessible_end;
    out->class_num = ctx->regs[REG_A4] & 0xFFu;
    for (unsigned i = 0; i < 4; i++) {
        out->args[i] = ctx->regs[REG_A0 + i];
    }
    return OS_OK;
}

enum arch_switch_reason arch_switch_to_user(struct arch_user_context *ctx)
{
    uint32_t mcause;

    riscv_user_run(ctx);
    mcause = ctx->status;
    if ((mcause & RISCV_MCAUSE_INTERRUPT) != 0) {
        /* Left pending: chip_service_pending_interrupts() claims it. The
         * process resumes at the interrupted instruction (pc = mepc). */
        return ARCH_SWITCH_INTERRUPT;
    }
    if (mcause == RISCV_EXC_ECALL_U) {
        /* mepc is the ecall itself; resume after it. */
        ctx->pc += ECALL_BYTES;
        return ARCH_SWITCH_SYSCALL;
    }
    /* Any other exception is the process's fault; pc stays at the
     * faulting instruction for the report. */
    return ARCH_SWITCH_FAULT;
}

uint32_t arch_user_stack_pointer(const struct arch_user_context *ctx)
{
    return ctx->regs[REG_SP];
}

const char *arch_user_fault_description(const struct arch_user_context *ctx)
{
    uint32_t mcause = ctx->status;

    if ((mcause & RISCV_MCAUSE_INTERRUPT) != 0) {
        return "no fault (last trap was an interrupt)";
    }
    switch (mcause) {
    case RISCV_EXC_INSN_MISALIGNED:
        return "instruction address misaligned";
    case RISCV_EXC_INSN_ACCESS:
        return "instruction access fault (PMP: no execute permission)";
    case RISCV_EXC_ILLEGAL_INSN:
        return "illegal instruction (invalid, privileged CSR or FP)";
    case RISCV_EXC_BREAKPOINT:
        return "breakpoint (ebreak)";
    case RISCV_EXC_LOAD_MISALIGNED:
        return "load address misaligned";
    case RISCV_EXC_LOAD_ACCESS:
        return "load access fault (PMP: no read permission)";
    case RISCV_EXC_STORE_MISALIGNED:
        return "store/AMO address misaligned";
    case RISCV_EXC_STORE_ACCESS:
        return "store/AMO access fault (PMP: no write permission)";
    case RISCV_EXC_ECALL_U:
        return "no fault (last trap was a system call)";
    default:
        return riscv_fault_cause_name(mcause);
    }
}

/* What mtval holds for this exception, for the report. */
static const char *mtval_meaning(uint32_t mcause)
{
    switch (mcause) {
    case RISCV_EXC_INSN_MISALIGNED:
    case RISCV_EXC_INSN_ACCESS:
    case RISCV_EXC_LOAD_MISALIGNED:
    case RISCV_EXC_LOAD_ACCESS:
    case RISCV_EXC_STORE_MISALIGNED:
    case RISCV_EXC_STORE_ACCESS:
        return "address";
    case RISCV_EXC_ILLEGAL_INSN:
        return "instruction bits";
    default:
        return "mtval";
    }
}

uint32_t arch_user_registers(const struct arch_user_context *ctx, struct arch_user_reg *out,
                             uint32_t max)
{
    uint32_t n = 0;

    if (max > 0) {
        out[n++] = (struct arch_user_reg){"pc", ctx->pc};
    }
    for (unsigned x = 1; x < 32 && n < max; x++) {
        out[n++] = (struct arch_user_reg){riscv_fault_register_name(x), ctx->regs[x]};
    }
    return n;
}

void arch_user_print_state(const struct arch_user_context *ctx)
{
    uint32_t mcause = ctx->status;

    /* x1-x31 by ABI name, four per line, then pc as the 32nd entry. */
    early_printf("    registers (RISC-V, saved at the last trap):\n");
    for (unsigned n = 1; n < 32; n++) {
        early_printf("%s%4s 0x%08" PRIx32 "%s", n % 4 == 1 ? "    " : "  ",
                     riscv_fault_register_name(n), ctx->regs[n], n % 4 == 0 ? "\n" : "");
    }
    early_printf("    pc 0x%08" PRIx32 "\n", ctx->pc); /* "  " + "%4s" of "pc" */
    if ((mcause & RISCV_MCAUSE_INTERRUPT) != 0 || mcause == RISCV_EXC_ECALL_U) {
        early_printf("    last trap: %s (mcause 0x%08" PRIx32 ")\n", riscv_fault_cause_name(mcause),
                     mcause);
        return;
    }
    early_printf("    fault: %s (mcause %" PRIu32 ") at pc 0x%08" PRIx32 ", %s 0x%08" PRIx32 "\n",
                 riscv_fault_cause_name(mcause), mcause, ctx->pc, mtval_meaning(mcause),
                 ctx->flags);
}
