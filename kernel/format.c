/* SPDX-License-Identifier: Apache-2.0 */
/* printf-style formatter used by the debug writer, early output and panic. */
#include "kernel/format.h"
#include "os/format.h"

#include <stdbool.h>
#include <stdint.h>

/* One conversion specification, as parsed from the format string. */
struct spec {
    bool left;     /* '-' flag: pad on the right */
    bool zero;     /* '0' flag: pad numbers with zeros */
    int width;     /* minimum field width */
    int precision; /* for %s: maximum characters; -1 if none */
    int length;    /* 0 int, 1 long, 2 long long, 3 size_t/ptrdiff_t */
};

/* The sink plus a running count. */
struct out {
    format_sink_fn sink;
    void *ctx;
    size_t count;
};

static void put(struct out *o, char c)
{
    o->sink(o->ctx, c);
    o->count++;
}

static void pad(struct out *o, char c, int n)
{
    while (n-- > 0) {
        put(o, c);
    }
}

/* Emit a string field of len characters with padding per sp. */
static void emit_field(struct out *o, const char *s, int len, const struct spec *sp)
{
    if (!sp->left) {
        pad(o, ' ', sp->width - len);
    }
    for (int i = 0; i < len; i++) {
        put(o, s[i]);
    }
    if (sp->left) {
        pad(o, ' ', sp->width - len);
    }
}

/* Emit an unsigned magnitude in base with an optional '-' sign. */
static void emit_number(struct out *o, unsigned long long v, unsigned base, bool upper,
                        bool negative, const struct spec *sp)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[24];
    int n = 0;
    int len;

    do {
        tmp[n++] = digits[v % base];
        v /= base;
    } while (v != 0);
    len = n + (negative ? 1 : 0);
    if (sp->zero && !sp->left) {
        if (negative) {
            put(o, '-');
        }
        pad(o, '0', sp->width - len);
    } else {
        if (!sp->left) {
            pad(o, ' ', sp->width - len);
        }
        if (negative) {
            put(o, '-');
        }
    }
    while (n > 0) {
        put(o, tmp[--n]);
    }
    if (sp->left) {
        pad(o, ' ', sp->width - len);
    }
}

static unsigned long long fetch_unsigned(va_list *ap, int length)
{
    switch (length) {
    case 1:
        return va_arg(*ap, unsigned long);
    case 2:
        return va_arg(*ap, unsigned long long);
    case 3:
        return va_arg(*ap, size_t);
    default:
        return va_arg(*ap, unsigned int);
    }
}

static long long fetch_signed(va_list *ap, int length)
{
    switch (length) {
    case 1:
        return va_arg(*ap, long);
    case 2:
        return va_arg(*ap, long long);
    case 3:
        return (long long)va_arg(*ap, ptrdiff_t);
    default:
        return va_arg(*ap, int);
    }
}

/* Parse flags, width, precision and length after '%'; returns the pointer
 * to the conversion character. */
static const char *parse_spec(const char *f, struct spec *sp, va_list *ap)
{
    *sp = (struct spec){.precision = -1};
    for (;; f++) {
        if (*f == '-') {
            sp->left = true;
        } else if (*f == '0') {
            sp->zero = true;
        } else {
            break;
        }
    }
    if (*f == '*') {
        sp->width = va_arg(*ap, int);
        if (sp->width < 0) {
            sp->left = true;
            sp->width = -sp->width;
        }
        f++;
    }
    while (*f >= '0' && *f <= '9') {
        sp->width = sp->width * 10 + (*f++ - '0');
    }
    if (*f == '.') {
        f++;
        sp->precision = 0;
        if (*f == '*') {
            sp->precision = va_arg(*ap, int);
            f++;
        }
        while (*f >= '0' && *f <= '9') {
            sp->precision = sp->precision * 10 + (*f++ - '0');
        }
    }
    for (;; f++) {
        if (*f == 'l') {
            sp->length++;
        } else if (*f == 'z' || *f == 't') {
            sp->length = 3;
        } else if (*f != 'h') {
            break;
        }
    }
    if (sp->length > 3) {
        sp->length = 2;
    }
    return f;
}

static void emit_string(struct out *o, const char *s, const struct spec *sp)
{
    int len = 0;

    if (s == NULL) {
        s = "(null)";
    }
    while (s[len] != '\0' && (sp->precision < 0 || len < sp->precision)) {
        len++;
    }
    emit_field(o, s, len, sp);
}

/* Handle one conversion character c; returns false if it is unknown. */
static bool convert(struct out *o, char c, struct spec *sp, va_list *ap)
{
    long long sv;
    char ch;

    switch (c) {
    case 'd':
    case 'i':
        sv = fetch_signed(ap, sp->length);
        emit_number(o, sv < 0 ? 0ULL - (unsigned long long)sv : (unsigned long long)sv, 10, false,
                    sv < 0, sp);
        return true;
    case 'u':
        emit_number(o, fetch_unsigned(ap, sp->length), 10, false, false, sp);
        return true;
    case 'x':
    case 'X':
        emit_number(o, fetch_unsigned(ap, sp->length), 16, c == 'X', false, sp);
        return true;
    case 'o':
        emit_number(o, fetch_unsigned(ap, sp->length), 8, false, false, sp);
        return true;
    case 'p':
        put(o, '0');
        put(o, 'x');
        sp->zero = true;
        sp->width = (int)(2 * sizeof(void *));
        emit_number(o, (uintptr_t)va_arg(*ap, void *), 16, false, false, sp);
        return true;
    case 's':
        emit_string(o, va_arg(*ap, const char *), sp);
        return true;
    case 'c':
        ch = (char)va_arg(*ap, int);
        emit_field(o, &ch, 1, sp);
        return true;
    case '%':
        put(o, '%');
        return true;
    default:
        return false;
    }
}

size_t format_vprintf(format_sink_fn sink, void *ctx, const char *fmt, va_list ap)
{
    struct out o = {.sink = sink, .ctx = ctx, .count = 0};
    struct spec sp;
    va_list args;

    va_copy(args, ap);
    while (*fmt != '\0') {
        const char *start = fmt;

        if (*fmt != '%') {
            put(&o, *fmt++);
            continue;
        }
        fmt = parse_spec(fmt + 1, &sp, &args);
        if (*fmt == '\0' || !convert(&o, *fmt, &sp, &args)) {
            /* Unknown or truncated conversion: copy it through as text. */
            while (start != fmt && *start != '\0') {
                put(&o, *start++);
            }
            if (*fmt == '\0') {
                break;
            }
            put(&o, *fmt);
        }
        fmt++;
    }
    va_end(args);
    return o.count;
}

/* Sink state for format_vsnprintf. */
struct buffer_sink {
    char *buf;
    size_t size;
    size_t used;
};

static void buffer_put(void *ctx, char c)
{
    struct buffer_sink *b = ctx;

    if (b->used + 1 < b->size) {
        b->buf[b->used++] = c;
    }
}

size_t format_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct buffer_sink b = {.buf = buf, .size = size, .used = 0};
    size_t n = format_vprintf(buffer_put, &b, fmt, ap);

    if (size != 0) {
        buf[b.used] = '\0';
    }
    return n;
}

size_t format_snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    size_t n;

    va_start(ap, fmt);
    n = format_vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

/* The capsule-facing names (os/format.h) are the same functions. */
size_t os_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
    __attribute__((alias("format_vsnprintf")));
size_t os_snprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((alias("format_snprintf")));
