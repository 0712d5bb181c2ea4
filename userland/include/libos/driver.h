/* SPDX-License-Identifier: Apache-2.0 */
/* Driver presence check (libtock-c's driver_exists). */
#pragma once

#include <stdbool.h>
#include <stdint.h>

/* True if command(driver, 0, 0, 0) answers with any success variant (r0 >= 128), the
 * rule libtock-c applies. Command 0 has no side effects by convention. */
bool driver_exists(uint32_t driver);
