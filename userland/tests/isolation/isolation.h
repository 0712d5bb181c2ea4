/* SPDX-License-Identifier: Apache-2.0 */
/* Isolation test apps: one violation per app, selected by ISOLATION_CASE at build time.
 *
 * A faulting case prints "<name>: about to <violation>" and then commits it; the kernel
 * must fault the process before it prints "<name>: NOT FAULTED ..." (and exits 1).
 * A checking case (bad pointers handed to the kernel) prints one "<check>: <ERR> ok" or
 * "<check>: FAIL ..." line per check, then "<name>: done" and exits 0 if all passed.
 */
#pragma once

#include <stdint.h>

/* Case numbers (ISOLATION_CASE); tests/isolation/CMakeLists.txt maps names to them. */
#define ISO_KERNEL_RAM_READ 1
#define ISO_KERNEL_RAM_WRITE 2
#define ISO_KERNEL_FLASH_READ 3
#define ISO_PERIPHERAL_READ 4
#define ISO_OWN_FLASH_WRITE 5
#define ISO_RAM_EXEC 6
#define ISO_STACK_OVERFLOW 7
#define ISO_ABOVE_BREAK 8
#define ISO_BELOW_GRANT 9
#define ISO_GRANT_READ 10
#define ISO_NEIGHBOUR_RAM_READ 11
#define ISO_NEIGHBOUR_FLASH_READ 12
#define ISO_PRIVILEGED 13
#define ISO_BAD_CLASS 14
#define ISO_BAD_CLASS_255 15
#define ISO_REPEAT_FAULT 16
#define ISO_ALLOW_KERNEL_PTR 17
#define ISO_ALLOW_PAST_END 18
#define ISO_ALLOW_WRAP 19
#define ISO_SUBSCRIBE_KERNEL_FN 20
#define ISO_YIELD_KERNEL_PTR 21
#define ISO_UPCALL_FLOOD 22
#define ISO_NEIGHBOUR_RAM_WRITE 23
#define ISO_KERNEL_EXEC 24
#define ISO_NULL_READ 25
#define ISO_ALLOW_NEIGHBOUR 26
#define ISO_FAULT_MID_WRITE 27

/* Print "<APP_NAME>: about to <what>". */
void isolation_about(const char *what);

/* Print "<APP_NAME>: about to <what> at 0x<addr>". */
void isolation_about_at(const char *what, uint32_t addr);

/* Print "<APP_NAME>: NOT FAULTED (<what> 0x<value>)" and exit 1. */
__attribute__((noreturn)) void isolation_not_faulted(const char *what, uint32_t value);

/* Read / write one word at addr with a volatile access (the violation itself). */
uint32_t isolation_read(uint32_t addr);
void isolation_write(uint32_t addr, uint32_t value);

/* Faulting cases (isolation_memory.c, isolation_cpu.c) for ISOLATION_CASE; return only if the
 * violation was not stopped, and the caller reports NOT FAULTED. */
void isolation_memory_case(void);
void isolation_cpu_case(void);

/* The neighbour's RAM and flash start (see isolation_memory.c). */
uint32_t isolation_neighbour_ram(void);
uint32_t isolation_neighbour_flash(void);

/* Checking cases (isolation_pointers.c): returns the number of failed checks. */
uint32_t isolation_pointer_case(void);

/* The break rounded up to what the memory protection can enforce exactly (Cortex-M:
 * the sub-region size of Tock's MPU layout; RISC-V: 4 bytes), moved there with brk. */
uint32_t isolation_protected_break(void);
