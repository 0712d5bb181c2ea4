/* SPDX-License-Identifier: Apache-2.0 */
/* User boundary contract: entering processes and coming back from them.
 *
 * The kernel keeps one struct arch_user_context per process and treats it as
 * opaque; the arch code decides what lives in it (Cortex-M: r4-r11, PSP and
 * the exception frame on the process stack; RISC-V: x1-x31 and pc). Every
 * function that writes into process memory (the Cortex-M frame) is given the
 * process's accessible RAM [accessible_start, accessible_end) and must refuse
 * (OS_EINVAL) rather than write outside it: the caller then faults the
 * process. None of these functions is called with the process's MPU/PMP
 * configuration active except arch_switch_to_user() itself.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "os/err.h"

/* Saved user state of one process; layout private to arch/. */
struct arch_user_context {
    uint32_t regs[32]; /* general registers, arch-defined order */
    uint32_t pc;       /* resume address */
    uint32_t status;   /* arch-defined (xPSR, or trap cause) */
    uint32_t sp;       /* process stack pointer (PSP / x2 copy) */
    uint32_t flags;    /* arch-private bookkeeping */
};

/* Why arch_switch_to_user() returned. */
enum arch_switch_reason {
    ARCH_SWITCH_SYSCALL,   /* the process made a system call */
    ARCH_SWITCH_INTERRUPT, /* an interrupt (timeslice or peripheral) stopped it */
    ARCH_SWITCH_FAULT,     /* the process faulted; see arch_user_print_fault() */
};

/* A system call as the process made it. */
struct arch_syscall {
    uint32_t class_num; /* syscall class: svc immediate / a4 & 0xff */
    uint32_t args[4];   /* r0-r3 / a0-a3 */
};

/* A function call to deliver into the process (an upcall or _start). */
struct arch_upcall {
    uint32_t fn;      /* function address (Thumb bit forced on ARM) */
    uint32_t args[4]; /* arguments 0-3 (arg 3 = userdata) */
};

/* Bytes the arch needs accessible below the initial stack pointer at
 * process start (Cortex-M: one 32-byte exception frame; RISC-V: 0). */
uint32_t arch_initial_stack_bytes(void);

/* Reset ctx for a fresh (or restarted) process whose initial stack pointer
 * is stack_top (= initial app_break). No memory is written. */
void arch_user_init(struct arch_user_context *ctx, uint32_t stack_top);

/* Arrange for the process to call u->fn(args) when next resumed, returning
 * to where it was (the instruction after its yield; for a fresh process a
 * return faults). Cortex-M writes the 8-word frame at the saved PSP, which
 * must lie in [accessible_start, accessible_end).
 * @retval OS_OK     set up.
 * @retval OS_EINVAL the frame would not lie inside the accessible RAM. */
OS_MUST_CHECK os_err_t arch_user_set_upcall(struct arch_user_context *ctx,
                                            const struct arch_upcall *u, uint32_t accessible_start,
                                            uint32_t accessible_end);

/* Write a system call's return registers: r0..r(count-1) / a0.. get
 * values[0..count-1]; other registers keep what the process passed.
 * @retval OS_OK     written.
 * @retval OS_EINVAL the Cortex-M frame is not inside the accessible RAM. */
OS_MUST_CHECK os_err_t arch_user_set_return(struct arch_user_context *ctx, const uint32_t *values,
                                            unsigned count, uint32_t accessible_start,
                                            uint32_t accessible_end);

/* Decode the system call the process just made (valid after
 * ARCH_SWITCH_SYSCALL). Cortex-M reads the frame at the saved PSP and the svc
 * immediate at pc-2 (both inside the process's own memory).
 * @retval OS_OK     *out filled.
 * @retval OS_EINVAL the frame or instruction is outside the process's memory
 *                   [accessible_start, accessible_end) / flash: fault it. */
OS_MUST_CHECK os_err_t arch_user_get_syscall(const struct arch_user_context *ctx,
                                             struct arch_syscall *out, uint32_t accessible_start,
                                             uint32_t accessible_end);

/* Resume the process unprivileged with its MPU/PMP configuration already
 * loaded (mpu_configure()), until it traps back. Interrupts that arrive
 * meanwhile are left pending for the main loop. */
enum arch_switch_reason arch_switch_to_user(struct arch_user_context *ctx);

/* One saved register (process console). */
struct arch_user_reg {
    const char *name;
    uint32_t value;
};

/* Up to max of the process's saved registers into out; returns how many.
 * Registers the kernel keeps on the process stack are included only if that
 * frame lies inside the process RAM pool. */
uint32_t arch_user_registers(const struct arch_user_context *ctx, struct arch_user_reg *out,
                             uint32_t max);

/* Print the process's saved registers and, after ARCH_SWITCH_FAULT, the
 * fault cause and faulting address, through early_printf(). */
void arch_user_print_state(const struct arch_user_context *ctx);

/* Short description of the last process fault ("MemManage data access
 * violation at 0x20000000"). Valid after ARCH_SWITCH_FAULT. */
const char *arch_user_fault_description(const struct arch_user_context *ctx);

/* Stack pointer of the process as saved at its last trap. */
uint32_t arch_user_stack_pointer(const struct arch_user_context *ctx);
