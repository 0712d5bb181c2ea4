/* SPDX-License-Identifier: Apache-2.0 */
/* The one thing each board's own code provides to boards/common/platform.c. */
#pragma once

#include "os/board/platform.h"

/* Initialise the board's chip (chip_init) and fill in p's board_name, chip,
 * console_tx/rx/config and alarm. Called once by board_platform_init(). */
void board_chip_setup(struct board_platform *p);
