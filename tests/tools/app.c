/* SPDX-License-Identifier: Apache-2.0 */
/* A tiny freestanding app for the elf2tbf tests: data, a data pointer, bss and app state. */

int app_counter = 5;
const char *app_greeting = "hello";
static unsigned int app_scratch[16];
__attribute__((section(".app_state"), used)) const unsigned int app_state[4] = {1, 2, 3, 4};

int main(void);

__attribute__((section(".start"), used)) void _start(void)
{
    (void)main();
    for (;;) {}
}

int main(void)
{
    app_scratch[app_counter & 15] = (unsigned int)app_greeting[0];
    return app_counter + (int)app_scratch[3];
}
