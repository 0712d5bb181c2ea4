/* SPDX-License-Identifier: Apache-2.0 */
/* Return-variant decoding (syscalls.md section 3). */
#include "libos/syscall.h"

/* Number of values each variant carries after r0 (failures: after the error code). */
static uint32_t value_count(uint32_t variant)
{
    switch (variant) {
    case SYSCALL_RET_FAILURE:
    case SYSCALL_RET_SUCCESS:
        return 0;
    case SYSCALL_RET_FAILURE_U32:
    case SYSCALL_RET_SUCCESS_U32:
        return 1;
    case SYSCALL_RET_FAILURE_2U32:
    case SYSCALL_RET_FAILURE_U64:
    case SYSCALL_RET_SUCCESS_2U32:
    case SYSCALL_RET_SUCCESS_U64:
        return 2;
    default:
        return 3;
    }
}

struct syscall_result syscall_decode(struct syscall_return ret)
{
    struct syscall_result res = {.variant = ret.variant};
    bool failure = syscall_is_failure(ret);

    res.success = syscall_is_success(ret);
    res.known = failure || res.success;
    if (!res.known) {
        return res;
    }
    res.count = value_count(ret.variant);
    if (failure) {
        res.error = ret.data[0];
        res.value[0] = ret.data[1];
        res.value[1] = ret.data[2];
        return res;
    }
    for (uint32_t i = 0; i < res.count; i++) {
        res.value[i] = ret.data[i];
    }
    return res;
}
