/* SPDX-License-Identifier: Apache-2.0 */
/* Blocking wait for a button (driver 3). */
#pragma once

#include <stdbool.h>
#include <stdint.h>

/* Wait until button index is pressed or released; *pressed says which.
 * Enables the button's events, waits with Yield-WaitFor (no callback runs;
 * a subscribed async callback is left in place), then disables them again.
 * Returns 0 or a negative return code (RETURNCODE_ENOSUPPORT on a board
 * whose buttons cannot interrupt: the wait would never end). */
int button_sync_wait(uint32_t index, bool *pressed);
