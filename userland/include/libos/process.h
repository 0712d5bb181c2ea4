/* SPDX-License-Identifier: Apache-2.0 */
/* Process entry information and termination.
 *
 * crt0 passes the four _start arguments to process_start(), which records them, runs
 * main() and exits with its return value. Apps read them with process_entry().
 */
#pragma once

#include <stdint.h>

/* The arguments the kernel passed to _start (process.md section 5). */
struct process_entry_args {
    uintptr_t app_start;     /* r0/a0: first byte of the binary (the crt0 header) */
    uintptr_t memory_start;  /* r1/a1: lowest address of the RAM block */
    uintptr_t memory_len;    /* r2/a2: size of the whole RAM block */
    uintptr_t initial_break; /* r3/a3: the break before crt0 grew it */
};

/* The values passed to _start by the kernel for this run of the process. */
const struct process_entry_args *process_entry(void);

/* C entry, called by crt0 once RAM is set up: records the arguments, calls main() and
 * then exit() with its result. Never returns. */
__attribute__((noreturn)) void process_start(uintptr_t app_start, uintptr_t memory_start,
                                             uintptr_t memory_len, uintptr_t initial_break);

/* Exit-terminate with a completion code, without flushing stdio (that is exit()). */
__attribute__((noreturn)) void process_exit(uint32_t code);

/* Exit-restart with a completion code: the kernel starts this process again from _start
 * and crt0 sets up fresh .data/.bss. Like process_exit() it does not flush stdio; the
 * console stream flushes at every newline and at the end of every printf/puts. */
__attribute__((noreturn)) void process_restart(uint32_t code);
