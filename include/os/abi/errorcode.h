/* SPDX-License-Identifier: Apache-2.0 */
/* Error codes shared by kernel, HILs and userspace (Tock's ErrorCode values).
 *
 * These numbers cross the syscall boundary unchanged: r1/a1 of a failure
 * return and the status argument of many upcalls carry them. OS_OK (0) is only
 * ever a status code, never the error of a failure return.
 */
#pragma once

typedef enum os_err {
    OS_OK = 0,            /* success (status-code contexts only) */
    OS_EFAIL = 1,         /* generic failure */
    OS_EBUSY = 2,         /* busy; an earlier request's callback is coming */
    OS_EALREADY = 3,      /* requested state already in effect */
    OS_EOFF = 4,          /* component powered off / not active */
    OS_ERESERVE = 5,      /* a prerequisite (e.g. a buffer) is not set up */
    OS_EINVAL = 6,        /* invalid argument */
    OS_ESIZE = 7,         /* size too large or too small */
    OS_ECANCEL = 8,       /* operation cancelled */
    OS_ENOMEM = 9,        /* memory (grant, queue, buffer) unavailable */
    OS_ENOSUPPORT = 10,   /* operation or number not supported */
    OS_ENODEVICE = 11,    /* driver not present / not available */
    OS_EUNINSTALLED = 12, /* device removed */
    OS_ENOACK = 13,       /* transmission not acknowledged */
    OS_EBADRVAL = 1024,   /* userspace only: unexpected return variant */
} os_err_t;
