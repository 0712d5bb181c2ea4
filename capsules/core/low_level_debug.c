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
 * Lines go through the kernel debug writer; when its buffer is full a line
 * is dropped and counted there (reported as "[debug: N messages dropped]"),
 * instead of Tock's per-process 4-entry queue.
 */
#include "low_level_debug.h"

enum { CMD_EXISTS = 0, CMD_ALERT = 1, CMD_PRINT1 = 2, CMD_PRINT2 = 3 };

static struct command_ret lld_command(struct syscall_driver *drv, uint32_t cmd, uint32_t arg0,
                                      uint32_t arg1, process_id_t pid)
{
    (void)drv;
    switch (cmd) {
    case CMD_EXISTS:
        return command_success();
    case CMD_ALERT:
        debug_printf("LowLevelDebug: App 0x%lx alert code 0x%lx\n", (unsigned long)pid,
                     (unsigned long)arg0);
        return command_success();
    case CMD_PRINT1:
        debug_printf("LowLevelDebug: App 0x%lx prints 0x%lx\n", (unsigned long)pid,
                     (unsigned long)arg0);
        return command_success();
    case CMD_PRINT2:
        debug_printf("LowLevelDebug: App 0x%lx prints 0x%lx 0x%lx\n", (unsigned long)pid,
                     (unsigned long)arg0, (unsigned long)arg1);
        return command_success();
    default:
        return command_failure(OS_ENOSUPPORT);
    }
}

static const struct syscall_driver_ops lld_ops = {
    .command = lld_command,
    .allocate_grant = NULL,
};

void low_level_debug_init(struct low_level_debug *lld)
{
    lld->driver.ops = &lld_ops;
}
