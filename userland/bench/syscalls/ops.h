/* SPDX-License-Identifier: Apache-2.0 */
/* The single-process operations bench_syscalls measures. */
#pragma once

#include <stdint.h>

/* Trivial operations; ctx unused unless stated. */
void op_command_nodevice(void *ctx);
void op_command_trivial(void *ctx);
void op_yield_no_wait(void *ctx);
void op_subscribe(void *ctx);
void op_memop_brk(void *ctx);
void op_allow_rw(void *ctx);
void op_allow_ro(void *ctx);
void op_console_write64(void *ctx);

/* Allow (RW and RO) slots 1-4 of the cycle-count driver: live buffers. */
void ops_allow_others(int live);

/* Prepare op_memop_brk (current break) and op_console_write64. */
void ops_init(void);

/* Upcall latency: `samples` alarm-to-callback measurements, printed. */
void latency_run(uint32_t samples);

/* RISC-V: split a Command into entry and return halves (user-readable
 * instret); prints nothing elsewhere. */
void phases_run(uint32_t samples);
