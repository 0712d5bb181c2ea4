/* SPDX-License-Identifier: Apache-2.0 */
/* Alarm capsule: a one-shot alarm per process, multiplexed on one alarm.
 *
 * Userspace ABI (driver 0x0, DRIVER_NUM_ALARM), as Tock's:
 *   Ticks: the HIL counter is 32 bits wide, so the "left-justified" tick
 *     values of the ABI are the counter itself (shift 0) and wrap at 2^32;
 *     the frequency is the counter's, unscaled.
 *   command 0: exists -> Success.
 *   command 1: frequency -> Success(u32 ticks per second).
 *   command 2: now -> Success(u32 current tick count).
 *   command 3: stop -> Success, and this process's armed alarm is disarmed
 *     (no upcall follows; one already queued stays queued); Failure(ALREADY)
 *     if it has none armed (never armed, stopped, or already fired).
 *   command 4: obsolete absolute alarm -> Failure(NOSUPPORT).
 *   command 5 (arg0 = dt): arm for now + dt, replacing any armed alarm ->
 *     Success(u32 expiration = now + dt).
 *   command 6 (arg0 = reference, arg1 = dt): arm for reference + dt,
 *     replacing any armed alarm -> Success(u32 expiration = reference + dt).
 *     If now is not in [reference, reference + dt) (modular), including a
 *     reference in the future and dt = 0, the alarm fires at once.
 *   Commands 3, 5 and 6 need the process's grant: no room -> NOMEM.
 *   other commands -> NOSUPPORT.
 *   Subscribe 0: fired -> upcall (now at firing, expiration, 0), once per
 *     arm; the alarm is disarmed when it fires (one-shot). "Fired" means
 *     now - reference >= dt, so the upcall never comes early, and the
 *     expiration argument is always outside [reference, reference + dt).
 *   No allows (0 RO, 0 RW slots); 1 upcall slot.
 */
#include "alarm.h"

enum {
    CMD_EXISTS = 0,
    CMD_FREQUENCY = 1,
    CMD_NOW = 2,
    CMD_STOP = 3,
    CMD_OBSOLETE_ABSOLUTE = 4,
    CMD_SET_RELATIVE = 5,
    CMD_SET_ABSOLUTE = 6,
};
enum { UPCALL_FIRED = 0 };

/* A stop or arm request, carried into the caller's grant. */
struct request {
    uint32_t cmd;             /* CMD_STOP, or one of the two sets */
    ticks_t reference;        /* sets: start of the interval */
    ticks_t dt;               /* sets: its length */
    struct command_ret reply; /* what the command returns */
};

/* The earliest armed process alarm, found by find_earliest(). */
struct earliest {
    ticks_t now;       /* the time "ticks left" are counted from */
    bool found;        /* some process has an alarm armed */
    ticks_t left;      /* ticks from now until its expiry (0: expired) */
    ticks_t reference; /* its interval: start */
    ticks_t dt;        /* and length */
};

/* Ticks from now until app's alarm expires, 0 once expired; relative to its
 * own reference, so correct across the counter wrap. */
static ticks_t ticks_left(const struct alarm_driver_app *app, ticks_t now)
{
    ticks_t elapsed = now - app->reference;

    return elapsed >= app->dt ? 0 : app->dt - elapsed;
}

static void find_earliest(void *data, struct grant_kernel *kg, void *ctx)
{
    const struct alarm_driver_app *app = data;
    struct earliest *e = ctx;
    ticks_t left = app->armed ? ticks_left(app, e->now) : 0;

    (void)kg;
    if (app->armed && (!e->found || left < e->left)) {
        e->found = true;
        e->left = left;
        e->reference = app->reference;
        e->dt = app->dt;
    }
}

/* Arm the alarm for the earliest process expiry, or disarm it. */
static void rearm(struct alarm_driver *drv)
{
    struct earliest e = {.now = hil_alarm_now(drv->alarm)};

    grant_each(drv->apps, find_earliest, &e);
    if (e.found) {
        /* An expired interval makes the alarm fire as soon as possible. */
        hil_alarm_set(drv->alarm, e.reference, e.dt);
    } else if (hil_alarm_is_armed(drv->alarm) && hil_alarm_disarm(drv->alarm) != OS_OK) {
        /* The HIL defines OS_OK as the only result; nothing to undo. */
    }
}

static void fire_expired(void *data, struct grant_kernel *kg, void *ctx)
{
    struct alarm_driver_app *app = data;
    ticks_t now = *(const ticks_t *)ctx;

    if (!app->armed || ticks_left(app, now) != 0) {
        return;
    }
    app->armed = false;
    if (grant_schedule_upcall(kg, UPCALL_FIRED, now, app->reference + app->dt, 0) != OS_OK) {
        /* Queue full or process not taking upcalls: the kernel counted the
         * drop; the alarm is spent either way, as in Tock. */
    }
}

static void alarm_driver_fired(struct hil_alarm_client *client)
{
    struct alarm_driver *drv = container_of(client, struct alarm_driver, client);
    ticks_t now = hil_alarm_now(drv->alarm);

    grant_each(drv->apps, fire_expired, &now);
    rearm(drv);
}

static void apply_request(void *data, struct grant_kernel *kg, void *ctx)
{
    struct alarm_driver_app *app = data;
    struct request *r = ctx;

    (void)kg;
    if (r->cmd == CMD_STOP) {
        r->reply = app->armed ? command_success() : command_failure(OS_EALREADY);
        app->armed = false;
        return;
    }
    *app = (struct alarm_driver_app){.armed = true, .reference = r->reference, .dt = r->dt};
    r->reply = command_success_u32(r->reference + r->dt);
}

/* Stop or arm the caller's alarm, then re-arm for the earliest expiry. */
static struct command_ret change_alarm(struct alarm_driver *drv, struct request *r,
                                       process_id_t pid)
{
    if (grant_enter(drv->apps, pid, apply_request, r) != OS_OK) {
        return command_failure(OS_ENOMEM);
    }
    if (r->reply.variant != SYSCALL_RET_FAILURE) {
        rearm(drv);
    }
    return r->reply;
}

static struct command_ret alarm_driver_command(struct syscall_driver *d, uint32_t cmd,
                                               uint32_t arg0, uint32_t arg1, process_id_t pid)
{
    struct alarm_driver *drv = container_of(d, struct alarm_driver, driver);
    struct request r = {.cmd = cmd, .reference = arg0, .dt = arg1};

    switch (cmd) {
    case CMD_EXISTS:
        return command_success();
    case CMD_FREQUENCY:
        return command_success_u32(hil_alarm_frequency(drv->alarm));
    case CMD_NOW:
        return command_success_u32(hil_alarm_now(drv->alarm));
    case CMD_STOP:
    case CMD_SET_ABSOLUTE:
        return change_alarm(drv, &r, pid);
    case CMD_SET_RELATIVE:
        r.reference = hil_alarm_now(drv->alarm);
        r.dt = arg0;
        return change_alarm(drv, &r, pid);
    case CMD_OBSOLETE_ABSOLUTE:
    default:
        return command_failure(OS_ENOSUPPORT);
    }
}

static const struct syscall_driver_ops alarm_driver_ops = {
    .command = alarm_driver_command,
};

void alarm_driver_init(struct alarm_driver *drv, struct hil_alarm *alarm, struct grant *apps)
{
    *drv = (struct alarm_driver){.alarm = alarm, .apps = apps};
    drv->driver.ops = &alarm_driver_ops;
    drv->client.alarm_fired = alarm_driver_fired;
    hil_alarm_set_client(alarm, &drv->client);
}
