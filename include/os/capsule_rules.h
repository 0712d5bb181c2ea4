/* SPDX-License-Identifier: Apache-2.0 */
/* Force-included into every capsule translation unit (-include).
 *
 * First pulls in the only system headers capsules may use, so their internals
 * are expanded before the poison; then forbids inline assembly and dynamic
 * allocation. A later use of a poisoned name, including from any header a
 * capsule manages to include, is a compile error.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#pragma GCC poison asm __asm__ __asm malloc calloc realloc free
