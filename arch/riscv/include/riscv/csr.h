/* SPDX-License-Identifier: Apache-2.0 */
/* RISC-V machine-mode CSR numbers, bit fields and inline access helpers.
 *
 * Usable from C and from assembly (.S files see only the constants). The
 * accessors are generated per CSR by RISCV_CSR_ACCESSORS(), so every CSR a
 * caller touches has a typed, greppable function:
 *
 *     uint32_t riscv_csr_read_mip(void);
 *     void riscv_csr_write_mtvec(uint32_t value);
 *     uint32_t riscv_csr_set_mie(uint32_t bits);    returns the old value
 *     uint32_t riscv_csr_clear_mstatus(uint32_t bits);  returns the old value
 *
 * All of them are any-context, single instructions with a compiler memory
 * barrier, so MMIO accesses are not reordered across a CSR access.
 */
#pragma once

/* An unsigned constant in C, a plain number for the assembler. */
#ifdef __ASSEMBLER__
#define RISCV_CONST(x) x
#else
#define RISCV_CONST(x) x##u
#endif

/* ---- mstatus ----------------------------------------------------------- */
#define RISCV_MSTATUS_MIE RISCV_CONST(0x00000008)  /* M-mode global interrupt enable */
#define RISCV_MSTATUS_MPIE RISCV_CONST(0x00000080) /* MIE before the last trap */
#define RISCV_MSTATUS_MPP_SHIFT 11                 /* privilege before the last trap */
#define RISCV_MSTATUS_MPP_MASK RISCV_CONST(0x00001800)
#define RISCV_MSTATUS_MPP_U RISCV_CONST(0x00000000)   /* MPP = user */
#define RISCV_MSTATUS_MPP_M RISCV_CONST(0x00001800)   /* MPP = machine */
#define RISCV_MSTATUS_MPRV RISCV_CONST(0x00020000)    /* loads/stores use MPP's privilege */
#define RISCV_MSTATUS_FS_MASK RISCV_CONST(0x00006000) /* FPU state; 0 = Off (FP traps) */

/* ---- mie / mip (same bit positions) ----------------------------------- */
#define RISCV_MIP_MSIP RISCV_CONST(0x00000008) /* machine software interrupt */
#define RISCV_MIP_MTIP RISCV_CONST(0x00000080) /* machine timer interrupt (CLINT) */
#define RISCV_MIP_MEIP RISCV_CONST(0x00000800) /* machine external interrupt (PLIC) */

/* ---- mcause ------------------------------------------------------------ */
#define RISCV_MCAUSE_INTERRUPT RISCV_CONST(0x80000000) /* set for interrupts */
#define RISCV_MCAUSE_CODE_MASK RISCV_CONST(0x7FFFFFFF) /* exception or interrupt code */

/* Exception codes (mcause with the interrupt bit clear). */
#define RISCV_EXC_INSN_MISALIGNED 0
#define RISCV_EXC_INSN_ACCESS 1
#define RISCV_EXC_ILLEGAL_INSN 2
#define RISCV_EXC_BREAKPOINT 3
#define RISCV_EXC_LOAD_MISALIGNED 4
#define RISCV_EXC_LOAD_ACCESS 5
#define RISCV_EXC_STORE_MISALIGNED 6
#define RISCV_EXC_STORE_ACCESS 7
#define RISCV_EXC_ECALL_U 8
#define RISCV_EXC_ECALL_S 9
#define RISCV_EXC_ECALL_M 11
#define RISCV_EXC_INSN_PAGE_FAULT 12
#define RISCV_EXC_LOAD_PAGE_FAULT 13
#define RISCV_EXC_STORE_PAGE_FAULT 15

/* Interrupt codes (mcause with the interrupt bit set). */
#define RISCV_IRQ_S_SOFTWARE 1
#define RISCV_IRQ_M_SOFTWARE 3
#define RISCV_IRQ_S_TIMER 5
#define RISCV_IRQ_M_TIMER 7
#define RISCV_IRQ_S_EXTERNAL 9
#define RISCV_IRQ_M_EXTERNAL 11

#ifndef __ASSEMBLER__

#include <stdint.h>

/* Define the four accessors of one CSR (see the file comment). The CSR is
 * named symbolically so the assembler checks it exists. */
#define RISCV_CSR_ACCESSORS(csr)                                                                   \
    static inline uint32_t riscv_csr_read_##csr(void)                                              \
    {                                                                                              \
        uint32_t value;                                                                            \
        /* SAFETY: reading a CSR has no side effect on the CSRs used here. */                      \
        __asm__ volatile("csrr %0, " #csr : "=r"(value) : : "memory");                             \
        return value;                                                                              \
    }                                                                                              \
    static inline void riscv_csr_write_##csr(uint32_t value)                                       \
    {                                                                                              \
        /* SAFETY: the caller owns the CSR's meaning; memory clobber orders it. */                 \
        __asm__ volatile("csrw " #csr ", %0" : : "r"(value) : "memory");                           \
    }                                                                                              \
    static inline uint32_t riscv_csr_set_##csr(uint32_t bits)                                      \
    {                                                                                              \
        uint32_t old;                                                                              \
        /* SAFETY: atomic read-and-set of the given bits only. */                                  \
        __asm__ volatile("csrrs %0, " #csr ", %1" : "=r"(old) : "r"(bits) : "memory");             \
        return old;                                                                                \
    }                                                                                              \
    static inline uint32_t riscv_csr_clear_##csr(uint32_t bits)                                    \
    {                                                                                              \
        uint32_t old;                                                                              \
        /* SAFETY: atomic read-and-clear of the given bits only. */                                \
        __asm__ volatile("csrrc %0, " #csr ", %1" : "=r"(old) : "r"(bits) : "memory");             \
        return old;                                                                                \
    }

RISCV_CSR_ACCESSORS(mstatus)
RISCV_CSR_ACCESSORS(misa)
RISCV_CSR_ACCESSORS(mie)
RISCV_CSR_ACCESSORS(mip)
RISCV_CSR_ACCESSORS(mtvec)
RISCV_CSR_ACCESSORS(mscratch)
RISCV_CSR_ACCESSORS(mepc)
RISCV_CSR_ACCESSORS(mcause)
RISCV_CSR_ACCESSORS(mtval)
RISCV_CSR_ACCESSORS(mhartid)

/* PMP: 16 entries on the supported machines (riscv/pmp.h). Only pmp.c
 * writes these. */
RISCV_CSR_ACCESSORS(pmpcfg0)
RISCV_CSR_ACCESSORS(pmpcfg1)
RISCV_CSR_ACCESSORS(pmpcfg2)
RISCV_CSR_ACCESSORS(pmpcfg3)
RISCV_CSR_ACCESSORS(pmpaddr0)
RISCV_CSR_ACCESSORS(pmpaddr1)
RISCV_CSR_ACCESSORS(pmpaddr2)
RISCV_CSR_ACCESSORS(pmpaddr3)
RISCV_CSR_ACCESSORS(pmpaddr4)
RISCV_CSR_ACCESSORS(pmpaddr5)
RISCV_CSR_ACCESSORS(pmpaddr6)
RISCV_CSR_ACCESSORS(pmpaddr7)
RISCV_CSR_ACCESSORS(pmpaddr8)
RISCV_CSR_ACCESSORS(pmpaddr9)
RISCV_CSR_ACCESSORS(pmpaddr10)
RISCV_CSR_ACCESSORS(pmpaddr11)
RISCV_CSR_ACCESSORS(pmpaddr12)
RISCV_CSR_ACCESSORS(pmpaddr13)
RISCV_CSR_ACCESSORS(pmpaddr14)
RISCV_CSR_ACCESSORS(pmpaddr15)

#endif /* __ASSEMBLER__ */
