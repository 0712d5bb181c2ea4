/* SPDX-License-Identifier: Apache-2.0 */
/* elf2tbf helpers: error messages, whole-file I/O, a growable byte buffer, LE stores. */
#include "util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The largest file elf2tbf reads: far above any app, small enough for 32-bit offsets. */
#define MAX_FILE_SIZE (256u * 1024u * 1024u)

static void vreport(FILE *f, const char *kind, const char *fmt, va_list ap)
{
    fprintf(f, "elf2tbf: %s", kind);
    vfprintf(f, fmt, ap);
    fputc('\n', f);
}

void util_error(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vreport(stderr, "error: ", fmt, ap);
    va_end(ap);
}

void util_warn(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vreport(stderr, "warning: ", fmt, ap);
    va_end(ap);
}

void util_verbose(bool verbose, const char *fmt, ...)
{
    va_list ap;

    if (!verbose) {
        return;
    }
    va_start(ap, fmt);
    vreport(stdout, "", fmt, ap);
    va_end(ap);
}

void *util_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size);

    if (p == NULL) {
        util_error("out of memory");
        exit(1);
    }
    return p;
}

bool util_read_file(const char *path, uint8_t **data, size_t *size)
{
    FILE *f = fopen(path, "rb");
    struct util_buf b = {0};
    uint8_t chunk[65536];
    size_t n;

    if (f == NULL) {
        util_error("cannot open '%s': %s", path, strerror(errno));
        return false;
    }
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0 && b.len <= MAX_FILE_SIZE) {
        util_buf_append(&b, chunk, n);
    }
    if (ferror(f) || b.len > MAX_FILE_SIZE) {
        util_error(ferror(f) ? "cannot read '%s'" : "'%s' is too large", path);
        fclose(f);
        util_buf_free(&b);
        return false;
    }
    fclose(f);
    *data = b.data != NULL ? b.data : util_xcalloc(1, 1);
    *size = b.len;
    return true;
}

bool util_write_file(const char *path, const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    bool ok;

    if (f == NULL) {
        util_error("cannot create '%s': %s", path, strerror(errno));
        return false;
    }
    ok = fwrite(data, 1, size, f) == size;
    ok = fclose(f) == 0 && ok;
    if (!ok) {
        util_error("cannot write '%s': %s", path, strerror(errno));
        remove(path);
    }
    return ok;
}

void util_buf_append(struct util_buf *b, const void *src, size_t n)
{
    if (n == 0) {
        return;
    }
    if (n > b->cap - b->len) {
        size_t cap = b->cap == 0 ? 4096 : b->cap;
        uint8_t *p;

        while (cap - b->len < n) {
            cap *= 2;
        }
        p = realloc(b->data, cap);
        if (p == NULL) {
            util_error("out of memory");
            exit(1);
        }
        b->data = p;
        b->cap = cap;
    }
    if (src != NULL) {
        memcpy(b->data + b->len, src, n);
    } else {
        memset(b->data + b->len, 0, n);
    }
    b->len += n;
}

void util_buf_free(struct util_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

void util_put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

void util_put32(uint8_t *p, uint32_t v)
{
    util_put16(p, (uint16_t)v);
    util_put16(p + 2, (uint16_t)(v >> 16));
}

uint64_t util_align_up(uint64_t v, uint64_t align)
{
    return (v + align - 1) & ~(align - 1);
}

bool util_parse_u32(const char *s, uint32_t max, uint32_t *out)
{
    unsigned long long v;
    char *end;
    int base = 10;

    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        s += 2;
    }
    if (*s < '0' || *s > '9') {
        if (base != 16 || !((*s >= 'a' && *s <= 'f') || (*s >= 'A' && *s <= 'F'))) {
            return false;
        }
    }
    errno = 0;
    v = strtoull(s, &end, base);
    if (errno != 0 || *end != '\0' || v > max) {
        return false;
    }
    *out = (uint32_t)v;
    return true;
}
