/* SPDX-License-Identifier: Apache-2.0 */
/* Kernel side of deferred calls: what the main loop uses. */
#pragma once

#include <stdbool.h>
#include <stdint.h>

/* Whether any deferred call is pending. */
bool deferred_call_has_pending(void);

/* Run one pending deferred call, if any: the first pending slot after the
 * one run last (round robin, so none can starve another). Returns true if a
 * handler ran. Main loop only. */
bool deferred_call_service_one(void);

/* Number of registered deferred calls. */
unsigned deferred_call_count(void);

/* Forget every registration (host unit tests only). */
void deferred_call_reset_for_test(void);
