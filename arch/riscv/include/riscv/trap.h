/* SPDX-License-Identifier: Apache-2.0 */
/* RISC-V trap entry: the saved-register record and the cause decoder.
 *
 * riscv_trap_* is implemented by trap.S (the mtvec entry), riscv_fault_* by
 * fault.c (the C side of a kernel fault and the register printer).
 *
 * The kernel runs in M-mode with mstatus.MIE = 0 at all times, so a trap
 * taken while kernel code runs is always a fault (or an unexpected
 * interrupt). mscratch tells the trap entry who was running:
 *
 *   mscratch == 0   kernel code; the entry saves every register into
 *                   riscv_fault_state and panics through panic_from_fault().
 *   mscratch != 0   a process (U-mode) was running and mscratch holds the
 *                   kernel stack pointer to return to: the entry saves the
 *                   process's registers into its context and returns to
 *                   the kernel from riscv_user_run() (switch.S). Should
 *                   mstatus.MPP say the trap came from M-mode after all,
 *                   it is reported as a kernel fault instead.
 *
 * The record layout is shared with trap.S through the RISCV_FRAME_*
 * offsets below, so this header is also included from assembly.
 */
#pragma once

/* Byte offsets inside struct riscv_trap_frame (checked by _Static_assert). */
#define RISCV_FRAME_X(n) ((n)*4) /* x0..x31; x0 is stored as 0 */
#define RISCV_FRAME_MEPC 128     /* pc of the trapping instruction */
#define RISCV_FRAME_MCAUSE 132   /* trap cause */
#define RISCV_FRAME_MTVAL 136    /* faulting address or instruction */
#define RISCV_FRAME_MSTATUS 140  /* mstatus at the trap (MPP, MPIE) */
#define RISCV_FRAME_SIZE 144     /* total size in bytes */

/* Size of the private stack the fault path runs on. */
#define RISCV_FAULT_STACK_SIZE 2048

#ifndef __ASSEMBLER__

#include <stdint.h>

#include "os/compiler.h"

/* All integer registers plus the trap CSRs, as saved by the trap entry. */
struct riscv_trap_frame {
    uint32_t x[32];   /* x[0] is always 0; x[2] is sp at the trap */
    uint32_t mepc;    /* address of the trapping instruction */
    uint32_t mcause;  /* RISCV_MCAUSE_INTERRUPT | code */
    uint32_t mtval;   /* bad address, or instruction bits, or 0 */
    uint32_t mstatus; /* mstatus when the trap was taken */
};

/* State saved by the most recent trap from kernel code. Written only by the
 * trap entry (trap.S); read by arch_print_fault_state(). */
extern struct riscv_trap_frame riscv_fault_state;

/* Number of kernel faults taken so far: 0 normally, 1 while the first one is
 * being reported; the trap entry uses it to detect a fault in the fault path.
 * Written only by trap.S. */
extern volatile uint32_t riscv_fault_nesting;

/* The stack riscv_fault_from_kernel() runs on (trap.S sets sp to its end). */
extern uint8_t riscv_fault_stack[RISCV_FAULT_STACK_SIZE];

/* The mtvec target (trap.S). Not callable; its address goes into mtvec. */
void riscv_trap_entry(void);

/* Store x0..x31 as they are at the call into regs (regs[1] is the caller's
 * return address, regs[2] its sp). Any context; clobbers nothing (trap.S). */
void riscv_trap_capture_registers(uint32_t regs[32]);

/* Human-readable name of mcause ("load access fault", "machine timer
 * interrupt", ...). Never NULL; unknown codes give "reserved exception" or
 * "reserved interrupt". Any context. */
const char *riscv_fault_cause_name(uint32_t mcause);

/* ABI name of integer register n (0..31), e.g. "ra", "a0"; "?" if n > 31.
 * Any context. */
const char *riscv_fault_register_name(unsigned n);

/* Print x1..x31 of frame by ABI name, four per line, through
 * early_printf(). Any context (kernel fault and panic reports). */
void riscv_fault_print_registers(const uint32_t x[32]);

/* C side of a kernel fault, called by trap.S on the fault stack once
 * riscv_fault_state is filled: panics with the decoded cause. */
OS_NORETURN void riscv_fault_from_kernel(void);

/* Called by trap.S on a fault taken while reporting a fault: prints a
 * minimal line with chip_early_write() and halts with status 1. */
OS_NORETURN void riscv_fault_double(void);

#endif /* __ASSEMBLER__ */
