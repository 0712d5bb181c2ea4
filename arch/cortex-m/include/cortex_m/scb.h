/* SPDX-License-Identifier: Apache-2.0 */
/* ARMv7-M System Control Block and SysTick registers, with their bits.
 *
 * Register blocks are described as structs of volatile 32-bit fields placed
 * at the architectural base address (ARMv7-M ARM, B3.2). Offsets are checked
 * with _Static_assert so a typo in a padding array cannot go unnoticed.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

/* System Control Block at 0xE000ED00. */
struct cortex_m_scb_regs {
    volatile uint32_t cpuid;   /* 0x00 CPUID base register (RO) */
    volatile uint32_t icsr;    /* 0x04 interrupt control and state */
    volatile uint32_t vtor;    /* 0x08 vector table offset */
    volatile uint32_t aircr;   /* 0x0C application interrupt and reset control */
    volatile uint32_t scr;     /* 0x10 system control (sleep) */
    volatile uint32_t ccr;     /* 0x14 configuration and control */
    volatile uint32_t shpr[3]; /* 0x18 system handler priorities 4..15 */
    volatile uint32_t shcsr;   /* 0x24 system handler control and state */
    volatile uint32_t cfsr;    /* 0x28 configurable fault status (MMFSR|BFSR|UFSR) */
    volatile uint32_t hfsr;    /* 0x2C HardFault status */
    volatile uint32_t dfsr;    /* 0x30 debug fault status */
    volatile uint32_t mmfar;   /* 0x34 MemManage fault address */
    volatile uint32_t bfar;    /* 0x38 BusFault address */
    volatile uint32_t afsr;    /* 0x3C auxiliary fault status */
};

_Static_assert(offsetof(struct cortex_m_scb_regs, shcsr) == 0x24, "SCB layout");
_Static_assert(offsetof(struct cortex_m_scb_regs, afsr) == 0x3C, "SCB layout");

/* SysTick timer at 0xE000E010. */
struct cortex_m_systick_regs {
    volatile uint32_t csr;   /* 0x00 control and status */
    volatile uint32_t rvr;   /* 0x04 reload value (24 bits) */
    volatile uint32_t cvr;   /* 0x08 current value; any write clears it */
    volatile uint32_t calib; /* 0x0C calibration (RO) */
};

_Static_assert(offsetof(struct cortex_m_systick_regs, calib) == 0x0C, "SysTick layout");

/* SAFETY: 0xE000ED00 and 0xE000E010 are the architecturally fixed addresses
 * of the SCB and SysTick in the Private Peripheral Bus of every ARMv7-M
 * core; both are word-aligned and always accessible from privileged code. */
#define CORTEX_M_SCB ((struct cortex_m_scb_regs *)0xE000ED00u)
#define CORTEX_M_SYSTICK ((struct cortex_m_systick_regs *)0xE000E010u)

/* CPUID fields. */
#define CORTEX_M_CPUID_IMPLEMENTER(v) (((v) >> 24) & 0xFFu)
#define CORTEX_M_CPUID_PARTNO(v) (((v) >> 4) & 0xFFFu)
#define CORTEX_M_CPUID_VARIANT(v) (((v) >> 20) & 0xFu)
#define CORTEX_M_CPUID_REVISION(v) ((v)&0xFu)

/* CCR bits. */
#define CORTEX_M_CCR_UNALIGN_TRP (1u << 3) /* trap unaligned word accesses */
#define CORTEX_M_CCR_DIV_0_TRP (1u << 4)   /* trap integer divide by zero */
#define CORTEX_M_CCR_STKALIGN (1u << 9)    /* 8-byte stack alignment on entry */

/* SHCSR enable bits for the configurable faults. */
#define CORTEX_M_SHCSR_MEMFAULTENA (1u << 16)
#define CORTEX_M_SHCSR_BUSFAULTENA (1u << 17)
#define CORTEX_M_SHCSR_USGFAULTENA (1u << 18)

/* CFSR: MemManage status (bits 0-7). */
#define CORTEX_M_CFSR_IACCVIOL (1u << 0)  /* instruction access violation */
#define CORTEX_M_CFSR_DACCVIOL (1u << 1)  /* data access violation */
#define CORTEX_M_CFSR_MUNSTKERR (1u << 3) /* MemManage on exception return unstacking */
#define CORTEX_M_CFSR_MSTKERR (1u << 4)   /* MemManage on exception entry stacking */
#define CORTEX_M_CFSR_MLSPERR (1u << 5)   /* MemManage on lazy FP state preservation */
#define CORTEX_M_CFSR_MMARVALID (1u << 7) /* MMFAR holds the faulting address */
/* CFSR: BusFault status (bits 8-15). */
#define CORTEX_M_CFSR_IBUSERR (1u << 8)      /* instruction fetch bus error */
#define CORTEX_M_CFSR_PRECISERR (1u << 9)    /* precise data bus error */
#define CORTEX_M_CFSR_IMPRECISERR (1u << 10) /* imprecise data bus error */
#define CORTEX_M_CFSR_UNSTKERR (1u << 11)    /* BusFault on exception return unstacking */
#define CORTEX_M_CFSR_STKERR (1u << 12)      /* BusFault on exception entry stacking */
#define CORTEX_M_CFSR_LSPERR (1u << 13)      /* BusFault on lazy FP state preservation */
#define CORTEX_M_CFSR_BFARVALID (1u << 15)   /* BFAR holds the faulting address */
/* CFSR: UsageFault status (bits 16-31). */
#define CORTEX_M_CFSR_UNDEFINSTR (1u << 16) /* undefined instruction */
#define CORTEX_M_CFSR_INVSTATE (1u << 17)   /* invalid EPSR state (e.g. Thumb bit clear) */
#define CORTEX_M_CFSR_INVPC (1u << 18)      /* invalid EXC_RETURN on exception return */
#define CORTEX_M_CFSR_NOCP (1u << 19)       /* coprocessor access, none present/enabled */
#define CORTEX_M_CFSR_STKOF (1u << 20)      /* stack limit violation (ARMv8-M) */
#define CORTEX_M_CFSR_UNALIGNED (1u << 24)  /* unaligned access trapped */
#define CORTEX_M_CFSR_DIVBYZERO (1u << 25)  /* divide by zero trapped */

/* HFSR bits. */
#define CORTEX_M_HFSR_VECTTBL (1u << 1)   /* vector table read fault */
#define CORTEX_M_HFSR_FORCED (1u << 30)   /* escalated configurable fault */
#define CORTEX_M_HFSR_DEBUGEVT (1u << 31) /* debug event (e.g. BKPT without debugger) */

/* Exception priorities (lower value = more urgent). Faults keep the highest
 * configurable priority; everything the kernel masks in a critical section
 * (external interrupts, SysTick, PendSV, SVCall) runs at
 * CORTEX_M_PRIORITY_KERNEL_MASKED, and critical sections set BASEPRI to it.
 * So a fault inside a critical section still gets its own handler instead
 * of escalating to HardFault. 0x80 is representable with any number of
 * implemented priority bits. */
#define CORTEX_M_PRIORITY_FAULT 0x00u
#define CORTEX_M_PRIORITY_KERNEL_MASKED 0x80u

/* SysTick CSR bits. */
#define CORTEX_M_SYSTICK_CSR_ENABLE (1u << 0)
#define CORTEX_M_SYSTICK_CSR_TICKINT (1u << 1)
#define CORTEX_M_SYSTICK_CSR_CLKSOURCE (1u << 2)  /* 1 = processor clock */
#define CORTEX_M_SYSTICK_CSR_COUNTFLAG (1u << 16) /* reached 0; cleared on read */
#define CORTEX_M_SYSTICK_RVR_MAX 0x00FFFFFFu

/* Exception numbers (IPSR values) of the system exceptions. */
enum cortex_m_exception {
    CORTEX_M_EXC_THREAD = 0,
    CORTEX_M_EXC_RESET = 1,
    CORTEX_M_EXC_NMI = 2,
    CORTEX_M_EXC_HARDFAULT = 3,
    CORTEX_M_EXC_MEMMANAGE = 4,
    CORTEX_M_EXC_BUSFAULT = 5,
    CORTEX_M_EXC_USAGEFAULT = 6,
    CORTEX_M_EXC_SVCALL = 11,
    CORTEX_M_EXC_DEBUGMON = 12,
    CORTEX_M_EXC_PENDSV = 14,
    CORTEX_M_EXC_SYSTICK = 15,
    CORTEX_M_EXC_IRQ0 = 16, /* external interrupt n is exception 16 + n */
};
