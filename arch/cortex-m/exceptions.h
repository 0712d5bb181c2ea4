/* SPDX-License-Identifier: Apache-2.0 */
/* Private to arch/cortex-m: records shared by the assembly entry code and C.
 *
 * The assembly in exceptions.S stores into these structs by fixed offsets;
 * the _Static_asserts below keep the C layout and the assembly in step.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "os/compiler.h"

/* The eight words the core pushes on exception entry (no FP context). */
struct cortex_m_exception_frame {
    uint32_t r0;
    uint32_t r1;
    uint32_t r2;
    uint32_t r3;
    uint32_t r12;
    uint32_t lr;
    uint32_t pc;   /* return address: the faulting instruction */
    uint32_t xpsr; /* bit 9 set: 4 bytes of alignment padding above */
};

/* Everything captured about the most recent fault. One static instance. */
struct cortex_m_fault_state {
    /* Written by cortex_m_fault_entry (exceptions.S), before any C runs. */
    uint32_t r4_r11[8];  /* callee-saved registers at the fault */
    uint32_t exc_return; /* LR on entry: which stack, which mode */
    uint32_t msp;        /* MSP on entry (after hardware stacking) */
    uint32_t psp;        /* PSP on entry */
    uint32_t control;    /* CONTROL on entry (nPRIV of thread mode) */
    uint32_t ipsr;       /* exception number */
    uint32_t primask;    /* PRIMASK on entry */
    uint32_t basepri;    /* BASEPRI on entry (kernel critical section) */
    /* Written by cortex_m_fault_handle() in C. */
    struct cortex_m_exception_frame frame; /* copy of the stacked frame */
    uint32_t frame_addr;                   /* where the core stacked the frame */
    bool frame_valid;                      /* false: stacking failed or frame out of range */
    bool captured;                         /* this record holds a fault */
    uint32_t cfsr;                         /* configurable fault status */
    uint32_t hfsr;                         /* HardFault status */
    uint32_t mmfar;                        /* MemManage fault address (if MMARVALID) */
    uint32_t bfar;                         /* BusFault address (if BFARVALID) */
    uint32_t shcsr;                        /* handler enables and active/pending bits */
};

_Static_assert(offsetof(struct cortex_m_fault_state, exc_return) == 0x20, "asm offset");
_Static_assert(offsetof(struct cortex_m_fault_state, primask) == 0x34, "asm offset");
_Static_assert(offsetof(struct cortex_m_fault_state, basepri) == 0x38, "asm offset");

/* Register snapshot taken by cortex_m_capture_cpu_state(). */
struct cortex_m_cpu_snapshot {
    uint32_t r[13]; /* r0-r12; r0 holds the snapshot's own address */
    uint32_t sp;    /* active stack pointer */
    uint32_t lr;    /* return address of the capture call */
    uint32_t pc;    /* address inside the capture routine */
    uint32_t xpsr;
    uint32_t msp;
    uint32_t psp;
    uint32_t control;
    uint32_t primask;
    uint32_t basepri;
    uint32_t faultmask;
};

_Static_assert(offsetof(struct cortex_m_cpu_snapshot, sp) == 0x34, "asm offset");
_Static_assert(offsetof(struct cortex_m_cpu_snapshot, faultmask) == 0x58, "asm offset");

/* The fault record (fault.c); the assembly entry fills its first part. */
extern struct cortex_m_fault_state cortex_m_fault_state;

/* Store the current registers into *out (exceptions.S). Any context. */
void cortex_m_capture_cpu_state(struct cortex_m_cpu_snapshot *out);

/* Reset vector (reset.c): initialise RAM and call board_main(). */
OS_NORETURN void cortex_m_reset_handler(void);

/* C half of the fault path, on the fault stack, after the assembly stored
 * the registers into cortex_m_fault_state. Reports through the kernel
 * panic. */
OS_NORETURN void cortex_m_fault_handle(void);

/* A fault was taken while an earlier one was still being reported. depth is
 * the nesting level (2 = first nested fault). */
OS_NORETURN void cortex_m_fault_nested(uint32_t ipsr, uint32_t depth);

/* Top half of every external interrupt (nvic.c): mask the line and record
 * it. Returns false if no driver claimed the line; the assembly then takes
 * the fault path. Handler mode only. */
bool cortex_m_irq_record(void);

/* SysTick exception body (systick.c). Handler mode only. */
void cortex_m_systick_handler(void);

/* Decode helpers shared by the fault and CPU-state printers (fault_decode.c). */
const char *cortex_m_exception_name(uint32_t ipsr);
/* Name of a fault for the panic line: the exception, or for a forced
 * HardFault the configurable fault that escalated. */
const char *cortex_m_fault_description(uint32_t ipsr, uint32_t cfsr, uint32_t hfsr);
/* Print CFSR and HFSR with their set bits named, then MMFAR, BFAR and SHCSR,
 * each line starting with indent. */
void cortex_m_print_fault_status(const char *indent, uint32_t cfsr, uint32_t hfsr, uint32_t mmfar,
                                 uint32_t bfar, uint32_t shcsr);
