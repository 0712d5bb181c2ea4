/* SPDX-License-Identifier: Apache-2.0 */
/* Read-only introspection of processes, and capability-checked control.
 *
 * What capsules (the process-info driver, a shell) may learn about
 * processes: identifiers, names, states and counters, as snapshots. Changing
 * a process's state needs the process-management capability, which only a
 * board can hand out.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "os/capability.h"
#include "os/err.h"
#include "os/syscall_driver.h"

/* A snapshot of one process slot. */
struct process_info {
    process_id_t id;                /* identifier of the current incarnation */
    uint32_t slot;                  /* process slot (index) */
    uint32_t short_id;              /* ShortId, 0 = locally unique */
    uint32_t state;                 /* 0 Running .. 5 Terminated (drivers.md 16) */
    uint32_t timeslice_expirations; /* counters since the last (re)start */
    uint32_t syscalls;
    uint32_t restarts; /* restarts since boot */
    uint32_t upcalls_dropped;
    uint32_t priority;        /* fixed priority: TBF value or slot */
    uint32_t sched_level;     /* MLFQ level (0 under other policies) */
    uint32_t sched_throttles; /* EDF: budget used up */
    uint32_t sched_misses;    /* EDF: deadlines missed */
    const char *name;         /* package name (not NUL-terminated), in flash */
    uint32_t name_len;
};

/* More of one process, for the process console and profiling: state
 * details, counters since its last (re)start, and its memory. */
struct process_info_detail {
    uint32_t resume_state; /* Stopped: the state it resumes into */
    uint32_t wait_driver;  /* YieldedFor: the awaited upcall */
    uint32_t wait_subscribe;
    uint32_t tasks_queued; /* upcalls waiting for delivery */
    uint32_t upcalls_delivered;
    uint32_t faults;               /* since boot */
    uint32_t last_syscall;         /* class of the latest, if syscalls > 0 */
    uint32_t last_syscall_args[2]; /* its first two arguments */
    uint32_t syscalls_by_class[8]; /* yield, subscribe, command, allow rw, allow ro,
                                    * memop, exit, allow userspace-readable */
    uint64_t cpu_ticks;            /* kernel clock ticks run (syscalls included) */
    uint32_t lowest_sp;            /* lowest stack pointer at a syscall, 0xFFFFFFFF none */
    uint32_t grants_used;          /* grants allocated in its memory */
    uint32_t grants_total;         /* grants the kernel has */
    uint32_t grant_bytes;          /* kernel-owned bytes at the top of its RAM */
    bool has_completion_code;      /* exited with a code */
    uint32_t completion_code;
    uint32_t flash_start, flash_end; /* its TBF object */
    uint32_t app_start, entry;       /* binary and entry point */
    uint32_t mem_start, mem_end;     /* its RAM block */
    uint32_t app_break;              /* end of process-accessible RAM */
    uint32_t kernel_break;           /* start of the kernel-owned part */
    uint32_t accessible_end;         /* what the MPU/PMP actually opens */
    uint32_t stack_hint, heap_hint;  /* memop 10 and 11, 0 if not given */
};

/* One saved register of a process. */
struct process_info_reg {
    const char *name;
    uint32_t value;
};

/* One MPU region or PMP entry of a process. */
struct process_info_region {
    uint32_t start, end; /* [start, end) */
    bool enabled;
    char access[4]; /* "rwx" with '-' for what is denied */
};

/* The kernel: version, memory map and kernel-wide counters. */
struct process_info_kernel {
    uint32_t version_major, version_minor;
    const char *release;   /* Bulkhead release, e.g. "0.1.0" */
    const char *board;     /* board name */
    const char *scheduler; /* scheduling policy */
    uint32_t text_start, text_end, data_start, data_end, bss_start, bss_end;
    uint32_t stack_start, stack_end, app_flash_start, app_flash_end, app_ram_start, app_ram_end;
    uint32_t clock_hz;      /* 0: no kernel clock, the tick counts are 0 */
    uint64_t uptime_ticks;  /* = idle + kernel + process ticks */
    uint64_t idle_ticks;    /* asleep */
    uint64_t kernel_ticks;  /* bottom halves, deferred calls, scheduling */
    uint64_t process_ticks; /* in processes */
    uint32_t interrupt_services, deferred_calls_run, sleeps;
    uint32_t debug_dropped; /* debug-writer messages dropped */
    bool profiling;         /* built with the profiling counters */
};

/* The detail of process id (any state); false if no such process. */
bool process_info_detail(process_id_t id, struct process_info_detail *out);

/* Up to max saved registers of process id into out (architecture order:
 * on Cortex-M r0-r3, r12, lr, pc, xpsr when its stack frame is readable,
 * then sp, r4-r11; on RISC-V pc, x1-x31). Returns how many; 0 if no such
 * process. */
uint32_t process_info_registers(process_id_t id, struct process_info_reg *out, uint32_t max);

/* Up to max of process id's MPU regions (Cortex-M) or PMP entries (RISC-V)
 * into out. Returns how many; 0 if no such process. */
uint32_t process_info_regions(process_id_t id, struct process_info_region *out, uint32_t max);

/* The kernel's facts and counters into *out. Main loop. */
void process_info_kernel(struct process_info_kernel *out);

/* Management actions (process-info command 6 numbering). */
enum process_info_action {
    PROCESS_INFO_RESUME = 1,    /* Stopped -> the state it was stopped in */
    PROCESS_INFO_STOP = 2,      /* suspend a live process (tasks keep queuing) */
    PROCESS_INFO_FAULT = 3,     /* fault it as if it had faulted (policy applies) */
    PROCESS_INFO_TERMINATE = 4, /* end it; it can be booted again */
    PROCESS_INFO_BOOT = 5,      /* start a Terminated process afresh */
};

/* Number of occupied process slots. Main loop. */
uint32_t process_info_count(void);

/* The n-th occupied slot's snapshot into *out; false if n >= count. */
bool process_info_by_index(uint32_t n, struct process_info *out);

/* The snapshot of the process with identifier id (any state); false if no
 * occupied slot currently has that identifier. */
bool process_info_by_id(process_id_t id, struct process_info *out);

/* Apply action to process id. Main loop, never from inside that process's
 * own system call handling of the kernel.
 * @retval OS_OK        done.
 * @retval OS_EINVAL    no such process, or the action does not apply to its
 *                      state (e.g. boot of a live process, resume of one not
 *                      stopped), or an unknown action.
 * @retval OS_ENOSUPPORT cap is not the process-management capability. */
OS_MUST_CHECK os_err_t process_info_control(process_id_t id, uint32_t action,
                                            const struct cap_process_mgmt *cap);
