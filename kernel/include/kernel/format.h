/* SPDX-License-Identifier: Apache-2.0 */
/* printf-style formatting into a caller-supplied character sink. */
#pragma once

#include <stdarg.h>
#include <stddef.h>

#include "os/compiler.h"

/* Receives the formatted output one character at a time. */
typedef void (*format_sink_fn)(void *ctx, char c);

/* Format fmt with ap into sink. Supported: %d %i %u %x %X %o %p %s %c %%,
 * flags '-' and '0', a field width (digits or '*'), a precision for %s
 * ('.N' or '.*'), and the hh/h/l/ll/z/t length modifiers. An unknown
 * conversion is copied through literally. A NULL %s prints "(null)".
 * Returns the number of characters produced. Reentrant; no allocation. */
size_t format_vprintf(format_sink_fn sink, void *ctx, const char *fmt, va_list ap);

/* Like vsnprintf: writes at most size-1 characters plus a NUL into buf
 * (nothing if size is 0) and returns the untruncated length. */
size_t format_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

/* snprintf over format_vsnprintf(). */
OS_PRINTF(3, 4) size_t format_snprintf(char *buf, size_t size, const char *fmt, ...);
