/* SPDX-License-Identifier: Apache-2.0 */
/* The process control block. Boards allocate the array of slots; every field
 * is private to kernel/ (boards and tests only read them for reports). */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "os/platform/mpu.h"
#include "os/platform/user_boundary.h"
#include "os/syscall_driver.h"

/* Process states; the numbers are those of the process-info driver. */
enum process_state {
    PROCESS_RUNNING = 0,     /* runnable */
    PROCESS_YIELDED = 1,     /* Yield-Wait: runs when a task is queued */
    PROCESS_YIELDED_FOR = 2, /* Yield-WaitFor(driver, subscribe) */
    PROCESS_STOPPED = 3,     /* suspended by management */
    PROCESS_FAULTED = 4,     /* stopped by the fault policy */
    PROCESS_TERMINATED = 5,  /* exited or terminated */
};

/* Per-process counters (reports, the process console, benchmarks). */
struct process_stats {
    uint32_t syscalls;              /* system calls made */
    uint32_t upcalls_delivered;     /* function calls delivered */
    uint32_t upcalls_dropped;       /* tasks dropped: queue full */
    uint32_t timeslice_expirations; /* preempted at the end of a slice */
    uint32_t restarts;              /* restarts (exit-restart, policy, boot) */
    uint32_t faults;                /* faults taken */
    uint32_t last_syscall;          /* class of the most recent syscall */
    uint32_t last_syscall_args[2];  /* its first two arguments (driver, number) */
    uint32_t syscalls_by_class[8];  /* per class 0..7 (profiling) */
    uint32_t lowest_sp;             /* lowest stack pointer seen at a syscall (profiling) */
    uint64_t cpu_ticks;             /* clock ticks run, syscalls included (profiling) */
    uint32_t sched_throttles;       /* EDF: budget used up before the job ended */
    uint32_t sched_misses;          /* EDF: still runnable at its next release */
};

/* Scheduler state of a process (os/board/scheduler.h), reset at every start. */
struct process_sched {
    uint8_t level;           /* MLFQ: queue, 0 = highest */
    bool released;           /* EDF: released at least once */
    bool job_open;           /* EDF: released and not blocked since */
    uint32_t slice_used_us;  /* RR-like policies: used of the current slice */
    uint32_t budget_left_us; /* EDF: CPU time left in this period */
    uint32_t next_release;   /* EDF: alarm tick of the next release */
    uint32_t deadline;       /* EDF: alarm tick of the current deadline */
};

/* One queued task (upcall). */
struct process_task {
    uint32_t kind;          /* enum process_task_kind (kernel-private) */
    uint32_t driver_num;    /* source driver (0xffffffff: kernel, _start) */
    uint32_t subscribe_num; /* source subscribe slot */
    uint32_t fn;            /* function, 0 for a null-upcall event */
    uint32_t args[4];       /* arguments; args[3] = userdata */
};

/* Number of task slots; as in Tock, one stays empty, so 9 are usable. */
#define PROCESS_TASK_SLOTS 10

/* What the kernel keeps from the app's TBF header. */
struct process_image {
    uint32_t flash_start; /* TBF header (memop 4) */
    uint32_t flash_end;   /* flash_start + total_size (memop 5) */
    uint32_t app_start;   /* first byte of the binary, r0 at entry */
    uint32_t entry;       /* entry point */
    uint32_t min_ram;     /* minimum_ram_size */
    uint32_t fixed_ram;   /* fixed RAM address or 0xffffffff */
    uint32_t wfr;         /* address of the WFR TLV value, 0 if none */
    uint32_t wfr_count;   /* number of 8-byte WFR entries */
    const char *name;     /* package name in flash (not NUL-terminated) */
    uint32_t name_len;    /* its length */
    bool has_priority;    /* the scheduling TLV gave a priority */
    uint8_t priority;     /* fixed priority, 0 = highest */
    uint32_t period_us;   /* EDF period, 0 = not periodic */
    uint32_t budget_us;   /* EDF CPU budget per period */
};

/* A process slot. */
struct process {
    bool in_use;                     /* holds a loaded app */
    uint8_t index;                   /* slot number */
    enum process_state state;        /* current state */
    enum process_state resume_state; /* state to resume into from STOPPED */
    process_id_t id;                 /* identifier of this incarnation */
    uint32_t wait_driver;            /* YIELDED_FOR: driver number */
    uint32_t wait_subscribe;         /* YIELDED_FOR: subscribe number */
    struct process_image image;      /* from the TBF */
    uint32_t mem_start;              /* memory_start (memop 2) */
    uint32_t mem_end;                /* memory_end (memop 3) */
    uint32_t app_break;              /* end of process-accessible RAM */
    uint32_t kernel_break;           /* lowest kernel-owned byte (memop 6) */
    uint32_t kernel_top;             /* kernel_break with no grants allocated */
    uint32_t allow_high_water;       /* highest end of an allowed RAM buffer */
    uint32_t stack_hint;             /* memop 10 */
    uint32_t heap_hint;              /* memop 11 */
    uint32_t *grant_ptrs;            /* grant table in the kernel-owned part */
    struct process_task *tasks;      /* task ring in the kernel-owned part */
    uint8_t task_head;               /* oldest task */
    uint8_t task_count;              /* queued tasks */
    bool has_completion_code;        /* exited with a code */
    uint32_t completion_code;        /* exit code */
    struct process_stats stats;      /* counters */
    struct process_sched sched;      /* scheduler policy state */
    struct arch_user_context ctx;    /* saved registers */
    struct mpu_config mpu;           /* precomputed protection */
};
