/* SPDX-License-Identifier: Apache-2.0 */
/* Return codes: system-call results folded into one int (libtock-c's returncode_t).
 *
 * A return code is 0 for success or the negated error code: -OS_EINVAL (-6) etc.
 * RETURNCODE_EBADRVAL (-1024) means the kernel answered with a variant the call does not
 * define. Each conversion accepts exactly one success variant and Failure (variant 0);
 * anything else is EBADRVAL (syscalls.md section 3, "libtock-c's decoding").
 */
#pragma once

#include <stdint.h>

#include "libos/syscall.h"

#define RETURNCODE_SUCCESS 0
#define RETURNCODE_EFAIL (-OS_EFAIL)
#define RETURNCODE_EBUSY (-OS_EBUSY)
#define RETURNCODE_EALREADY (-OS_EALREADY)
#define RETURNCODE_EOFF (-OS_EOFF)
#define RETURNCODE_ERESERVE (-OS_ERESERVE)
#define RETURNCODE_EINVAL (-OS_EINVAL)
#define RETURNCODE_ESIZE (-OS_ESIZE)
#define RETURNCODE_ECANCEL (-OS_ECANCEL)
#define RETURNCODE_ENOMEM (-OS_ENOMEM)
#define RETURNCODE_ENOSUPPORT (-OS_ENOSUPPORT)
#define RETURNCODE_ENODEVICE (-OS_ENODEVICE)
#define RETURNCODE_EUNINSTALLED (-OS_EUNINSTALLED)
#define RETURNCODE_ENOACK (-OS_ENOACK)
#define RETURNCODE_EBADRVAL (-OS_EBADRVAL)

/* Failure (0) -> -error; any other variant -> EBADRVAL. */
static inline int returncode_from_failure(struct syscall_return ret)
{
    if (ret.variant == SYSCALL_RET_FAILURE) {
        return -(int)ret.data[0];
    }
    return RETURNCODE_EBADRVAL;
}

/* Success (128) -> 0; Failure -> -error; else EBADRVAL. */
static inline int returncode_from_novalue(struct syscall_return ret)
{
    if (ret.variant == SYSCALL_RET_SUCCESS) {
        return RETURNCODE_SUCCESS;
    }
    return returncode_from_failure(ret);
}

/* Success with u32 (129) -> 0 and *value = data[0]; Failure -> -error; else EBADRVAL.
 * value may be NULL; it is written only on success. */
static inline int returncode_from_u32(struct syscall_return ret, uint32_t *value)
{
    if (ret.variant == SYSCALL_RET_SUCCESS_U32) {
        if (value != 0) {
            *value = ret.data[0];
        }
        return RETURNCODE_SUCCESS;
    }
    return returncode_from_failure(ret);
}

/* Success with 2 x u32 (130) -> 0 and both values; Failure -> -error; else EBADRVAL.
 * The pointers may be NULL; they are written only on success. */
static inline int returncode_from_2u32(struct syscall_return ret, uint32_t *value0,
                                       uint32_t *value1)
{
    if (ret.variant == SYSCALL_RET_SUCCESS_2U32) {
        if (value0 != 0) {
            *value0 = ret.data[0];
        }
        if (value1 != 0) {
            *value1 = ret.data[1];
        }
        return RETURNCODE_SUCCESS;
    }
    return returncode_from_failure(ret);
}

/* Success with 3 x u32 (132) -> 0 and the values in out[0..2]; Failure -> -error;
 * else EBADRVAL. out may be NULL; it is written only on success. */
static inline int returncode_from_3u32(struct syscall_return ret, uint32_t out[3])
{
    if (ret.variant == SYSCALL_RET_SUCCESS_3U32) {
        for (int i = 0; out != 0 && i < 3; i++) {
            out[i] = ret.data[i];
        }
        return RETURNCODE_SUCCESS;
    }
    return returncode_from_failure(ret);
}

/* Success with u64 (131) -> 0 and the value; Failure -> -error; else EBADRVAL. */
static inline int returncode_from_u64(struct syscall_return ret, uint64_t *value)
{
    if (ret.variant == SYSCALL_RET_SUCCESS_U64) {
        if (value != 0) {
            *value = ((uint64_t)ret.data[1] << 32) | ret.data[0];
        }
        return RETURNCODE_SUCCESS;
    }
    return returncode_from_failure(ret);
}

/* Success with u32 + u64 (133) -> 0 and the values; Failure -> -error; else EBADRVAL. */
static inline int returncode_from_u32_u64(struct syscall_return ret, uint32_t *value0,
                                          uint64_t *value1)
{
    if (ret.variant == SYSCALL_RET_SUCCESS_U32_U64) {
        if (value0 != 0) {
            *value0 = ret.data[0];
        }
        if (value1 != 0) {
            *value1 = ((uint64_t)ret.data[2] << 32) | ret.data[1];
        }
        return RETURNCODE_SUCCESS;
    }
    return returncode_from_failure(ret);
}

/* Subscribe and allow results: Success with 2 x u32 (130) -> 0 and the previous pair;
 * Failure with 2 x u32 (2, the defined failure) and Failure (0, what a syscall filter
 * returns) -> -error; anything else EBADRVAL. The pointers may be NULL. */
static inline int returncode_from_swap(struct syscall_return ret, uint32_t *previous0,
                                       uint32_t *previous1)
{
    if (ret.variant == SYSCALL_RET_FAILURE_2U32) {
        return -(int)ret.data[0];
    }
    return returncode_from_2u32(ret, previous0, previous1);
}

/* Upcall status code (0 = success, else an error code) -> return code. */
static inline int returncode_from_status(uint32_t status)
{
    return -(int)status;
}

/* Printable name of a return code: "SUCCESS", "INVAL", "BADRVAL", "UNKNOWN" ... */
const char *returncode_name(int returncode);
