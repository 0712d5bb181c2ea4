/* SPDX-License-Identifier: Apache-2.0 */
/* System-call dispatch: decode, route by class, write the return.
 *
 * Register conventions and return variants are Tock 2.x's
 * (shared/spec/syscalls.md). Registers a return variant does not define keep
 * the values the process passed.
 */
#include "kernel/process_internal.h"
#include "kernel/profile.h"
#include "os/abi/syscall.h"

bool syscall_set_return(struct kernel *k, struct process *p, const uint32_t *values, unsigned count)
{
    if (arch_user_set_return(&p->ctx, values, count, p->mem_start, p->app_break) != OS_OK) {
        process_fault(k, p, "stack pointer outside its RAM at a system-call return");
        return false;
    }
    return true;
}

/* Yield-NoWait: deliver one pending function call, or continue at once.
 * ReturnValue tasks alone do not count (they are for Yield-WaitFor); this
 * deliberately differs from Tock's blocking quirk (doc/abi.md). */
static void yield_no_wait(struct kernel *k, struct process *p, uint32_t flag_addr)
{
    bool pending = process_task_has_call(p);

    if (flag_addr != 0 && process_in_ram(p, flag_addr, 1)) {
        /* SAFETY: the byte lies inside the process's accessible RAM. */
        *(volatile uint8_t *)(uintptr_t)flag_addr = pending ? 1 : 0;
    }
    if (pending) {
        struct process_task t;

        (void)process_task_take_call(p, &t);
        struct arch_upcall u = {.fn = t.fn, .args = {t.args[0], t.args[1], t.args[2], t.args[3]}};
        if (arch_user_set_upcall(&p->ctx, &u, p->mem_start, p->app_break) != OS_OK) {
            process_fault(k, p, "stack pointer outside its RAM at upcall delivery");
            return;
        }
        p->stats.upcalls_delivered++;
    }
}

static void yield(struct kernel *k, struct process *p, const uint32_t *args)
{
    switch (args[0]) {
    case SYSCALL_YIELD_NO_WAIT:
        yield_no_wait(k, p, args[1]);
        break;
    case SYSCALL_YIELD_WAIT:
        p->state = PROCESS_YIELDED;
        break;
    case SYSCALL_YIELD_WAIT_FOR:
        p->wait_driver = args[1];
        p->wait_subscribe = args[2];
        p->state = PROCESS_YIELDED_FOR;
        break;
    default:
        /* Tock 2.2 and TRD104: an unknown yield variant returns at once. */
        break;
    }
}

static void command(struct kernel *k, struct process *p, const uint32_t *args)
{
    struct syscall_driver *drv = k->res->driver_lookup(args[0]);
    struct command_ret r;
    uint32_t values[4];
    unsigned count;

    if (drv == NULL) {
        r = command_failure(OS_ENODEVICE);
    } else {
        r = drv->ops->command(drv, args[1], args[2], args[3], p->id);
    }
    values[0] = r.variant;
    values[1] = r.values[0];
    values[2] = r.values[1];
    values[3] = r.values[2];
    switch (r.variant) {
    case SYSCALL_RET_SUCCESS:
        count = 1;
        break;
    case SYSCALL_RET_FAILURE:
    case SYSCALL_RET_SUCCESS_U32:
        count = 2;
        break;
    case SYSCALL_RET_FAILURE_U32:
    case SYSCALL_RET_SUCCESS_2U32:
    case SYSCALL_RET_SUCCESS_U64:
        count = 3;
        break;
    default:
        count = 4;
        break;
    }
    (void)syscall_set_return(k, p, values, count);
}

static void exit_call(struct kernel *k, struct process *p, const uint32_t *args)
{
    uint32_t values[2] = {SYSCALL_RET_FAILURE, OS_ENOSUPPORT};

    switch (args[0]) {
    case SYSCALL_EXIT_TERMINATE:
        process_terminate(k, p, true, args[1]);
        break;
    case SYSCALL_EXIT_RESTART:
        p->has_completion_code = true;
        p->completion_code = args[1];
        process_restart(k, p);
        break;
    default:
        (void)syscall_set_return(k, p, values, 2);
        break;
    }
}

/* Classes whose handlers produce a return in values/count. */
static void simple_class(struct kernel *k, struct process *p, const struct arch_syscall *sc)
{
    uint32_t values[4];
    unsigned count = 0;

    switch (sc->class_num) {
    case SYSCALL_SUBSCRIBE:
        syscall_subscribe(k, p, sc->args, values, &count);
        break;
    case SYSCALL_MEMOP:
        syscall_memop(p, sc->args[0], sc->args[1], values, &count);
        break;
    default:
        syscall_allow(k, p, sc->class_num, sc->args, values, &count);
        break;
    }
    (void)syscall_set_return(k, p, values, count);
}

void syscall_handle(struct kernel *k, struct process *p)
{
    struct arch_syscall sc;

    if (arch_user_get_syscall(&p->ctx, &sc, p->mem_start, p->app_break) != OS_OK) {
        process_fault(k, p, "system call with the stack pointer outside its RAM");
        return;
    }
    p->stats.syscalls++;
    p->stats.last_syscall = sc.class_num;
    p->stats.last_syscall_args[0] = sc.args[0];
    p->stats.last_syscall_args[1] = sc.args[1];
    PROFILE_SYSCALL(p, sc.class_num, arch_user_stack_pointer(&p->ctx));
    switch (sc.class_num) {
    case SYSCALL_YIELD:
        yield(k, p, sc.args);
        break;
    case SYSCALL_COMMAND:
        command(k, p, sc.args);
        break;
    case SYSCALL_EXIT:
        exit_call(k, p, sc.args);
        break;
    case SYSCALL_SUBSCRIBE:
    case SYSCALL_MEMOP:
    case SYSCALL_ALLOW_RW:
    case SYSCALL_ALLOW_RO:
    case SYSCALL_ALLOW_USERSPACE_READABLE:
        simple_class(k, p, &sc);
        break;
    default:
        /* Not a system call: a fault, as in Tock (no error return). */
        process_fault(k, p, "invalid system call class");
        break;
    }
}
