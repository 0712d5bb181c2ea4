/* SPDX-License-Identifier: Apache-2.0 */
/* Cortex-M exception entry code: faults, peripheral interrupts, SysTick.
 *
 * Only what C cannot do lives here: reading EXC_RETURN and the callee-saved
 * registers exactly as the exception found them, and moving onto a stack
 * that is known to be good before calling C.
 *
 * Every entry that can interrupt a process checks EXC_RETURN: taken from
 * Thread mode on PSP (0xFFFFFFFD, a process was running) it does its normal
 * work and then leaves through cortex_m_user_return (switch.S), which goes
 * back to the kernel's arch_switch_to_user() instead of to the process.
 * Only the process's r0-r3, r12, lr, pc and xPSR are on its stack; its
 * r4-r11 stay in the registers (nothing here or in the C called changes
 * them) and arch_switch_to_user() saves them.
 */
#include "user_context.h"

    .syntax unified
    .thumb

    .equ FAULT_STACK_SIZE, 1024
    .equ FS_EXC_RETURN, 0x20
    .equ FS_MSP, 0x24
    .equ FS_PSP, 0x28
    .equ FS_CONTROL, 0x2C
    .equ FS_IPSR, 0x30
    .equ FS_PRIMASK, 0x34
    .equ FS_BASEPRI, 0x38

/* Shared entry of every fault-type exception.
 *
 * A HardFault, MemManage, BusFault or UsageFault taken from a process
 * (EXC_RETURN 0xFFFFFFFD, exception 3-6) is the process's fault, including
 * a stacking error on its own bad PSP: the fault status goes into its
 * context and the kernel gets ARCH_SWITCH_FAULT. It never reaches the
 * kernel panic.
 *
 * Everything else trapped the kernel itself (or is an NMI or unexpected
 * exception): records r4-r11, EXC_RETURN, both stack pointers, CONTROL,
 * IPSR, PRIMASK and BASEPRI into cortex_m_fault_state, masks interrupts,
 * switches MSP to the private fault stack (the kernel stack may be the
 * thing that broke) and calls cortex_m_fault_handle(). A fault taken while
 * another is being reported goes to cortex_m_fault_nested() instead,
 * leaving the first record intact. */
    .section .text.cortex_m_fault_entry, "ax", %progbits
    .global cortex_m_fault_entry
    .type cortex_m_fault_entry, %function
    .thumb_func
cortex_m_fault_entry:
    /* SAFETY: the process path runs on MSP, which the process cannot
     * touch: the kernel stack below the kernel's own svc frame. r0-r3 are
     * free (stacked, or lost with a broken process stack, which is then
     * the fault being reported). */
    cmn lr, #3                      /* from a process (0xFFFFFFFD)? */
    bne 2f
    mrs r0, ipsr
    cmp r0, #3                      /* HardFault .. UsageFault only */
    blo 2f
    cmp r0, #6
    bhi 2f
    ldr r1, =cortex_m_user_current
    ldr r1, [r1]
    cbz r1, 2f
    push {r4, lr}
    bl cortex_m_user_record_fault
    pop {r4, lr}
    movs r0, #CTX_REASON_FAULT
    b cortex_m_user_return
2:
    /* SAFETY: the core has already stacked r0-r3, r12, lr, pc, xPSR, so
     * r0-r3 and r12 are free. Nothing is pushed on the current stack: it may
     * be invalid. cortex_m_fault_depth and cortex_m_fault_state are static
     * kernel .bss words, and the fault stack below is reserved for this
     * code alone; abandoning the old stack is fine because this path never
     * returns. */
    ldr r0, =cortex_m_fault_depth
    ldr r1, [r0]
    adds r1, r1, #1
    str r1, [r0]
    cmp r1, #1
    bne 1f
    ldr r0, =cortex_m_fault_state
    stmia r0, {r4-r11}
    str lr, [r0, #FS_EXC_RETURN]
    mrs r1, msp
    str r1, [r0, #FS_MSP]
    mrs r1, psp
    str r1, [r0, #FS_PSP]
    mrs r1, control
    str r1, [r0, #FS_CONTROL]
    mrs r1, ipsr
    str r1, [r0, #FS_IPSR]
    mrs r1, primask
    str r1, [r0, #FS_PRIMASK]
    mrs r1, basepri
    str r1, [r0, #FS_BASEPRI]
    cpsid i
    ldr r1, =cortex_m_fault_stack_top
    mov sp, r1
    bl cortex_m_fault_handle
    b .
1:
    cpsid i
    mrs r0, ipsr
    ldr r2, =cortex_m_fault_stack_top
    mov sp, r2
    bl cortex_m_fault_nested
    b .
    .size cortex_m_fault_entry, . - cortex_m_fault_entry

/* Entry of every external interrupt: the C top half masks and records the
 * line. If no driver claimed it, continue into the fault path with the
 * registers exactly as on entry (the push/pop below restores SP and LR,
 * and r4-r11 are preserved by the C call). A claimed interrupt that
 * stopped a process then returns to the kernel (ARCH_SWITCH_INTERRUPT),
 * whose main loop runs the bottom half. */
    .section .text.cortex_m_irq_entry, "ax", %progbits
    .global cortex_m_irq_entry
    .type cortex_m_irq_entry, %function
    .thumb_func
cortex_m_irq_entry:
    /* SAFETY: runs on the kernel stack (MSP) that the core already used
     * for stacking; pushing two words keeps it 8-byte aligned for C. */
    push {r4, lr}
    bl cortex_m_irq_record
    pop {r4, lr}
    cbz r0, 1f
    cmn lr, #3                      /* a process was running? */
    beq 2f
    bx lr
1:
    b cortex_m_fault_entry
2:
    movs r0, #CTX_REASON_INTERRUPT
    b cortex_m_user_return
    .size cortex_m_irq_entry, . - cortex_m_irq_entry

/* SysTick entry: the timer only has to make the core trap; the C body
 * latches the expiry for sched_timer_has_expired(). Taken from a process,
 * it then returns to the kernel (ARCH_SWITCH_INTERRUPT). */
    .section .text.cortex_m_systick_entry, "ax", %progbits
    .global cortex_m_systick_entry
    .type cortex_m_systick_entry, %function
    .thumb_func
cortex_m_systick_entry:
    /* SAFETY: from the kernel, a plain tail call: the C handler follows
     * the AAPCS and returns through the EXC_RETURN value still in lr. From
     * a process, the same call with lr kept on the kernel stack (MSP). */
    cmn lr, #3
    beq 1f
    b cortex_m_systick_handler
1:
    push {r4, lr}
    bl cortex_m_systick_handler
    pop {r4, lr}
    movs r0, #CTX_REASON_INTERRUPT
    b cortex_m_user_return
    .size cortex_m_systick_entry, . - cortex_m_systick_entry

/* void cortex_m_capture_cpu_state(struct cortex_m_cpu_snapshot *out) */
    .section .text.cortex_m_capture_cpu_state, "ax", %progbits
    .global cortex_m_capture_cpu_state
    .type cortex_m_capture_cpu_state, %function
    .thumb_func
cortex_m_capture_cpu_state:
    /* SAFETY: out points to a caller-owned struct cortex_m_cpu_snapshot
     * (offsets checked in exceptions.h). r0-r12 are stored before r1-r3,
     * which the AAPCS lets a callee clobber, are reused as scratch. */
    stmia r0, {r0-r12}
    mov r1, sp
    str r1, [r0, #0x34]
    str lr, [r0, #0x38]
    adr r1, cortex_m_capture_cpu_state
    str r1, [r0, #0x3C]
    mrs r1, xpsr
    str r1, [r0, #0x40]
    mrs r1, msp
    str r1, [r0, #0x44]
    mrs r1, psp
    str r1, [r0, #0x48]
    mrs r1, control
    str r1, [r0, #0x4C]
    mrs r1, primask
    str r1, [r0, #0x50]
    mrs r1, basepri
    str r1, [r0, #0x54]
    mrs r1, faultmask
    str r1, [r0, #0x58]
    bx lr
    .size cortex_m_capture_cpu_state, . - cortex_m_capture_cpu_state

/* Private fault stack and nesting counter (zeroed with the rest of .bss). */
    .section .bss.cortex_m_fault_stack, "aw", %nobits
    .balign 8
    .global cortex_m_fault_stack_bottom
cortex_m_fault_stack_bottom:
    .space FAULT_STACK_SIZE
cortex_m_fault_stack_top:

    .section .bss.cortex_m_fault_depth, "aw", %nobits
    .balign 4
    .global cortex_m_fault_depth
cortex_m_fault_depth:
    .space 4
