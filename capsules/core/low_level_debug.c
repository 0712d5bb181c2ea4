/* SPDX-License-Identifier: Apache-2.0 */
/* Low-level debug capsule: print a code or values for a process.
 *
 * Userspace ABI (driver 0x8, DRIVER_NUM_LOW_LEVEL_DEBUG), as Tock's:
 *   command 0: exists -> Success.
 *   command 1 (arg0 = alert code) -> Success; prints
 *     "LowLevelDebug: App 0xN alert code 0xC" (N = process identifier).
 *   command 2 (arg0 = value) -> Success; "LowLevelDebug: App 0xN prints 0xV".
 *   command 3 (arg0, arg1) -> Success; "... prints 0xV1 0xV2".
 *   other commands -> NOSUPPORT. No allows, no upcalls.
 *   Subscribe and allow: NOSUPPORT (the driver has no slots).
 * Lines go through the kernel debug writer instead of Tock's per-process
 * 4-entry queue. When its buffer is full a line is dropped, counted per
 * process, and the next line that fits is preceded by
 * "LowLevelDebug: Dropped 0xK entries for app 0xN".
 */
#include "low_level_debug.h"

enum { CMD_EXISTS = 0, CMD_ALERT = 1, CMD_PRINT1 = 2, CMD_PRINT2 = 3 };

/* One command's line, printed with the process's grant entered. */
struct line {
    uint32_t cmd;
    uint32_t arg0;
    uint32_t arg1;
};

static size_t print_line(unsigned long pid, const struct line *l)
{
    switch (l->cmd) {
    case CMD_ALERT:
        return debug_printf("LowLevelDebug: App 0x%lx alert code 0x%lx\n", pid,
                            (unsigned long)l->arg0);
    case CMD_PRINT1:
        return debug_printf("LowLevelDebug: App 0x%lx prints 0x%lx\n", pid, (unsigned long)l->arg0);
    default:
        return debug_printf("LowLevelDebug: App 0x%lx prints 0x%lx 0x%lx\n", pid,
                            (unsigned long)l->arg0, (unsigned long)l->arg1);
    }
}

static void print_for(void *data, struct grant_kernel *kg, void *ctx)
{
    struct low_level_debug_app *app = data;
    unsigned long pid = (unsigned long)grant_process_id(kg);

    if (app->dropped != 0 && debug_printf("LowLevelDebug: Dropped 0x%lx entries for app 0x%lx\n",
                                          (unsigned long)app->dropped, pid) != 0) {
        app->dropped = 0;
    }
    if (print_line(pid, ctx) == 0) {
        app->dropped++;
    }
}

static struct command_ret lld_command(struct syscall_driver *drv, uint32_t cmd, uint32_t arg0,
                                      uint32_t arg1, process_id_t pid)
{
    struct low_level_debug *lld = container_of(drv, struct low_level_debug, driver);
    struct line l = {.cmd = cmd, .arg0 = arg0, .arg1 = arg1};

    switch (cmd) {
    case CMD_EXISTS:
        return command_success();
    case CMD_ALERT:
    case CMD_PRINT1:
    case CMD_PRINT2:
        if (grant_enter(lld->apps, pid, print_for, &l) != OS_OK) {
            /* No room for the grant: print without drop accounting. */
            (void)print_line((unsigned long)pid, &l);
        }
        return command_success();
    default:
        return command_failure(OS_ENOSUPPORT);
    }
}

static const struct syscall_driver_ops lld_ops = {
    .command = lld_command,
};

void low_level_debug_init(struct low_level_debug *lld, struct grant *apps)
{
    lld->driver.ops = &lld_ops;
    lld->apps = apps;
}
