/* SPDX-License-Identifier: Apache-2.0 */
/* The capsule prelude: everything a capsule may use from the kernel.
 *
 * Capsules are compiled with an include path that holds only this header,
 * the HILs (os/hil/) and the ABI (os/abi/); kernel-private, platform and
 * board headers are not found. A link-time allow-list (tools/allow/
 * capsules.txt) rejects any other kernel symbol.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "os/abi/driver_num.h"
#include "os/abi/errorcode.h"
#include "os/compiler.h"
#include "os/debug.h"
#include "os/deferred_call.h"
#include "os/err.h"
#include "os/grant.h"
#include "os/syscall_driver.h"
