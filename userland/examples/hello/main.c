/* SPDX-License-Identifier: Apache-2.0 */
/* hello: print one greeting line through printf and exit with code 0.
 *
 * Expected output: "Hello from hello"
 */
#include <stdio.h>

int main(void)
{
    printf("Hello from %s\n", APP_NAME);
    return 0;
}
