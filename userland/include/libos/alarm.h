/* SPDX-License-Identifier: Apache-2.0 */
/* Alarm (driver 0), asynchronous: one-shot timer with a callback.
 *
 * Times are the driver's left-justified 32-bit ticks (drivers.md section 2); arithmetic
 * on them wraps at 2^32. The callback runs inside a yield.
 */
#pragma once

#include <stdint.h>

/* Alarm fired: now = time at firing, expiration = reference + dt of the armed alarm. */
typedef void (*alarm_fired_t)(uint32_t now, uint32_t expiration, void *userdata);

/* Tick frequency in Hz (0 on error). */
uint32_t alarm_frequency(void);

/* Current time in ticks (0 on error). */
uint32_t alarm_now(void);

/* Ticks in ms milliseconds at hz, rounded up so an alarm never fires early. */
uint32_t alarm_ticks_from_ms(uint32_t ms, uint32_t hz);

/* Arm the alarm for reference + dt (replacing an armed one). Returns 0 and later calls
 * fired once, or a negative return code (no callback). */
int alarm_at(uint32_t reference, uint32_t dt, alarm_fired_t fired, void *userdata);

/* Disarm: no callback follows. RETURNCODE_EALREADY if nothing was armed. */
int alarm_cancel(void);
