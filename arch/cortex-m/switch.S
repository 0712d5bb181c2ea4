/* SPDX-License-Identifier: Apache-2.0 */
/* Cortex-M context switch: entering a process and the way back to the kernel.
 *
 * The kernel runs in privileged Thread mode on MSP; a process runs in
 * unprivileged Thread mode on PSP. arch_switch_to_user() saves the kernel's
 * callee-saved registers, loads the process's r4-r11 and PSP and executes
 * `svc 0xff`. The SVC handler sees EXC_RETURN 0xFFFFFFF9 (it came from the
 * kernel's Thread mode on MSP), sets CONTROL.nPRIV and returns with
 * EXC_RETURN 0xFFFFFFFD, which makes the core unstack the process's frame
 * from PSP and run it unprivileged. The kernel's own exception frame stays
 * on MSP, untouched, for the whole time the process runs.
 *
 * Every exception the process can cause (svc, SysTick, an external
 * interrupt, a fault) enters its handler with EXC_RETURN 0xFFFFFFFD. The
 * handler does its normal work, stores the reason into the context and
 * ends in cortex_m_user_return, which clears CONTROL.nPRIV and returns with
 * EXC_RETURN 0xFFFFFFF9: the core unstacks the kernel's frame from MSP and
 * the kernel continues after its `svc`, with the process's r4-r11 still in
 * the registers (no handler on this path changes them: the assembly does
 * not, and the C it calls preserves them per the AAPCS).
 *
 * The SVC handler tells the two directions apart only by EXC_RETURN, never
 * by the svc immediate: a process executing `svc 0xff` is an ordinary
 * system call (class 0xff, which the kernel faults).
 */
#include "user_context.h"

    .syntax unified
    .thumb

/* enum arch_switch_reason arch_switch_to_user(struct arch_user_context *ctx) */
    .section .text.arch_switch_to_user, "ax", %progbits
    .global arch_switch_to_user
    .type arch_switch_to_user, %function
    .thumb_func
arch_switch_to_user:
    /* SAFETY: called from the kernel's privileged Thread mode on MSP with
     * BASEPRI below the SVCall priority (the main loop runs unmasked), and
     * with the process's MPU configuration loaded. ctx is the kernel's
     * context of the process; its sp was checked by the kernel's syscall
     * and upcall paths or is the PSP the hardware left. Ten registers are
     * pushed so MSP stays 8-byte aligned. r0 (ctx) survives the svc in the
     * exception frame the core pushes on MSP and pops on the way back. */
    push {r4-r12, lr}
    movs r1, #CTX_REASON_ENTERING
    str r1, [r0, #CTX_OFF_STATUS]
    ldr r1, =cortex_m_user_current
    str r0, [r1]
    ldr r1, [r0, #CTX_OFF_SP]
    msr psp, r1
    ldmia r0, {r4-r11}
    svc #0xff
    /* Back in the kernel: r4-r11 hold the process's values, PSP its stack
     * pointer after the trap, ctx->status the reason. */
    stmia r0, {r4-r11}
    mrs r1, psp
    str r1, [r0, #CTX_OFF_SP]
    ldr r1, =cortex_m_user_current
    movs r2, #0
    str r2, [r1]
    ldr r0, [r0, #CTX_OFF_STATUS]
    pop {r4-r12, pc}
    .size arch_switch_to_user, . - arch_switch_to_user

/* SVCall: from the kernel, enter the process; from the process, a system
 * call; from Handler mode (never done on purpose), a kernel fault. */
    .section .text.cortex_m_svc_entry, "ax", %progbits
    .global cortex_m_svc_entry
    .type cortex_m_svc_entry, %function
    .thumb_func
cortex_m_svc_entry:
    /* SAFETY: only lr (EXC_RETURN) decides the direction. r0-r3 and r12
     * were stacked by the core, so they are free; r4-r11 belong to the
     * process on both paths and are left alone (the C call preserves
     * them). */
    cmn lr, #3                      /* lr == 0xFFFFFFFD: from the process */
    beq 2f
    cmn lr, #7                      /* lr == 0xFFFFFFF9: from the kernel */
    bne 3f
    /* Only the svc of arch_switch_to_user() enters a process. An SVCall
     * can also reach here still pending from a process whose svc failed
     * to stack its frame (the stacking fault was taken first and returned
     * to the kernel, and the SVCall tail-chains with 0xFFFFFFF9): that
     * one is dropped, returning to the kernel as the fault return would
     * have. */
    ldr r1, =cortex_m_user_current
    ldr r1, [r1]
    cbz r1, 4f
    ldr r0, [r1, #CTX_OFF_STATUS]
    cmp r0, #CTX_REASON_ENTERING
    bne 4f
    movs r0, #CTX_REASON_INTERRUPT  /* consumed; any trap overwrites it */
    str r0, [r1, #CTX_OFF_STATUS]
    push {r4, lr}
    bl cortex_m_user_entry_blocked
    pop {r4, lr}
    cbnz r0, 4f                     /* kernel work waiting: return INTERRUPT */
    dsb                             /* kernel writes done before the process runs */
    movs r0, #1                     /* CONTROL.nPRIV = 1, SPSEL from EXC_RETURN */
    msr control, r0
    isb
    mvn lr, #2                      /* EXC_RETURN 0xFFFFFFFD: Thread, PSP */
    bx lr
4:
    /* Not entering: the kernel continues after its svc; ctx->status says
     * why (INTERRUPT if kernel work is waiting, else the earlier trap). */
    bx lr
2:
    movs r0, #CTX_REASON_SYSCALL
    b cortex_m_user_return
3:
    b cortex_m_fault_entry
    .size cortex_m_svc_entry, . - cortex_m_svc_entry

/* Common end of every trap from a process. In: Handler mode, lr =
 * 0xFFFFFFFD, r0 = reason (CTX_REASON_*). Records the reason and resumes
 * the kernel after the svc in arch_switch_to_user(). */
    .section .text.cortex_m_user_return, "ax", %progbits
    .global cortex_m_user_return
    .type cortex_m_user_return, %function
    .thumb_func
cortex_m_user_return:
    /* SAFETY: cortex_m_user_current is the context arch_switch_to_user()
     * is waiting on; it cannot be NULL while Thread mode runs on PSP, but
     * if it were, this is a kernel bug and goes to the fault report with
     * lr intact. The kernel's exception frame is still on MSP, and MSP is
     * back at its value on entry (every push above was popped), so
     * EXC_RETURN 0xFFFFFFF9 unstacks exactly that frame. */
    ldr r1, =cortex_m_user_current
    ldr r1, [r1]
    cbz r1, 1f
    str r0, [r1, #CTX_OFF_STATUS]
    movs r0, #0                     /* CONTROL.nPRIV = 0: the kernel is privileged */
    msr control, r0
    isb
    mvn lr, #6                      /* EXC_RETURN 0xFFFFFFF9: Thread, MSP */
    bx lr
1:
    b cortex_m_fault_entry
    .size cortex_m_user_return, . - cortex_m_user_return

    .section .bss.cortex_m_user_current, "aw", %nobits
    .balign 4
    .global cortex_m_user_current
cortex_m_user_current:
    .space 4
