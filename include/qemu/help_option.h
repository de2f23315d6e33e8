/*
 * "help" and "?" ask an option parser to list what it accepts instead of
 * parsing anything (-device help, -machine ?, -chardev socket,help).
 */
#ifndef QEMU_HELP_OPTION_H
#define QEMU_HELP_OPTION_H

static inline bool is_help_option(const char *s)
{
    return !strcmp(s, "help") || !strcmp(s, "?");
}

#endif /* QEMU_HELP_OPTION_H */
