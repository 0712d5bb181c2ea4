/* SPDX-License-Identifier: Apache-2.0 */
/* Host fakes of the user-boundary and MPU contracts, plus a test process.
 *
 * Process RAM and flash are mapped below 4 GiB (MAP_32BIT) so the kernel's
 * 32-bit addresses round-trip through pointers on a 64-bit host.
 */
#pragma once

#include <stdint.h>

#include "os/board/kernel.h"
#include "os/board/process.h"

/* A fake memory image: flash [flash, flash + FAKE_FLASH_SIZE) whose first
 * FAKE_HEADER_SIZE bytes are the "TBF header" (protected), and a RAM pool. */
#define FAKE_FLASH_SIZE 0x1000u
#define FAKE_HEADER_SIZE 0x40u
#define FAKE_POOL_SIZE 0x4000u

struct fake_memory {
    uint32_t flash; /* address of the fake TBF object */
    uint32_t pool;  /* start of the RAM pool */
};

/* Map the fake memory (once per test binary). */
void fake_memory_map(struct fake_memory *m);

/* Move m's pool past the first half, so a second process gets its own block
 * (both share the same fake flash). */
void fake_memory_map_second(struct fake_memory *m);

/* Create process slot p of k in m with min_ram bytes of app RAM, as the
 * loader would, and deliver nothing yet (state Yielded, _start queued). */
void fake_process_create(struct kernel *k, struct process *p, const struct fake_memory *m,
                         uint32_t min_ram);

/* Issue system call class with args as process p; returns r0..r3 after. */
void fake_syscall(struct kernel *k, struct process *p, uint32_t class_num, uint32_t a0, uint32_t a1,
                  uint32_t a2, uint32_t a3, uint32_t out[4]);

/* Times arch_switch_to_user() ran (each returns a Yield-Wait). */
extern int fake_switches;

/* r0..r3 as the process would see them when it last resumed. */
extern uint32_t fake_entry_regs[4];

/* Whether the last fake_syscall faulted the process. */
extern int fake_process_faults;

/* The last upcall set up by arch_user_set_upcall (fn and args). */
extern uint32_t fake_upcall_fn;
extern uint32_t fake_upcall_args[4];
