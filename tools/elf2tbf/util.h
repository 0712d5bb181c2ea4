/* SPDX-License-Identifier: Apache-2.0 */
/* elf2tbf helpers: error messages, whole-file I/O, a growable byte buffer, LE stores. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A growable byte buffer. Zero-initialise it; util_buf_free() releases it. */
struct util_buf {
    uint8_t *data;
    size_t len;
    size_t cap;
};

/* Print "elf2tbf: error: <message>" to stderr. */
void util_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print "elf2tbf: warning: <message>" to stderr. */
void util_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print "elf2tbf: <message>" to stdout when verbose is set. */
void util_verbose(bool verbose, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Read all of path into a new heap block (*data, *size; free() it). Reports errors itself and
 * returns false on failure. An empty file gives a 1-byte block and *size = 0. */
bool util_read_file(const char *path, uint8_t **data, size_t *size);

/* Write size bytes to path (created or truncated). Reports errors; returns false on failure. */
bool util_write_file(const char *path, const uint8_t *data, size_t size);

/* calloc() that exits with a message when memory runs out. */
void *util_xcalloc(size_t n, size_t size);

/* Append n bytes (or n zero bytes if src is NULL) to b. */
void util_buf_append(struct util_buf *b, const void *src, size_t n);

/* Release b's storage and reset it to empty. */
void util_buf_free(struct util_buf *b);

/* Little-endian stores. */
void util_put16(uint8_t *p, uint16_t v);
void util_put32(uint8_t *p, uint32_t v);

/* Round v up to a multiple of align (a power of two). v must not overflow; callers bound it. */
uint64_t util_align_up(uint64_t v, uint64_t align);

/* Parse an unsigned number: decimal or 0x-prefixed hex, no sign, no trailing characters,
 * at most max. Returns false if s is not such a number. */
bool util_parse_u32(const char *s, uint32_t max, uint32_t *out);
