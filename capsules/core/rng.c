/* SPDX-License-Identifier: Apache-2.0 */
/* RNG capsule: fills process buffers with bytes from an entropy source.
 *
 * Userspace ABI (driver 0x40001, DRIVER_NUM_RNG; drivers.md section 8):
 *   command 0: exists -> Success. (A board without an entropy source does
 *     not register the driver at all: every call is then NODEVICE.)
 *   command 1 (arg0 = N bytes): fill RW allow 0 with N random bytes ->
 *     Success; upcall 0 (0, bytes written, 0) when done. The count is
 *     capped at the length of RW allow 0, read as the bytes are written,
 *     so with no buffer allowed the request completes with 0 bytes.
 *     Bytes are the little-endian bytes of the source's 32-bit words.
 *     Requests of several processes are served in turn, one source request
 *     (at most the kernel buffer, 64 bytes on the standard kernel) at a
 *     time, round robin. A second command 1 while this process's request is
 *     pending -> Failure(BUSY). No grant room -> Failure(NOMEM).
 *     Tock quirk, kept for binary compatibility: N = 0 -> Success and no
 *     upcall ever (nothing is queued).
 *     If the source fails, the request completes early with the bytes
 *     written so far (the status argument stays 0, as in Tock).
 *   other commands -> NOSUPPORT.
 *   Allows: RW 0 = destination. Subscribes: 0 = fill done. No RO allows.
 */
#include "rng.h"

enum { CMD_EXISTS = 0, CMD_FILL = 1 };
enum { ALLOW_DESTINATION = 0 };
enum { UPCALL_DONE = 0 };

/* State passed into grant callbacks. */
struct visit {
    struct rng *rng;
    uint32_t arg;
    os_err_t result;
    size_t filled;      /* words delivered (entropy_done) */
    size_t want;        /* words the owner still needs (start) */
    process_id_t first; /* first pending process (round robin) */
    process_id_t after; /* first pending process after rng->last */
    bool seen_last;     /* rng->last was visited */
};

/* Report the owner's request as done with what was written so far. */
static void finish(struct rng_app *app, struct grant_kernel *kg)
{
    app->pending = false;
    if (grant_schedule_upcall(kg, UPCALL_DONE, 0, app->written, 0) != OS_OK) {
        /* Queue full: dropped and counted by the kernel; the request is over. */
    }
}

/* Bytes the app may still receive: its request, capped by its buffer. */
static uint32_t bytes_left(const struct rng_app *app, struct grant_kernel *kg)
{
    size_t cap = MIN((size_t)app->requested, process_buffer_rw_len(kg, ALLOW_DESTINATION));

    return cap > app->written ? (uint32_t)(cap - app->written) : 0;
}

/* grant_each visitor: pick the next pending process after rng->last. */
static void find_pending(void *data, struct grant_kernel *kg, void *ctx)
{
    struct rng_app *app = data;
    struct visit *v = ctx;
    process_id_t id = grant_process_id(kg);

    if (app->pending && v->first == 0) {
        v->first = id;
    }
    if (app->pending && v->seen_last && v->after == 0) {
        v->after = id;
    }
    if (id == v->rng->last) {
        v->seen_last = true;
    }
}

/* Work out how many words the chosen process needs; finish it if none. */
static void size_request(void *data, struct grant_kernel *kg, void *ctx)
{
    struct rng_app *app = data;
    struct visit *v = ctx;
    uint32_t left = bytes_left(app, kg);

    v->want = (left + 3u) / 4u;
    if (v->want == 0) {
        finish(app, kg);
    }
}

/* End the entered process's request early (the source failed). */
static void end_request(void *data, struct grant_kernel *kg, void *ctx)
{
    (void)ctx;
    finish(data, kg);
}

/* Start one source request for the pending process; false if none is left. */
static bool start_one(struct rng *rng)
{
    struct visit v = {.rng = rng};
    process_id_t id;

    grant_each(rng->apps, find_pending, &v);
    id = v.after != 0 ? v.after : v.first;
    if (id == 0) {
        return false;
    }
    rng->last = id;
    if (grant_enter(rng->apps, id, size_request, &v) != OS_OK || v.want == 0) {
        return true;
    }
    if (hil_entropy_get(rng->source, rng->words, MIN(v.want, rng->num_words)) == OS_OK) {
        rng->owner = id;
    } else {
        /* The source is gone: end this request with what it has. */
        if (grant_enter(rng->apps, id, end_request, &v) != OS_OK) {
            /* Exited meanwhile. */
        }
    }
    return true;
}

/* If no source request is in flight, serve the next pending process. */
static void start_next(struct rng *rng)
{
    while (rng->owner == 0 && start_one(rng)) {}
}

/* Copy the delivered words into the owner's buffer, little-endian. */
static void deliver_words(void *data, struct grant_kernel *kg, void *ctx)
{
    struct rng_app *app = data;
    struct visit *v = ctx;
    uint32_t left = bytes_left(app, kg);

    for (size_t i = 0; i < v->filled && left > 0; i++) {
        uint32_t w = v->rng->words[i];
        uint8_t bytes[4] = {(uint8_t)w, (uint8_t)(w >> 8), (uint8_t)(w >> 16), (uint8_t)(w >> 24)};
        size_t n = MIN(left, 4u);

        app->written +=
            (uint32_t)process_buffer_rw_write(kg, ALLOW_DESTINATION, app->written, bytes, n);
        left -= (uint32_t)n;
    }
    if (v->result != OS_OK || bytes_left(app, kg) == 0) {
        finish(app, kg);
    }
}

static void rng_entropy_done(struct hil_entropy_client *client, uint32_t *words, size_t filled,
                             os_err_t status)
{
    struct rng *rng = container_of(client, struct rng, client);
    struct visit v = {.rng = rng, .filled = filled, .result = status};
    process_id_t owner = rng->owner;

    (void)words;
    rng->owner = 0;
    if (grant_enter(rng->apps, owner, deliver_words, &v) != OS_OK) {
        /* The owner exited meanwhile; its words are dropped. */
    }
    start_next(rng);
}

static void begin_fill(void *data, struct grant_kernel *kg, void *ctx)
{
    struct rng_app *app = data;
    struct visit *v = ctx;

    (void)kg;
    if (app->pending) {
        v->result = OS_EBUSY;
        return;
    }
    v->result = OS_OK;
    if (v->arg == 0) {
        return; /* Tock quirk: Success, and no upcall ever. */
    }
    app->pending = true;
    app->requested = v->arg;
    app->written = 0;
}

static struct command_ret rng_command(struct syscall_driver *drv, uint32_t cmd, uint32_t arg0,
                                      uint32_t arg1, process_id_t pid)
{
    struct rng *rng = container_of(drv, struct rng, driver);
    struct visit v = {.rng = rng, .arg = arg0, .result = OS_EFAIL};

    (void)arg1;
    switch (cmd) {
    case CMD_EXISTS:
        return command_success();
    case CMD_FILL:
        if (grant_enter(rng->apps, pid, begin_fill, &v) != OS_OK) {
            return command_failure(OS_ENOMEM);
        }
        if (v.result == OS_OK) {
            start_next(rng);
        }
        return command_from_err(v.result);
    default:
        return command_failure(OS_ENOSUPPORT);
    }
}

static const struct syscall_driver_ops rng_ops = {
    .command = rng_command,
};

void rng_init(struct rng *rng, struct hil_entropy *source, struct grant *apps, uint32_t *words,
              size_t num_words)
{
    *rng = (struct rng){.source = source, .apps = apps, .words = words, .num_words = num_words};
    rng->driver.ops = &rng_ops;
    rng->client.entropy_done = rng_entropy_done;
    hil_entropy_set_client(source, &rng->client);
}
