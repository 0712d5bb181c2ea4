/* SPDX-License-Identifier: Apache-2.0 */
/* os_err_t, the one error type of kernel, HILs and ABI, plus its helpers. */
#pragma once

#include "os/abi/errorcode.h"
#include "os/compiler.h"

/* Short upper-case name of an error code ("BUSY"), or "?" if unknown. */
const char *os_err_name(os_err_t err);
