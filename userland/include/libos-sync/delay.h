/* SPDX-License-Identifier: Apache-2.0 */
/* Blocking delays on the alarm driver (0). */
#pragma once

#include <stdint.h>

/* Sleep at least ms milliseconds. Subscribes a real upcall and loops on Yield-Wait
 * (libtock-sync's alarm pattern), so other upcalls due meanwhile also run. Uses the
 * process's one alarm. Returns 0 or a negative return code (no alarm driver ...). */
int delay_ms(uint32_t ms);
