/* SPDX-License-Identifier: Apache-2.0 */
/* Driver presence check. */
#include "libos/driver.h"

#include "libos/syscall.h"

bool driver_exists(uint32_t driver)
{
    return syscall_command(driver, 0, 0, 0).variant >= SYSCALL_RET_SUCCESS;
}
