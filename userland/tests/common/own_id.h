/* SPDX-License-Identifier: Apache-2.0 */
/* A test app's own process identifier, found through process info (0x10002). */
#pragma once

#include <stdint.h>

/* The identifier of the process whose package name is name (the caller's
 * APP_NAME), or 0 if none of the first 8 processes has it. Leaves process
 * info's RW allow 0 pointing at a buffer of its own: allow again after. */
uint32_t test_own_process_id(const char *name);
