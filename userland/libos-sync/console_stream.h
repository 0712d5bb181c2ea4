/* SPDX-License-Identifier: Apache-2.0 */
/* The console as a picolibc stdio stream (stdin, stdout and stderr share one).
 *
 * Private to libos-sync. picolibc calls the put/get/flush functions from inside printf,
 * where on Cortex-M r9 is not the GOT base (picolibc is not PIC), so they are glue code:
 * they reach their state only through the FILE pointer they are given.
 */
#pragma once

#include <stdint.h>
#include <stdio.h>

#define CONSOLE_STREAM_BUFFER_SIZE 128

/* A FILE with a line buffer; file must stay the first member. */
struct console_stream {
    FILE file;                               /* picolibc stream (put/get/flush) */
    uint32_t length;                         /* bytes waiting in buffer */
    char buffer[CONSOLE_STREAM_BUFFER_SIZE]; /* output collected until '\n' or full */
};

/* picolibc put: buffer c; write the buffer out at '\n' or when full. Returns c, or EOF
 * if the console refused the write (the buffered bytes are dropped). */
int console_stream_put(char c, FILE *file);

/* picolibc get: block for one byte from the console. Returns it, or _FDEV_ERR. */
int console_stream_get(FILE *file);

/* picolibc flush: write out whatever is buffered. Returns 0 or EOF. */
int console_stream_flush(FILE *file);
