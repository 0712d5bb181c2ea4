/* SPDX-License-Identifier: Apache-2.0 */
/* Blocking button wait: enable, Yield-WaitFor the button's event, disable. */
#include "libos-sync/button_sync.h"

#include "libos/syscall.h"
#include "libos/syscalls/button_syscalls.h"
#include "os/abi/driver_num.h"

int button_sync_wait(uint32_t index, bool *pressed)
{
    struct syscall_yield_result ev;
    int rc = button_syscalls_enable_interrupt(index);

    if (rc != 0) {
        return rc;
    }
    do {
        ev = syscall_yield_wait_for(DRIVER_NUM_BUTTON, BUTTON_SUBSCRIBE_CHANGED);
    } while (ev.data[0] != index);
    *pressed = ev.data[1] != 0;
    return button_syscalls_disable_interrupt(index);
}
