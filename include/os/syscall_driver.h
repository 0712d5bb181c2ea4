/* SPDX-License-Identifier: Apache-2.0 */
/* The interface a capsule implements to be reachable from userspace.
 *
 * The kernel validates every argument it can (driver number, pointers of
 * allows and subscribes) before a driver sees a call; drivers see Command
 * arguments as plain integers and process memory only through the checked
 * handles of os/grant.h.
 */
#pragma once

#include <stdint.h>

#include "os/abi/syscall.h"
#include "os/err.h"

/* Identifier of one process incarnation (new on every restart); 0 = none. */
typedef uint32_t process_id_t;

/* A Command return: the variant code and the words that follow it. */
struct command_ret {
    uint32_t variant;   /* enum syscall_return_variant */
    uint32_t values[3]; /* r1..r3 / a1..a3, as many as the variant uses */
};

struct syscall_driver;

/* Implementation table of a syscall driver. */
struct syscall_driver_ops {
    /* Command (class 2). Main loop, inside the calling process's syscall.
     * Must not call back into the process synchronously. Command 0 must
     * succeed with no side effects. Unknown cmd -> command_failure(NOSUPPORT). */
    struct command_ret (*command)(struct syscall_driver *drv, uint32_t cmd, uint32_t arg0,
                                  uint32_t arg1, process_id_t pid);
};

/* Base object of a syscall driver; capsules embed it. Subscriptions and
 * allows are stored in the driver's grant (os/grant.h), which the kernel
 * allocates for a process on its first subscribe or allow; a driver without
 * a grant answers those with NOMEM, as in Tock. */
struct syscall_driver {
    const struct syscall_driver_ops *ops; /* const table, lives in flash */
};

static inline struct command_ret command_success(void)
{
    return (struct command_ret){SYSCALL_RET_SUCCESS, {0, 0, 0}};
}

static inline struct command_ret command_success_u32(uint32_t v)
{
    return (struct command_ret){SYSCALL_RET_SUCCESS_U32, {v, 0, 0}};
}

static inline struct command_ret command_success_2u32(uint32_t a, uint32_t b)
{
    return (struct command_ret){SYSCALL_RET_SUCCESS_2U32, {a, b, 0}};
}

static inline struct command_ret command_success_3u32(uint32_t a, uint32_t b, uint32_t c)
{
    return (struct command_ret){SYSCALL_RET_SUCCESS_3U32, {a, b, c}};
}

static inline struct command_ret command_success_u64(uint64_t v)
{
    return (struct command_ret){SYSCALL_RET_SUCCESS_U64, {(uint32_t)v, (uint32_t)(v >> 32), 0}};
}

static inline struct command_ret command_success_u32_u64(uint32_t a, uint64_t b)
{
    return (struct command_ret){SYSCALL_RET_SUCCESS_U32_U64, {a, (uint32_t)b, (uint32_t)(b >> 32)}};
}

static inline struct command_ret command_failure(os_err_t err)
{
    return (struct command_ret){SYSCALL_RET_FAILURE, {(uint32_t)err, 0, 0}};
}

static inline struct command_ret command_failure_u32(os_err_t err, uint32_t v)
{
    return (struct command_ret){SYSCALL_RET_FAILURE_U32, {(uint32_t)err, v, 0}};
}

/* Success if err is OS_OK, else Failure(err). */
static inline struct command_ret command_from_err(os_err_t err)
{
    return err == OS_OK ? command_success() : command_failure(err);
}
