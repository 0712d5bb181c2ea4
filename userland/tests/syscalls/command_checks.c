/* SPDX-License-Identifier: Apache-2.0 */
/* Command and subscribe checks (syscalls.md 6, 7; drivers.md 0, 3, 7). */
#include <stdbool.h>
#include <stddef.h>

#include "check.h"
#include "libos/driver.h"
#include "libos/memop.h"
#include "libos/returncode.h"
#include "libos/syscall.h"
#include "os/abi/driver_num.h"
#include "syscalls_test.h"

/* The conversions of returncode.h against hand-made results (the BADRVAL rule). */
static bool returncode_rules_hold(void)
{
    struct syscall_return success = {SYSCALL_RET_SUCCESS, {0, 0, 0}};
    struct syscall_return success_u32 = {SYSCALL_RET_SUCCESS_U32, {7, 0, 0}};
    struct syscall_return failure = {SYSCALL_RET_FAILURE, {OS_EINVAL, 0, 0}};
    struct syscall_return failure_2u32 = {SYSCALL_RET_FAILURE_2U32, {OS_EBUSY, 0, 0}};
    struct syscall_return bogus = {77, {0, 0, 0}};
    uint32_t value = 0;

    return returncode_from_novalue(success) == 0 &&
           returncode_from_novalue(failure) == RETURNCODE_EINVAL &&
           returncode_from_novalue(success_u32) == RETURNCODE_EBADRVAL &&
           returncode_from_novalue(failure_2u32) == RETURNCODE_EBADRVAL &&
           returncode_from_novalue(bogus) == RETURNCODE_EBADRVAL &&
           returncode_from_u32(success_u32, &value) == 0 && value == 7 &&
           returncode_from_u32(success, &value) == RETURNCODE_EBADRVAL &&
           returncode_from_swap(failure_2u32, NULL, NULL) == RETURNCODE_EBUSY &&
           syscall_decode(failure_2u32).error == OS_EBUSY && !syscall_decode(bogus).known;
}

void command_checks(void)
{
    struct syscall_return ret;

    check_failure("command to missing driver", syscall_command(TEST_MISSING_DRIVER, 0, 0, 0),
                  SYSCALL_RET_FAILURE, OS_ENODEVICE, 0, 0);
    check_failure("command to missing driver, other number",
                  syscall_command(TEST_MISSING_DRIVER, 5, 1, 2), SYSCALL_RET_FAILURE, OS_ENODEVICE,
                  0, 0);
    check("driver_exists low-level debug", NULL, driver_exists(DRIVER_NUM_LOW_LEVEL_DEBUG),
          "(command 0 failed)");
    check("driver_exists console", NULL, driver_exists(DRIVER_NUM_CONSOLE), "(command 0 failed)");
    check("driver_exists missing driver", "false", !driver_exists(TEST_MISSING_DRIVER),
          "(a missing driver answered command 0)");
    ret = syscall_command(DRIVER_NUM_LOW_LEVEL_DEBUG, 0, 0xAAAA, 0xBBBB);
    check_success("command low-level debug exists", ret, SYSCALL_RET_SUCCESS, 0, 0);
    check("command success keeps r1-r3", NULL,
          ret.data[0] == 0 && ret.data[1] == 0xAAAA && ret.data[2] == 0xBBBB,
          "(r1=0x%lx r2=0x%lx r3=0x%lx)", (unsigned long)ret.data[0], (unsigned long)ret.data[1],
          (unsigned long)ret.data[2]);
    check_success("command low-level debug print",
                  syscall_command(DRIVER_NUM_LOW_LEVEL_DEBUG, 2, 0x5CA1AB1E, 0),
                  SYSCALL_RET_SUCCESS, 0, 0);
    check_success("command low-level debug print two",
                  syscall_command(DRIVER_NUM_LOW_LEVEL_DEBUG, 3, 0x1234, 0x5678),
                  SYSCALL_RET_SUCCESS, 0, 0);
    check_failure("command unknown number", syscall_command(DRIVER_NUM_LOW_LEVEL_DEBUG, 99, 0, 0),
                  SYSCALL_RET_FAILURE, OS_ENOSUPPORT, 0, 0);
    check_success("command console exists", syscall_command(DRIVER_NUM_CONSOLE, 0, 0, 0),
                  SYSCALL_RET_SUCCESS, 0, 0);
    check("returncode conversions (BADRVAL rule)", NULL, returncode_rules_hold(),
          "(a conversion disagrees with syscalls.md section 3)");
}

/* Subscribe pointer validation: the 4 bytes at the pointer must be the process's. */
static void subscribe_pointer_checks(void)
{
    uint32_t flash_start = (uint32_t)(uintptr_t)memop_flash_start();
    uint32_t flash_end = (uint32_t)(uintptr_t)memop_flash_end();

    check_failure("subscribe bad pointer", syscall_subscribe_raw(DRIVER_NUM_CONSOLE, 2, 0x10, 0x55),
                  SYSCALL_RET_FAILURE_2U32, OS_EINVAL, 0x10, 0x55);
    check_failure("subscribe kernel flash pointer",
                  syscall_subscribe_raw(DRIVER_NUM_CONSOLE, 2, TEST_KERNEL_FLASH | 1u, 0x56),
                  SYSCALL_RET_FAILURE_2U32, OS_EINVAL, TEST_KERNEL_FLASH | 1u, 0x56);
    check_failure("subscribe pointer into tbf header",
                  syscall_subscribe_raw(DRIVER_NUM_CONSOLE, 2, flash_start + 1, 0x57),
                  SYSCALL_RET_FAILURE_2U32, OS_EINVAL, flash_start + 1, 0x57);
    check_failure("subscribe pointer across flash end",
                  syscall_subscribe_raw(DRIVER_NUM_CONSOLE, 2, flash_end - 2, 0x58),
                  SYSCALL_RET_FAILURE_2U32, OS_EINVAL, flash_end - 2, 0x58);
    check_failure("subscribe kernel ram pointer",
                  syscall_subscribe_raw(DRIVER_NUM_CONSOLE, 2, TEST_KERNEL_RAM, 0x59),
                  SYSCALL_RET_FAILURE_2U32, OS_EINVAL, TEST_KERNEL_RAM, 0x59);
}

void subscribe_checks(void)
{
    static uint32_t ram_code[2];
    uint32_t fn_a = (uint32_t)(uintptr_t)test_upcall_record;
    uint32_t fn_b = (uint32_t)(uintptr_t)test_upcall_other;
    uint32_t fn_ram = (uint32_t)(uintptr_t)ram_code;

    subscribe_pointer_checks();
    check_failure("subscribe missing driver",
                  syscall_subscribe_raw(TEST_MISSING_DRIVER, 0, fn_a, 0x77),
                  SYSCALL_RET_FAILURE_2U32, OS_ENODEVICE, fn_a, 0x77);
    check_failure("subscribe number out of range",
                  syscall_subscribe_raw(DRIVER_NUM_CONSOLE, 3, fn_a, 0x78),
                  SYSCALL_RET_FAILURE_2U32, OS_ENOSUPPORT, fn_a, 0x78);
    check_success("subscribe first returns null",
                  syscall_subscribe_raw(DRIVER_NUM_CONSOLE, 2, fn_a, 0x1111),
                  SYSCALL_RET_SUCCESS_2U32, 0, 0);
    check_success("subscribe returns previous",
                  syscall_subscribe_raw(DRIVER_NUM_CONSOLE, 2, fn_b, 0x2222),
                  SYSCALL_RET_SUCCESS_2U32, fn_a, 0x1111);
    (void)syscall_subscribe_raw(DRIVER_NUM_CONSOLE, 2, 0x10, 0x3333);
    check_success("subscribe failure leaves slot",
                  syscall_subscribe_raw(DRIVER_NUM_CONSOLE, 2, fn_ram, 0x4444),
                  SYSCALL_RET_SUCCESS_2U32, fn_b, 0x2222);
    check_success("subscribe null returns previous (ram pointer accepted)",
                  syscall_subscribe_raw(DRIVER_NUM_CONSOLE, 2, 0, 0), SYSCALL_RET_SUCCESS_2U32,
                  fn_ram, 0x4444);
    check_failure("subscribe to driver without upcalls",
                  syscall_subscribe_raw(DRIVER_NUM_LOW_LEVEL_DEBUG, 0, 0, 0),
                  SYSCALL_RET_FAILURE_2U32, OS_ENOSUPPORT, 0, 0);
}
