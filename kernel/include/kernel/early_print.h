/* SPDX-License-Identifier: Apache-2.0 */
/* Kernel-private form of early_printf() taking a va_list. */
#pragma once

#include <stdarg.h>
#include <stddef.h>

/* Format synchronously through chip_early_write(); '\n' becomes "\r\n".
 * Returns the number of characters of the formatted message. Any context. */
size_t early_vprintf(const char *fmt, va_list ap);
