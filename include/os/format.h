/* SPDX-License-Identifier: Apache-2.0 */
/* Formatting into a buffer, for capsules that print (the process console).
 *
 * The kernel's own formatter: %d %i %u %x %X %o %p %s %c %%, flags '-' and
 * '0', a width (digits or '*'), a precision for %s, and the hh/h/l/ll/z/t
 * length modifiers. No floating point.
 */
#pragma once

#include <stdarg.h>
#include <stddef.h>

#include "os/compiler.h"

/* Like vsnprintf: at most size-1 characters plus a NUL into buf (nothing
 * if size is 0); returns the untruncated length. Any context. */
size_t os_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

/* snprintf over os_vsnprintf(). */
OS_PRINTF(3, 4) size_t os_snprintf(char *buf, size_t size, const char *fmt, ...);
