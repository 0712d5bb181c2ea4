/* SPDX-License-Identifier: Apache-2.0 */
/* Cycle-count capsule (driver 0x90008): a benchmark counter for processes.
 *
 * Boards allocate struct cycle_count (see components/cycle_count.h); only
 * cycle_count.c reads or writes its fields. The userspace ABI is at the top
 * of cycle_count.c. Meant for benchmark kernels: it gives every process a
 * fine-grained timing source.
 */
#pragma once

#include "os/capsule.h"
#include "os/hil/time.h"

/* Reads an exact counter (e.g. the CPU's instruction counter). */
typedef uint64_t (*cycle_count_read_fn)(void);
/* Reads an auxiliary kernel statistic (e.g. the MPU write count). */
typedef uint32_t (*cycle_count_stat_fn)(void);

/* Per-process state, in each process's grant. */
struct cycle_count_app {
    uint64_t base; /* counter value at the last reset (command 3) */
};

struct cycle_count {
    struct syscall_driver driver;   /* reached through the board's driver lookup */
    struct hil_alarm stamp;         /* the stamping alarm handed to the alarm users */
    struct hil_alarm_client client; /* alarm_fired from the alarm below */
    struct hil_alarm *below;        /* the board's hardware alarm */
    struct grant *apps;             /* struct cycle_count_app per process */
    cycle_count_read_fn read;       /* exact counter, or NULL: use below's ticks */
    cycle_count_stat_fn mpu_writes; /* NULL: command 0x101 answers NOSUPPORT */
    uint32_t per_tick;              /* counter units per count step */
    uint32_t last_ticks;            /* timer source: ticks at the previous read */
    uint64_t timer_total;           /* timer source: accumulated units */
    ticks_t deadline;               /* expiry of the alarm armed through stamp */
    uint64_t fired_at;              /* counter when the alarm below last fired */
    uint32_t fired_late;            /* ticks between expiry and that moment, in units */
};

/* The grant geometry cycle_count_init() expects: one upcall slot (0 = wake),
 * five read-only and five read-write allow slots (kept, never read). */
#define CYCLE_COUNT_GRANT_UPCALLS 1
#define CYCLE_COUNT_GRANT_RO 5
#define CYCLE_COUNT_GRANT_RW 5

/* Initialise cc. alarm is the board's hardware alarm; cc becomes its only
 * client and cycle_count_alarm() returns the alarm every other user must
 * take instead (it records when the hardware alarm fires). read is an exact
 * counter, or NULL to count in alarm ticks scaled to nanoseconds (which are
 * instructions under QEMU -icount shift=0). mpu_writes may be NULL. Boot
 * time, before processes are loaded. */
void cycle_count_init(struct cycle_count *cc, struct grant *apps, struct hil_alarm *alarm,
                      cycle_count_read_fn read, cycle_count_stat_fn mpu_writes);

/* The stamping alarm over the hardware alarm (same ticks, same frequency). */
struct hil_alarm *cycle_count_alarm(struct cycle_count *cc);

/* Current counter value in counter units. Main loop. */
uint64_t cycle_count_now(struct cycle_count *cc);

/* Counter units per count step (1 for an exact counter). */
uint32_t cycle_count_resolution(const struct cycle_count *cc);
