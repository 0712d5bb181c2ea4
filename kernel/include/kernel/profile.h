/* SPDX-License-Identifier: Apache-2.0 */
/* Profiling book-keeping of the main loop and scheduler (kernel/clock.c).
 *
 * Time is charged by one running timestamp: every call hands the ticks since
 * the previous call to one bucket, so the buckets always add up to the
 * clock. Built with OS_PROFILING=0 these do nothing.
 */
#pragma once

#include <stdint.h>

#include "os/board/kernel.h"
#include "os/board/process.h"

#ifndef OS_PROFILING
#define OS_PROFILING 1
#endif

/* Read the clock, extended to 64 bits (0 without a clock). */
uint64_t kernel_clock_now(struct kernel *k);

/* Charge the ticks since the last accounting point to *bucket; returns them. */
uint64_t kernel_account(struct kernel *k, uint64_t *bucket);

#if OS_PROFILING
#define PROFILE_ACCOUNT(k, bucket) ((void)kernel_account((k), (bucket)))
/* Charge the time p just ran to it and to the process bucket. */
#define PROFILE_PROCESS_RAN(k, p)                                                                  \
    ((p)->stats.cpu_ticks += kernel_account((k), &(k)->stats.process_ticks))
/* Count p's system call of class c, made with stack pointer sp. */
#define PROFILE_SYSCALL(p, c, sp)                                                                  \
    do {                                                                                           \
        (p)->stats.syscalls_by_class[(c)&7u] += (c) < 8u ? 1u : 0u;                                \
        if ((sp) < (p)->stats.lowest_sp) {                                                         \
            (p)->stats.lowest_sp = (sp);                                                           \
        }                                                                                          \
    } while (0)
#else
#define PROFILE_ACCOUNT(k, bucket) ((void)(k), (void)(bucket))
#define PROFILE_PROCESS_RAN(k, p) ((void)(k), (void)(p))
#define PROFILE_SYSCALL(p, c, sp) ((void)(p), (void)(c), (void)(sp))
#endif
