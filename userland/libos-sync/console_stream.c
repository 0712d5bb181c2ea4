/* SPDX-License-Identifier: Apache-2.0 */
/* Console stdio stream callbacks. Glue code: state only through the FILE pointer. */
#include "console_stream.h"

#include "libos-sync/console_sync.h"

/* SAFETY of the casts below: every FILE picolibc hands us is the first member of a
 * struct console_stream (stdin/stdout/stderr are the only streams of this kind). */
static struct console_stream *stream_of(FILE *file)
{
    return (struct console_stream *)file;
}

static int drain(struct console_stream *stream)
{
    uint32_t length = stream->length;
    int rc = 0;

    stream->length = 0;
    if (length != 0) {
        rc = console_sync_write(stream->buffer, length);
    }
    return rc < 0 ? EOF : 0;
}

int console_stream_put(char c, FILE *file)
{
    struct console_stream *stream = stream_of(file);

    stream->buffer[stream->length++] = c;
    if (c == '\n' || stream->length == CONSOLE_STREAM_BUFFER_SIZE) {
        if (drain(stream) != 0) {
            return EOF;
        }
    }
    return (unsigned char)c;
}

int console_stream_get(FILE *file)
{
    unsigned char c = 0;

    (void)file;
    if (console_sync_read(&c, 1) != 1) {
        return _FDEV_ERR;
    }
    return c;
}

int console_stream_flush(FILE *file)
{
    return drain(stream_of(file));
}
