/* SPDX-License-Identifier: Apache-2.0 */
/* Board-facing kernel API: create the kernel, print the banner, run it. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "os/board/scheduler.h"
#include "os/capability.h"
#include "os/compiler.h"
#include "os/syscall_driver.h"

struct chip;
struct hil_alarm;

/* Kernel version reported to apps and in the banner. */
#define KERNEL_VERSION_MAJOR 2
#define KERNEL_VERSION_MINOR 2

/* Bulkhead release string. */
extern const char kernel_release[];

/* Statistics of the main loop (read by tests and the shell). The tick
 * counts are in the kernel clock's ticks (kernel_set_clock()); with the clock
 * set, idle + kernel + process ticks = uptime at the last accounting point. */
struct kernel_stats {
    uint32_t interrupt_services; /* chip_service_pending_interrupts() passes */
    uint32_t deferred_calls_run; /* deferred call handlers run */
    uint32_t sleeps;             /* chip_sleep() calls */
    uint64_t idle_ticks;         /* asleep in chip_sleep() */
    uint64_t kernel_ticks;       /* bottom halves, deferred calls, scheduling */
    uint64_t process_ticks;      /* running processes (their syscalls included) */
};

/* Maximum grants (drivers with per-process state) an image can create. */
#define KERNEL_MAX_GRANTS 16

/* What the kernel does when a process faults (shared/spec/process.md 8.2). */
enum kernel_fault_policy {
    KERNEL_FAULT_STOP,            /* free its resources, mark it Faulted */
    KERNEL_FAULT_RESTART,         /* restart it in place, always */
    KERNEL_FAULT_RESTART_LIMITED, /* restart up to max_restarts, then stop */
    KERNEL_FAULT_PANIC,           /* panic the kernel (debugging only) */
};

/* Board-supplied configuration of the kernel. */
struct kernel_resources {
    /* The board's driver lookup: a switch over driver numbers. NULL result
     * means no such driver (NODEVICE). */
    struct syscall_driver *(*driver_lookup)(uint32_t driver_num);
    enum kernel_fault_policy fault_policy; /* what a process fault does */
    uint32_t max_restarts;                 /* for KERNEL_FAULT_RESTART_LIMITED */
    uint32_t timeslice_us;                 /* preemption slice, e.g. 10000 */
    /* The scheduling policy (os/board/scheduler.h), initialised by the
     * board; NULL: round-robin with timeslice_us. */
    struct scheduler *scheduler;
};

/* A driver's grant: per-process state layout (private to kernel/). */
struct grant {
    struct kernel *kernel; /* owner */
    uint32_t driver_num;   /* the driver it belongs to */
    uint16_t data_size;    /* driver state bytes */
    uint8_t num_upcalls;   /* subscribe slots */
    uint8_t num_ro;        /* read-only allow slots */
    uint8_t num_rw;        /* read-write allow slots */
    uint8_t index;         /* slot in every process's grant table */
};

struct process;

/* The kernel object. Boards allocate it; fields are private to kernel/. */
struct kernel {
    struct chip *chip;                      /* the one chip of the image */
    struct kernel_stats stats;              /* main-loop counters */
    bool running;                           /* kernel_run() entered */
    bool processes_loaded;                  /* no more grants may be created */
    const struct kernel_resources *res;     /* board configuration */
    struct process *processes;              /* the board's process slots */
    uint32_t num_processes;                 /* how many */
    process_id_t next_id;                   /* identifier of the next incarnation */
    struct grant grants[KERNEL_MAX_GRANTS]; /* created grants */
    uint32_t num_grants;                    /* how many */
    bool (*run_process)(struct kernel *k);  /* scheduler; NULL: no processes */
    struct scheduler *scheduler;            /* the policy in use */
    struct sched_rr default_rr;             /* used when res->scheduler is NULL */
    struct process *current;                /* the process running, or NULL */
    struct hil_alarm *clock;                /* profiling clock; NULL: none */
    uint32_t clock_last;                    /* its last 32-bit reading */
    uint64_t clock_ticks;                   /* extended to 64 bits */
    uint64_t accounted;                     /* last accounting point */
};

/* Boundaries printed by the banner; filled by the board from linker symbols.
 * Each pair is [start, end). */
struct kernel_memory_map {
    uintptr_t text_start, text_end;           /* kernel code and rodata */
    uintptr_t data_start, data_end;           /* initialised kernel data */
    uintptr_t bss_start, bss_end;             /* zeroed kernel data */
    uintptr_t stack_start, stack_end;         /* kernel stack */
    uintptr_t app_flash_start, app_flash_end; /* TBF objects */
    uintptr_t app_ram_start, app_ram_end;     /* process RAM pool */
};

/* Initialise k for chip. Boot time, once. */
void kernel_init(struct kernel *k, struct chip *chip);

/* Give k the board's process slots and configuration. Boot time, once,
 * before kernel_create_grant(); without it the kernel runs no processes. */
void kernel_setup_processes(struct kernel *k, struct process *processes, uint32_t num_processes,
                            const struct kernel_resources *res);

/* Create the grant of driver driver_num: data_size bytes of driver state and
 * the given numbers of subscribe, read-only and read-write allow slots per
 * process. Boot time, before kernel_load_processes(); needs the memory
 * capability. Exceeding KERNEL_MAX_GRANTS or a second grant for the same
 * driver panics at boot with a clear message. */
struct grant *kernel_create_grant(struct kernel *k, uint32_t driver_num, uint32_t data_size,
                                  uint32_t num_upcalls, uint32_t num_ro, uint32_t num_rw,
                                  const struct cap_memory_alloc *cap);

/* Walk the TBF objects in [apps_start, apps_end) and create a process for
 * each valid app, taking RAM from [ram_start, ram_end). Prints one line per
 * app (loaded, or skipped and why). Returns the number of processes. */
uint32_t kernel_load_processes(struct kernel *k, uint32_t apps_start, uint32_t apps_end,
                               uint32_t ram_start, uint32_t ram_end,
                               const struct cap_process_mgmt *cap);

/* Print "Bulkhead <release> on <board> (<cpu>)", the kernel version and the
 * memory map through debug_printf(). Boot time. */
void kernel_print_banner(const char *board, const struct kernel_memory_map *map);

/* Enter the main loop: service interrupt bottom halves, run deferred calls,
 * run processes as the scheduler policy chooses, otherwise sleep.
 * Unmasks interrupts. Never returns. */
OS_NORETURN void kernel_run(struct kernel *k, const struct cap_main_loop *cap);

/* Use clock (the board's free-running alarm counter; only read, never armed)
 * to measure uptime and the time spent idle, in the kernel and in each
 * process. Boot time, before kernel_run(). The counter must be read at least
 * once per wrap: the main loop does on every pass, but an idle stretch longer
 * than a whole wrap (2^32 ticks) is counted short by the wraps it spans. */
void kernel_set_clock(struct kernel *k, struct hil_alarm *clock);

/* The kernel clock: ticks since kernel_set_clock() and their rate (Hz).
 * Returns false (zeros) without a clock. */
bool kernel_uptime(struct kernel *k, uint64_t *ticks, uint32_t *hz);

/* Copy k's main-loop counters into *stats. */
void kernel_get_stats(const struct kernel *k, struct kernel_stats *stats);
