/* SPDX-License-Identifier: Apache-2.0 */
/* Cortex-M vector table: initial stack pointer, reset and every exception.
 *
 * The linker script keeps .vectors at the very start of kernel flash, which
 * is where the core fetches the initial SP and PC after reset (VTOR = 0 on
 * mps2); the reset handler sets VTOR to this table explicitly anyway.
 *
 * Fault-type exceptions, the reserved slots and the exceptions the kernel
 * never uses (PendSV, DebugMonitor) all go to the shared fault entry, which
 * routes faults of a running process to the kernel's fault policy and
 * reports everything else as a kernel fault. SVCall is the context switch
 * (switch.S).
 */
#include "cortex_m/nvic.h"

    .syntax unified
    .thumb

    /* SAFETY: every word below is either the linker-defined top of the
     * kernel stack or the address of a Thumb function in this arch layer;
     * the assembler/linker set bit 0 of function addresses as the core
     * requires. The table is read-only and never written at run time. */
    .section .vectors, "a", %progbits
    .balign 4
    .global cortex_m_vector_table
    .type cortex_m_vector_table, %object
cortex_m_vector_table:
    .word _estack                   /* 0  initial MSP */
    .word cortex_m_reset_handler    /* 1  Reset */
    .word cortex_m_fault_entry      /* 2  NMI */
    .word cortex_m_fault_entry      /* 3  HardFault */
    .word cortex_m_fault_entry      /* 4  MemManage */
    .word cortex_m_fault_entry      /* 5  BusFault */
    .word cortex_m_fault_entry      /* 6  UsageFault */
    .word cortex_m_fault_entry      /* 7  reserved */
    .word cortex_m_fault_entry      /* 8  reserved */
    .word cortex_m_fault_entry      /* 9  reserved */
    .word cortex_m_fault_entry      /* 10 reserved */
    .word cortex_m_svc_entry        /* 11 SVCall (switch.S) */
    .word cortex_m_fault_entry      /* 12 DebugMonitor */
    .word cortex_m_fault_entry      /* 13 reserved */
    .word cortex_m_fault_entry      /* 14 PendSV */
    .word cortex_m_systick_entry    /* 15 SysTick */
    .rept CORTEX_M_IRQ_COUNT
    .word cortex_m_irq_entry        /* 16 + n: external interrupt n */
    .endr
    .size cortex_m_vector_table, . - cortex_m_vector_table
