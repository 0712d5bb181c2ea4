/* SPDX-License-Identifier: Apache-2.0 */
/* Compiler attributes and small helper macros used across the tree. */
#pragma once

#include <stddef.h>

/* The result must be used: ignoring an os_err_t is a warning, an error in CI. */
#define OS_MUST_CHECK __attribute__((warn_unused_result))
/* The function does not return. */
#define OS_NORETURN __attribute__((noreturn))
/* printf-style format checking; fmt is argument f, varargs start at a. */
#define OS_PRINTF(f, a) __attribute__((format(printf, f, a)))
/* Intentionally unused symbol or parameter. */
#define OS_UNUSED __attribute__((unused))

/* Recover the enclosing object from a pointer to one of its members. */
#define container_of(ptr, type, member) ((type *)(void *)((char *)(ptr)-offsetof(type, member)))

/* Number of elements of a true array. */
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
