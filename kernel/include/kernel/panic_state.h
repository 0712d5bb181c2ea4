/* SPDX-License-Identifier: Apache-2.0 */
/* Kernel-private panic state access. */
#pragma once

/* Forget that a panic happened (host unit tests only). */
void panic_reset_for_test(void);
