/* SPDX-License-Identifier: Apache-2.0 */
/* Synchronous formatted output through the chip's polled console path. */
#include "kernel/early_print.h"

#include "kernel/format.h"
#include "os/platform/chip.h"
#include "os/platform/panic.h"

/* Characters are batched so chip_early_write() is not called per byte. */
struct early_sink {
    char buf[32];
    size_t used;
};

static void early_put(void *ctx, char c)
{
    struct early_sink *s = ctx;

    if (c == '\n') {
        early_put(ctx, '\r');
    }
    s->buf[s->used++] = c;
    if (s->used == sizeof(s->buf)) {
        chip_early_write(s->buf, s->used);
        s->used = 0;
    }
}

size_t early_vprintf(const char *fmt, va_list ap)
{
    struct early_sink s = {.used = 0};
    size_t n = format_vprintf(early_put, &s, fmt, ap);

    if (s.used != 0) {
        chip_early_write(s.buf, s.used);
    }
    return n;
}

int early_printf(const char *fmt, ...)
{
    va_list ap;
    size_t n;

    va_start(ap, fmt);
    n = early_vprintf(fmt, ap);
    va_end(ap);
    return (int)n;
}
