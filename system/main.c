/*
 * qemu-system-cr16: program entry point.
 *
 * Start-up is in qemu_init() (system/vl.c once it exists); until then this
 * file answers --version and --help so the binary is usable by scripts.
 */
#include "qemu/osdep.h"
#include "qemu/error-report.h"

static void version(void)
{
    printf("QEMU emulator version " QEMU_VERSION " (qemu-cr16)\n"
           "Copyright (c) 2026 the qemu-cr16 developers\n");
}

static void help(void)
{
    version();
    printf("usage: qemu-system-cr16 [options]\n\n"
           "Standard options:\n"
           "-h or -help     display this help and exit\n"
           "-version        display version information and exit\n");
}

int main(int argc, char **argv)
{
    error_set_progname("qemu-system-cr16");
    for (int i = 1; i < argc; i++) {
        const char *opt = argv[i];

        if (opt[0] == '-' && opt[1] == '-') {
            opt++;
        }
        if (!strcmp(opt, "-version")) {
            version();
            return 0;
        }
        if (!strcmp(opt, "-h") || !strcmp(opt, "-help")) {
            help();
            return 0;
        }
        error_report("%s: invalid option", argv[i]);
        return 1;
    }
    error_report("no CPU yet: the machine cannot be started");
    return 1;
}
