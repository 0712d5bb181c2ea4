/* SPDX-License-Identifier: Apache-2.0 */
/* Printable names for return codes. */
#include "libos/returncode.h"

static const char *const error_names[] = {
    "SUCCESS", "FAIL",   "BUSY",  "ALREADY",   "OFF",      "RESERVE",     "INVAL",
    "SIZE",    "CANCEL", "NOMEM", "NOSUPPORT", "NODEVICE", "UNINSTALLED", "NOACK",
};

const char *returncode_name(int returncode)
{
    if (returncode == RETURNCODE_EBADRVAL) {
        return "BADRVAL";
    }
    if (returncode > 0 || -returncode >= (int)(sizeof(error_names) / sizeof(error_names[0]))) {
        return "UNKNOWN";
    }
    return error_names[-returncode];
}
