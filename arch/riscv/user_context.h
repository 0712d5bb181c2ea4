/* SPDX-License-Identifier: Apache-2.0 */
/* Private to arch/riscv: how a process's saved state sits in its context.
 *
 * struct arch_user_context (os/platform/user_boundary.h) is opaque to the
 * kernel; on RISC-V it holds:
 *   regs[n]  xn for n = 1..31, exactly as the process left them at its last
 *            trap (regs[2] is its sp). regs[0] stays 0 (x0 is hardwired);
 *            nothing is ever kept on the process stack;
 *   pc       where the process resumes: mepc at the trap, advanced past the
 *            4-byte ecall for a system call, or an upcall's function;
 *   status   mcause of the last trap (RISCV_MCAUSE_INTERRUPT | code);
 *   sp       unused (the stack pointer is regs[2]);
 *   flags    mtval of the last trap (faulting address or instruction bits).
 * switch.S uses the CTX_OFF_* byte offsets below, checked against the C
 * layout here.
 */
#pragma once

#ifndef __ASSEMBLER__
#include <stddef.h>

#include "os/platform/user_boundary.h"
#endif

/* Byte offsets for the assembly. */
#define CTX_OFF_X(n) ((n)*4) /* regs[n] = xn */
#define CTX_OFF_PC 128
#define CTX_OFF_MCAUSE 132 /* the status field */
#define CTX_OFF_MTVAL 140  /* the flags field */

#ifndef __ASSEMBLER__
_Static_assert(offsetof(struct arch_user_context, regs[31]) == CTX_OFF_X(31), "asm offset");
_Static_assert(offsetof(struct arch_user_context, pc) == CTX_OFF_PC, "asm offset");
_Static_assert(offsetof(struct arch_user_context, status) == CTX_OFF_MCAUSE, "asm offset");
_Static_assert(offsetof(struct arch_user_context, flags) == CTX_OFF_MTVAL, "asm offset");

/* Enter the process described by ctx in U-mode and return once it traps
 * (any cause), with x1-x31, mepc, mcause and mtval of that trap stored into
 * ctx. The caller decides what the trap means. The process's PMP
 * configuration must already be loaded. Kernel context only (switch.S). */
void riscv_user_run(struct arch_user_context *ctx);
#endif
