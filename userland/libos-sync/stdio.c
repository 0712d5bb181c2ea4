/* SPDX-License-Identifier: Apache-2.0 */
/* picolibc stdio glue: the standard streams, printf family and exit().
 *
 * stdin, stdout and stderr are one console stream (console_stream.c). printf, vprintf,
 * puts, putchar and getchar are defined here rather than taken from picolibc because
 * picolibc's versions read the `stdout` pointer through an absolute address, which a
 * position-independent Cortex-M app cannot provide; these wrappers hand the stream to
 * picolibc's vfprintf/fputs/fputc directly and flush at the end of every call.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "console_stream.h"
#include "libos/process.h"

static struct console_stream console = {
    .file = FDEV_SETUP_STREAM(console_stream_put, console_stream_get, console_stream_flush,
                              _FDEV_SETUP_RW),
};

FILE *const stdin = &console.file;
FILE *const stdout = &console.file;
FILE *const stderr = &console.file;

int vprintf(const char *format, va_list args)
{
    int n = vfprintf(&console.file, format, args);

    (void)console_stream_flush(&console.file);
    return n;
}

int printf(const char *format, ...)
{
    va_list args;
    int n;

    va_start(args, format);
    n = vprintf(format, args);
    va_end(args);
    return n;
}

int puts(const char *text)
{
    int rc = fputs(text, &console.file);

    if (rc >= 0) {
        rc = fputc('\n', &console.file);
    }
    (void)console_stream_flush(&console.file);
    return rc < 0 ? EOF : 0;
}

#undef putchar
int putchar(int c)
{
    return fputc(c, &console.file);
}

#undef getchar
int getchar(void)
{
    return fgetc(&console.file);
}

void exit(int code)
{
    (void)console_stream_flush(&console.file);
    process_exit((uint32_t)code);
}
