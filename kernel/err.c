/* SPDX-License-Identifier: Apache-2.0 */
/* Names of error codes, for diagnostics. */
#include "os/err.h"

const char *os_err_name(os_err_t err)
{
    switch (err) {
    case OS_OK:
        return "SUCCESS";
    case OS_EFAIL:
        return "FAIL";
    case OS_EBUSY:
        return "BUSY";
    case OS_EALREADY:
        return "ALREADY";
    case OS_EOFF:
        return "OFF";
    case OS_ERESERVE:
        return "RESERVE";
    case OS_EINVAL:
        return "INVAL";
    case OS_ESIZE:
        return "SIZE";
    case OS_ECANCEL:
        return "CANCEL";
    case OS_ENOMEM:
        return "NOMEM";
    case OS_ENOSUPPORT:
        return "NOSUPPORT";
    case OS_ENODEVICE:
        return "NODEVICE";
    case OS_EUNINSTALLED:
        return "UNINSTALLED";
    case OS_ENOACK:
        return "NOACK";
    case OS_EBADRVAL:
        return "BADRVAL";
    }
    return "?";
}
