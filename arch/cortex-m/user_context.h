/* SPDX-License-Identifier: Apache-2.0 */
/* Private to arch/cortex-m: how a process's saved state sits in its context.
 *
 * struct arch_user_context (os/platform/user_boundary.h) is opaque to the
 * kernel; on Cortex-M it holds:
 *   regs[0..7]   r4-r11 as the process left them (the core stacks only
 *                r0-r3, r12, lr, pc and xPSR, on the process stack);
 *   regs[8..13]  the fault record of the last ARCH_SWITCH_FAULT: exception
 *                number, CFSR, HFSR, MMFAR, BFAR, SHCSR;
 *   status       why the last arch_switch_to_user() returned
 *                (enum arch_switch_reason), written by the trap handlers,
 *                or CTX_REASON_ENTERING while a switch is being requested;
 *   sp           PSP at the last trap: the address of the 8-word exception
 *                frame (r0-r3, r12, lr, pc, xPSR) in process memory;
 *   flags        CTX_FLAG_FRESH while the frame at sp is the synthetic one
 *                of a process that has never run.
 * switch.S and exceptions.S use the CTX_OFF_* offsets below, checked
 * against the C layout here.
 */
#pragma once

#ifndef __ASSEMBLER__
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "os/platform/user_boundary.h"
#endif

/* Word indexes into ctx->regs. */
#define CTX_REG_R4 0
#define CTX_REG_FAULT_EXC 8
#define CTX_REG_CFSR 9
#define CTX_REG_HFSR 10
#define CTX_REG_MMFAR 11
#define CTX_REG_BFAR 12
#define CTX_REG_SHCSR 13

/* Byte offsets for the assembly. */
#define CTX_OFF_STATUS 132
#define CTX_OFF_SP 136

/* ctx->flags bits. */
#define CTX_FLAG_FRESH 1u

/* Values stored at CTX_OFF_STATUS (they equal enum arch_switch_reason). */
#define CTX_REASON_SYSCALL 0
#define CTX_REASON_INTERRUPT 1
#define CTX_REASON_FAULT 2
/* Set by arch_switch_to_user() just before its svc; the SVC handler enters
 * the process only while it is set (then replaces it with INTERRUPT). */
#define CTX_REASON_ENTERING 3

/* The exception frame: word indexes from the saved PSP. */
#define FRAME_R0 0
#define FRAME_R12 4
#define FRAME_LR 5
#define FRAME_PC 6
#define FRAME_XPSR 7
#define FRAME_WORDS 8
#define FRAME_BYTES 32

#ifndef __ASSEMBLER__
_Static_assert(offsetof(struct arch_user_context, status) == CTX_OFF_STATUS, "asm offset");
_Static_assert(offsetof(struct arch_user_context, sp) == CTX_OFF_SP, "asm offset");
_Static_assert(CTX_REASON_SYSCALL == ARCH_SWITCH_SYSCALL, "reason values");
_Static_assert(CTX_REASON_INTERRUPT == ARCH_SWITCH_INTERRUPT, "reason values");
_Static_assert(CTX_REASON_FAULT == ARCH_SWITCH_FAULT, "reason values");

/* Context of the process being run by arch_switch_to_user(), NULL while the
 * kernel runs between switches (switch.S). Read by the trap handlers. */
extern struct arch_user_context *volatile cortex_m_user_current;

/* Called by the SVC handler just before it enters a process (handler mode,
 * SVCall priority, so no interrupt can come in between): true if the
 * timeslice already ran out or an interrupt is waiting for its bottom half,
 * in which case the process is not entered and the switch returns
 * ARCH_SWITCH_INTERRUPT at once. Closes the window between the scheduler's
 * last check and the svc. Preserves r4-r11 (AAPCS). */
bool cortex_m_user_entry_blocked(void);

/* Called by the fault entry for a MemManage, BusFault, UsageFault or
 * HardFault taken from the process (EXC_RETURN 0xFFFFFFFD): records the
 * exception number and fault status registers into ctx and clears them.
 * Handler mode, on the kernel stack. */
void cortex_m_user_record_fault(uint32_t exception, struct arch_user_context *ctx);
#endif
