/* SPDX-License-Identifier: Apache-2.0 */
/* Process console commands: recognition by prefix, arguments, the short
 * commands; the long outputs are in process_console_show.c.
 *
 * Where Tock's console prints nothing (a missing or unknown name, boot of a
 * process that is not terminated) this one says so; see
 * doc/process-console.md.
 */
#include <string.h>

#include "process_console_internal.h"

static const char valid_commands[] =
    "Valid commands are: help status list stop start fault boot terminate process kernel "
    "reset panic console-start console-stop top stats\r\n";

/* A command that takes a process name: its action and what it prints. */
struct name_command {
    const char *word;
    uint32_t action;  /* enum process_info_action */
    const char *done; /* what is printed after "Process <name> " */
};

static const struct name_command name_commands[] = {
    {"start", PROCESS_INFO_RESUME, "resumed."},
    {"stop", PROCESS_INFO_STOP, "stopped"},
    {"fault", PROCESS_INFO_FAULT, "now faulted"},
    {"terminate", PROCESS_INFO_TERMINATE, "terminated"},
    {"boot", PROCESS_INFO_BOOT, "booted"},
};

static bool starts_with(const char *s, const char *word)
{
    return strncmp(s, word, strlen(word)) == 0;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t';
}

/* The second whitespace-separated token of s into *arg / *len (0 if none). */
static void argument(const char *s, const char **arg, size_t *len)
{
    while (*s != '\0' && !is_space(*s)) {
        s++;
    }
    while (is_space(*s)) {
        s++;
    }
    *arg = s;
    *len = 0;
    while (s[*len] != '\0' && !is_space(s[*len])) {
        (*len)++;
    }
}

static bool name_is(const struct process_info *info, const char *name, size_t len)
{
    return info->name_len == len && memcmp(info->name, name, len) == 0;
}

/* Apply c to every process called name. */
static void run_name_command(struct process_console *pc, const struct name_command *c,
                             const char *name, size_t len)
{
    struct process_info info;
    bool found = false;

    if (len == 0) {
        pc_printf(pc, "Usage: %s <process name>\r\n", c->word);
        return;
    }
    for (uint32_t i = 0; process_info_by_index(i, &info); i++) {
        if (!name_is(&info, name, len)) {
            continue;
        }
        found = true;
        os_err_t err = process_info_control(info.id, c->action, pc->cap);

        if (err == OS_ENOSUPPORT) {
            pc_puts(pc, "Process management is not enabled on this board.\r\n");
            return;
        }
        if (err != OS_OK && c->action == PROCESS_INFO_BOOT) {
            pc_printf(pc, "Process %.*s is not terminated; terminate it first.\r\n", (int)len,
                      name);
            continue;
        }
        /* As Tock: the message also when the state made it a no-op. */
        pc_printf(pc, "Process %.*s %s\r\n", (int)len, name, c->done);
    }
    if (!found) {
        pc_printf(pc, "No process named '%.*s'. 'list' shows them.\r\n", (int)len, name);
    }
}

static void status(struct process_console *pc)
{
    struct process_info info;
    uint32_t total = 0, active = 0, quanta = 0;

    for (uint32_t i = 0; process_info_by_index(i, &info); i++) {
        total++;
        active += info.state <= 1 ? 1 : 0; /* Running or Yielded */
        quanta += info.timeslice_expirations;
    }
    pc_printf(pc, "Total processes: %lu\r\n", (unsigned long)total);
    pc_printf(pc, "Active processes: %lu\r\n", (unsigned long)active);
    pc_printf(pc, "Timeslice expirations: %lu\r\n", (unsigned long)quanta);
}

/* "process <name>": the first process of that name. */
static void process_command(struct process_console *pc, const char *name, size_t len)
{
    struct process_info info;

    if (len == 0) {
        pc_puts(pc, "Usage: process <process name>\r\n");
        return;
    }
    for (uint32_t i = 0; process_info_by_index(i, &info); i++) {
        if (name_is(&info, name, len)) {
            pc_start_job(pc, PC_JOB_PROCESS, info.id);
            return;
        }
    }
    pc_printf(pc, "No process named '%.*s'. 'list' shows them.\r\n", (int)len, name);
}

void pc_start_job(struct process_console *pc, enum pc_job job, process_id_t id)
{
    pc->job = (uint8_t)job;
    pc->step = 0;
    pc->sub = 0;
    pc->job_id = id;
}

/* Hibernating: only console-start does anything. */
static bool wake_command(struct process_console *pc, const char *s)
{
    if (starts_with(s, "console-start")) {
        pc->mode = PC_ACTIVE;
        return true;
    }
    return false;
}

static void other_commands(struct process_console *pc, const char *s)
{
    if (starts_with(s, "list")) {
        pc_start_job(pc, PC_JOB_LIST, 0);
    } else if (starts_with(s, "status")) {
        status(pc);
    } else if (starts_with(s, "process")) {
        const char *arg;
        size_t len;

        argument(s, &arg, &len);
        process_command(pc, arg, len);
    } else if (starts_with(s, "kernel")) {
        pc_start_job(pc, PC_JOB_KERNEL, 0);
    } else if (starts_with(s, "reset")) {
        if (pc->hooks == NULL || pc->hooks->reset == NULL) {
            pc_puts(pc, "Reset function is not implemented");
        } else {
            pc->hooks->reset();
        }
    } else if (starts_with(s, "panic")) {
        if (pc->hooks == NULL || pc->hooks->panic == NULL) {
            pc_puts(pc, "Panic is not available on this board.\r\n");
        } else {
            pc->hooks->panic();
        }
    } else if (starts_with(s, "top")) {
        pc_start_job(pc, PC_JOB_TOP, 0);
    } else if (starts_with(s, "stats")) {
        pc_start_job(pc, PC_JOB_STATS, 0);
    } else {
        pc_puts(pc, valid_commands);
    }
}

void pc_execute(struct process_console *pc, const char *line)
{
    char s[PROCESS_CONSOLE_LINE];
    size_t n = strlen(line);

    if (n == 0) {
        pc_prompt(pc);
        return;
    }
    /* Trim surrounding whitespace; a blank line ends up empty and gets the
     * list of valid commands, as in Tock. */
    while (n > 0 && is_space(line[n - 1])) {
        n--;
    }
    while (n > 0 && is_space(*line)) {
        line++;
        n--;
    }
    n = n < sizeof(s) - 1 ? n : sizeof(s) - 1;
    memcpy(s, line, n);
    s[n] = '\0';
    if (pc->mode == PC_HIBERNATING) {
        if (wake_command(pc, s)) {
            pc_prompt(pc);
        }
        return;
    }
    if (wake_command(pc, s)) {
        /* already active: nothing to do */
    } else if (starts_with(s, "help")) {
        pc_puts(pc, "Welcome to the process console.\r\n");
        pc_puts(pc, valid_commands);
    } else if (starts_with(s, "console-stop")) {
        pc_puts(pc, "Disabling the process console.\r\n");
        pc_puts(pc, "Run console-start to reactivate.\r\n");
        pc_puts(pc, "Console input now goes to the apps; Ctrl-T takes it back.\r\n");
        pc->mode = PC_HIBERNATING;
        return;
    } else {
        const struct name_command *c = NULL;

        for (size_t i = 0; i < sizeof(name_commands) / sizeof(name_commands[0]); i++) {
            if (starts_with(s, name_commands[i].word)) {
                c = &name_commands[i];
                break;
            }
        }
        if (c != NULL) {
            const char *arg;
            size_t len;

            argument(s, &arg, &len);
            run_name_command(pc, c, arg, len);
        } else {
            other_commands(pc, s);
        }
    }
    if (pc->job == PC_JOB_NONE) {
        pc_prompt(pc);
    }
}
