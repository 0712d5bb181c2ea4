/* SPDX-License-Identifier: Apache-2.0 */
/* gpio: the LED (2), button (3) and GPIO (4) drivers, every command and error.
 *
 * Prints "gpio: board has <l> LEDs, <b> buttons, <p> GPIO pins", then one
 * "<check>: ok" / "<check>: <LABEL> ok" line per check (the per-index checks
 * only for what the board has), "gpio: LEDs left as 0=on 1=off ..." and
 * "gpio: N passed, M failed"; exit 0 if all passed. A missing driver gives
 * "<driver>: skipped (no driver N)". Button interrupts print their result
 * as the label ("button 0 interrupt: NOSUPPORT ok" on a board whose buttons
 * cannot interrupt, "SUCCESS ok" otherwise).
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "libos/driver.h"
#include "libos/returncode.h"
#include "libos/syscall.h"
#include "libos/syscalls/button_syscalls.h"
#include "libos/syscalls/gpio_syscalls.h"
#include "libos/syscalls/led_syscalls.h"
#include "os/abi/driver_num.h"

/* "<prefix> <n><suffix>" into buf (snprintf touches picolibc globals, which
 * Cortex-M apps cannot use). Returns buf. */
static const char *name_of(char *buf, const char *prefix, uint32_t n, const char *suffix)
{
    char digits[10];
    size_t len = strlen(prefix);
    size_t k = 0;

    memcpy(buf, prefix, len);
    buf[len++] = ' ';
    do {
        digits[k++] = (char)('0' + n % 10u);
        n /= 10u;
    } while (n != 0);
    while (k != 0) {
        buf[len++] = digits[--k];
    }
    memcpy(buf + len, suffix, strlen(suffix) + 1);
    return buf;
}

/* Command that must fail with err (variant Failure). */
static void expect_failure(const char *name, uint32_t drv, uint32_t cmd, uint32_t a0, uint32_t a1,
                           os_err_t err)
{
    (void)check_failure(name, syscall_command(drv, cmd, a0, a1), SYSCALL_RET_FAILURE, err, 0, 0);
}

/* a followed by b into buf. */
static void join(char *buf, const char *a, const char *b)
{
    size_t len = strlen(a);

    memcpy(buf, a, len);
    memcpy(buf + len, b, strlen(b) + 1);
}

/* Subscribe/allow checks shared by the drivers. */
static void slot_checks(const char *drv_name, uint32_t drv, bool has_grant)
{
    char name[48];
    struct syscall_return ret = syscall_subscribe(drv, 0, NULL, NULL);

    join(name, drv_name, " subscribe");
    if (has_grant) {
        (void)check_success(name, ret, SYSCALL_RET_SUCCESS_2U32, CHECK_ANY, CHECK_ANY);
        join(name, drv_name, " subscribe out of range");
        (void)check_failure(name, syscall_subscribe(drv, 1, NULL, NULL), SYSCALL_RET_FAILURE_2U32,
                            OS_ENOSUPPORT, CHECK_ANY, CHECK_ANY);
        join(name, drv_name, " allow ro");
        (void)check_failure(name, syscall_allow_ro(drv, 0, 0, 0), SYSCALL_RET_FAILURE_2U32,
                            OS_ENOSUPPORT, CHECK_ANY, CHECK_ANY);
        return;
    }
    (void)check_failure(name, ret, SYSCALL_RET_FAILURE_2U32, OS_ENOMEM, CHECK_ANY, CHECK_ANY);
    join(name, drv_name, " allow ro");
    (void)check_failure(name, syscall_allow_ro(drv, 0, 0, 0), SYSCALL_RET_FAILURE_2U32, OS_ENOMEM,
                        CHECK_ANY, CHECK_ANY);
}

static void one_led(uint32_t i)
{
    char name[32];
    uint32_t on = 2;

    (void)name_of(name, "led", i, " on");
    check(name, NULL, led_syscalls_on(i) == 0 && led_syscalls_read(i, &on) == 0 && on == 1,
          "(reads %lu)", (unsigned long)on);
    (void)name_of(name, "led", i, " off");
    check(name, NULL, led_syscalls_off(i) == 0 && led_syscalls_read(i, &on) == 0 && on == 0,
          "(reads %lu)", (unsigned long)on);
    (void)name_of(name, "led", i, " toggle");
    check(name, NULL,
          led_syscalls_toggle(i) == 0 && led_syscalls_read(i, &on) == 0 && on == 1 &&
              led_syscalls_toggle(i) == 0 && led_syscalls_read(i, &on) == 0 && on == 0,
          "(reads %lu)", (unsigned long)on);
}

static uint32_t led_checks(void)
{
    uint32_t count = 0;

    check_success("led count", syscall_command(DRIVER_NUM_LED, 0, 0, 0), SYSCALL_RET_SUCCESS_U32,
                  CHECK_ANY, 0);
    (void)led_syscalls_count(&count);
    for (uint32_t i = 0; i < count; i++) {
        one_led(i);
    }
    for (uint32_t cmd = 1; cmd <= 4; cmd++) {
        char name[32];

        (void)name_of(name, "led command", cmd, " bad index");
        expect_failure(name, DRIVER_NUM_LED, cmd, count, 0, OS_EINVAL);
    }
    expect_failure("led unknown command", DRIVER_NUM_LED, 5, 0, 0, OS_ENOSUPPORT);
    slot_checks("led", DRIVER_NUM_LED, false);
    /* Leave a pattern an observer can check: even LEDs on, odd off. */
    for (uint32_t i = 0; i < count; i += 2) {
        (void)led_syscalls_on(i);
    }
    return count;
}

static void one_button(uint32_t i)
{
    char name[40];
    uint32_t pressed = 2;
    int rc;

    (void)name_of(name, "button", i, " read");
    check(name, NULL, button_syscalls_read(i, &pressed) == 0 && pressed <= 1, "(value %lu)",
          (unsigned long)pressed);
    (void)name_of(name, "button", i, " interrupt");
    rc = button_syscalls_enable_interrupt(i);
    check(name, returncode_name(rc), rc == 0 || rc == RETURNCODE_ENOSUPPORT, "(%s)",
          returncode_name(rc));
    (void)name_of(name, "button", i, " disable");
    check(name, NULL, button_syscalls_disable_interrupt(i) == 0, "(not SUCCESS)");
}

static uint32_t button_checks(void)
{
    uint32_t count = 0;

    check_success("button count", syscall_command(DRIVER_NUM_BUTTON, 0, 0, 0),
                  SYSCALL_RET_SUCCESS_U32, CHECK_ANY, 0);
    (void)button_syscalls_count(&count);
    for (uint32_t i = 0; i < count; i++) {
        one_button(i);
    }
    for (uint32_t cmd = 1; cmd <= 3; cmd++) {
        char name[40];

        (void)name_of(name, "button command", cmd, " bad index");
        expect_failure(name, DRIVER_NUM_BUTTON, cmd, count, 0, OS_EINVAL);
    }
    expect_failure("button unknown command", DRIVER_NUM_BUTTON, 4, 0, 0, OS_ENOSUPPORT);
    slot_checks("button", DRIVER_NUM_BUTTON, true);
    return count;
}

/* A pin that exists: set/clear/toggle when it can drive, pull and edge
 * checks; a hole must answer NODEVICE. */
static void one_pin(uint32_t pin)
{
    char name[40];
    uint32_t level = 2;
    int rc = gpio_syscalls_enable_output(pin);

    (void)name_of(name, "gpio", pin, "");
    if (rc == RETURNCODE_ENODEVICE) {
        check_pass(name, "hole NODEVICE");
        return;
    }
    if (rc == 0) {
        (void)name_of(name, "gpio", pin, " output");
        check(name, NULL,
              gpio_syscalls_set(pin) == 0 && gpio_syscalls_read(pin, &level) == 0 && level == 1 &&
                  gpio_syscalls_clear(pin) == 0 && gpio_syscalls_read(pin, &level) == 0 &&
                  level == 0,
              "(reads %lu)", (unsigned long)level);
    }
    (void)name_of(name, "gpio", pin, " bad pull");
    expect_failure(name, DRIVER_NUM_GPIO, 5, pin, 3, OS_ENOSUPPORT);
    (void)name_of(name, "gpio", pin, " bad edge");
    expect_failure(name, DRIVER_NUM_GPIO, 7, pin, 3, OS_ENOSUPPORT);
    (void)name_of(name, "gpio", pin, " deactivate");
    check(name, NULL, gpio_syscalls_disable(pin) == 0, "(not SUCCESS)");
}

static uint32_t gpio_checks(void)
{
    uint32_t count = 0;

    check_success("gpio exists", syscall_command(DRIVER_NUM_GPIO, 0, 0, 0), SYSCALL_RET_SUCCESS, 0,
                  0);
    check_success("gpio count", syscall_command(DRIVER_NUM_GPIO, 10, 0, 0), SYSCALL_RET_SUCCESS_U32,
                  CHECK_ANY, 0);
    (void)gpio_syscalls_count(&count);
    for (uint32_t pin = 0; pin < count; pin++) {
        one_pin(pin);
    }
    for (uint32_t cmd = 1; cmd <= 9; cmd++) {
        char name[40];

        (void)name_of(name, "gpio command", cmd, " bad index");
        expect_failure(name, DRIVER_NUM_GPIO, cmd, count, 0, OS_EINVAL);
    }
    expect_failure("gpio unknown command", DRIVER_NUM_GPIO, 11, 0, 0, OS_ENOSUPPORT);
    slot_checks("gpio", DRIVER_NUM_GPIO, true);
    return count;
}

static void print_leds(uint32_t count)
{
    printf("gpio: LEDs left as");
    for (uint32_t i = 0; i < count; i++) {
        uint32_t on = 0;

        (void)led_syscalls_read(i, &on);
        printf(" %lu=%s", (unsigned long)i, on ? "on" : "off");
    }
    printf("%s\n", count == 0 ? " (none)" : "");
}

int main(void)
{
    uint32_t leds = 0, buttons = 0, pins = 0;

    (void)led_syscalls_count(&leds);
    (void)button_syscalls_count(&buttons);
    (void)gpio_syscalls_count(&pins);
    printf("gpio: board has %lu LEDs, %lu buttons, %lu GPIO pins\n", (unsigned long)leds,
           (unsigned long)buttons, (unsigned long)pins);
    check_begin("gpio");
    if (driver_exists(DRIVER_NUM_LED)) {
        leds = led_checks();
    } else {
        check_skip("led", "no driver 2");
    }
    if (driver_exists(DRIVER_NUM_BUTTON)) {
        (void)button_checks();
    } else {
        check_skip("button", "no driver 3");
    }
    if (driver_exists(DRIVER_NUM_GPIO)) {
        (void)gpio_checks();
    } else {
        check_skip("gpio", "no driver 4");
    }
    print_leds(leds);
    return check_finish();
}
