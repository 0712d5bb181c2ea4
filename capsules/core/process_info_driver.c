/* SPDX-License-Identifier: Apache-2.0 */
/* Process-info capsule: processes, names, states and counters for apps.
 *
 * Userspace ABI (driver 0x10002, DRIVER_NUM_PROCESS_INFO), as Tock's
 * (testing and education only):
 *   command 0: exists -> Success.
 *   command 1: -> Success(u32) number of processes (occupied slots).
 *   command 2: fill RW allow 0 with the identifiers (u32 LE) of all
 *     processes, as many as fit -> Success(u32) total count.
 *   command 3: the same with ShortIds (0 = locally unique) -> Success(u32).
 *   command 4 (arg0 = identifier): copy the package name, truncated to fit,
 *     into RW allow 0 -> Success(u32) full name length; no such process ->
 *     Failure(INVAL).
 *   command 5 (arg0 = identifier): write four u32 LE into RW allow 0:
 *     timeslice expirations, syscall count, restart count, state (0 Running,
 *     1 Yielded, 2 YieldedFor, 3 Stopped, 4 Faulted, 5 Terminated)
 *     -> Success; no such process -> Failure(INVAL).
 *   command 6 (arg0 = identifier, arg1 = action: 1 resume, 2 stop, 3 fault,
 *     4 terminate, 5 boot): -> Success; no such process or an action that
 *     does not apply -> Failure(INVAL). A board that did not give this
 *     driver its process-management capability answers Failure(NOSUPPORT):
 *     the driver is read-only there.
 *   command 7 (arg0 = identifier), Bulkhead: write four u32 LE into RW
 *     allow 0: scheduling priority (TBF value or slot), MLFQ level, EDF
 *     budget throttles, EDF deadline misses (doc/scheduling.md) -> Success;
 *     no such process -> Failure(INVAL).
 *   command 8 (arg0 = identifier), Bulkhead: the process's profile as u32
 *     LE into RW allow 0, as far as it holds (doc/profiling.md): CPU ticks
 *     (low, high word), syscalls by class 0..7, upcalls delivered, upcalls
 *     dropped, timeslice expirations, restarts, faults, lowest stack
 *     pointer, grant bytes, app break, heap hint (memop 11)
 *     -> Success(u32) words (19); no such process -> Failure(INVAL).
 *   command 9, Bulkhead: the kernel's profile as u32 LE: clock Hz, uptime,
 *     idle, kernel and process ticks (each low, high word), interrupt
 *     services, deferred calls, sleeps, debug messages dropped
 *     -> Success(u32) words (13).
 *   other commands -> NOSUPPORT. No upcalls. RW allow 0 = info buffer.
 */
#include "process_info_driver.h"

#include "os/process_info.h"

enum {
    CMD_EXISTS,
    CMD_COUNT,
    CMD_IDS,
    CMD_SHORT_IDS,
    CMD_NAME,
    CMD_STATS,
    CMD_CONTROL,
    CMD_SCHED,
    CMD_PROFILE,
    CMD_KERNEL_PROFILE,
};
enum { ALLOW_INFO = 0 };

/* What a grant callback works on. */
struct request {
    uint32_t cmd;
    uint32_t arg0;
    struct command_ret ret;
};

static void put_u32(struct grant_kernel *kg, size_t offset, uint32_t v)
{
    uint8_t b[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};

    (void)process_buffer_rw_write(kg, ALLOW_INFO, offset, b, sizeof(b));
}

static void list(struct grant_kernel *kg, struct request *r)
{
    uint32_t n = process_info_count();
    struct process_info info;

    for (uint32_t i = 0; i < n && process_info_by_index(i, &info); i++) {
        put_u32(kg, 4 * (size_t)i, r->cmd == CMD_IDS ? info.id : info.short_id);
    }
    r->ret = command_success_u32(n);
}

static void describe(struct grant_kernel *kg, struct request *r)
{
    struct process_info info;

    if (!process_info_by_id(r->arg0, &info)) {
        r->ret = command_failure(OS_EINVAL);
        return;
    }
    if (r->cmd == CMD_NAME) {
        (void)process_buffer_rw_write(kg, ALLOW_INFO, 0, info.name, info.name_len);
        r->ret = command_success_u32(info.name_len);
        return;
    }
    if (r->cmd == CMD_SCHED) {
        put_u32(kg, 0, info.priority);
        put_u32(kg, 4, info.sched_level);
        put_u32(kg, 8, info.sched_throttles);
        put_u32(kg, 12, info.sched_misses);
    } else {
        put_u32(kg, 0, info.timeslice_expirations);
        put_u32(kg, 4, info.syscalls);
        put_u32(kg, 8, info.restarts);
        put_u32(kg, 12, info.state);
    }
    r->ret = command_success();
}

/* Write n words to the info buffer; Success(n). */
static void put_words(struct grant_kernel *kg, struct request *r, const uint32_t *w, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        put_u32(kg, 4 * (size_t)i, w[i]);
    }
    r->ret = command_success_u32(n);
}

static void profile(struct grant_kernel *kg, struct request *r)
{
    struct process_info info;
    struct process_info_detail d;

    if (!process_info_by_id(r->arg0, &info) || !process_info_detail(r->arg0, &d)) {
        r->ret = command_failure(OS_EINVAL);
        return;
    }
    uint32_t w[19] = {(uint32_t)d.cpu_ticks, (uint32_t)(d.cpu_ticks >> 32)};

    for (unsigned c = 0; c < 8; c++) {
        w[2 + c] = d.syscalls_by_class[c];
    }
    w[10] = d.upcalls_delivered;
    w[11] = info.upcalls_dropped;
    w[12] = info.timeslice_expirations;
    w[13] = info.restarts;
    w[14] = d.faults;
    w[15] = d.lowest_sp;
    w[16] = d.grant_bytes;
    w[17] = d.app_break;
    w[18] = d.heap_hint;
    put_words(kg, r, w, 19);
}

static void kernel_profile(struct grant_kernel *kg, struct request *r)
{
    struct process_info_kernel k;

    process_info_kernel(&k);
    const uint32_t w[13] = {
        k.clock_hz,
        (uint32_t)k.uptime_ticks,
        (uint32_t)(k.uptime_ticks >> 32),
        (uint32_t)k.idle_ticks,
        (uint32_t)(k.idle_ticks >> 32),
        (uint32_t)k.kernel_ticks,
        (uint32_t)(k.kernel_ticks >> 32),
        (uint32_t)k.process_ticks,
        (uint32_t)(k.process_ticks >> 32),
        k.interrupt_services,
        k.deferred_calls_run,
        k.sleeps,
        k.debug_dropped,
    };

    put_words(kg, r, w, 13);
}

static void serve(void *data, struct grant_kernel *kg, void *ctx)
{
    struct request *r = ctx;

    (void)data;
    if (r->cmd == CMD_IDS || r->cmd == CMD_SHORT_IDS) {
        list(kg, r);
    } else if (r->cmd == CMD_PROFILE) {
        profile(kg, r);
    } else if (r->cmd == CMD_KERNEL_PROFILE) {
        kernel_profile(kg, r);
    } else {
        describe(kg, r);
    }
}

static struct command_ret pi_command(struct syscall_driver *drv, uint32_t cmd, uint32_t arg0,
                                     uint32_t arg1, process_id_t pid)
{
    struct process_info_driver *d = container_of(drv, struct process_info_driver, driver);
    struct request r = {.cmd = cmd, .arg0 = arg0, .ret = command_failure(OS_EFAIL)};

    switch (cmd) {
    case CMD_EXISTS:
        return command_success();
    case CMD_COUNT:
        return command_success_u32(process_info_count());
    case CMD_IDS:
    case CMD_SHORT_IDS:
    case CMD_NAME:
    case CMD_STATS:
    case CMD_SCHED:
    case CMD_PROFILE:
    case CMD_KERNEL_PROFILE:
        if (grant_enter(d->apps, pid, serve, &r) != OS_OK) {
            return command_failure(OS_ENOMEM);
        }
        return r.ret;
    case CMD_CONTROL:
        if (d->control == NULL) {
            return command_failure(OS_ENOSUPPORT);
        }
        return command_from_err(process_info_control(arg0, arg1, d->control));
    default:
        return command_failure(OS_ENOSUPPORT);
    }
}

static const struct syscall_driver_ops pi_ops = {
    .command = pi_command,
};

void process_info_driver_init(struct process_info_driver *d, struct grant *apps,
                              const struct cap_process_mgmt *control)
{
    d->driver.ops = &pi_ops;
    d->apps = apps;
    d->control = control;
}
