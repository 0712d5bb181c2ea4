/* SPDX-License-Identifier: Apache-2.0 */
/* reader: reads the console four bytes at a time and prints what it got.
 *
 * For the process console's input routing: while the shell is active its
 * read stays pending; after console-stop it gets what is typed. Prints
 * "reader: waiting" once, then "reader: got '<4 bytes>'" per read
 * (control bytes as '.').
 */
#include <stdio.h>

#include "libos-sync/console_sync.h"

int main(void)
{
    char buf[5] = {0};

    printf("reader: waiting\n");
    for (;;) {
        int n = console_sync_read(buf, 4);

        if (n < 0) {
            printf("reader: error %d\n", n);
            return 1;
        }
        for (int i = 0; i < n; i++) {
            buf[i] = buf[i] < 0x20 || buf[i] > 0x7e ? '.' : buf[i];
        }
        buf[n < 4 ? n : 4] = '\0';
        printf("reader: got '%s'\n", buf);
    }
}
