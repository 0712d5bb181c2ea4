/* SPDX-License-Identifier: Apache-2.0 */
/* Buttons (driver 3), asynchronous: a typed callback on press and release.
 *
 * One callback per process serves every button; it runs inside a yield.
 * On a board whose buttons cannot interrupt, button_watch() returns
 * RETURNCODE_ENOSUPPORT and button_pressed() is the only way to see them.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

/* Button index was pressed (pressed = true) or released. */
typedef void (*button_changed_t)(uint32_t index, bool pressed, void *userdata);

/* Number of buttons (0 without any, or without the driver). */
uint32_t button_count(void);

/* Whether button index is pressed now (false on error). */
bool button_pressed(uint32_t index);

/* Call changed on each press and release of button index, from now on.
 * Replaces the callback of every watched button. Returns 0 or a negative
 * return code (EINVAL bad index, ENOSUPPORT no interrupt, ENOMEM ...). */
int button_watch(uint32_t index, button_changed_t changed, void *userdata);

/* Stop watching button index. Returns 0 or a negative return code. */
int button_unwatch(uint32_t index);
