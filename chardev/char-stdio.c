/*
 * chardev-stdio: the emulator's own stdin/stdout.
 *
 * When stdin is a terminal it is put in raw mode (no line editing, no
 * echo; Ctrl-C still raises SIGINT unless signal=off) so that the guest
 * and the mux escapes see every key.  The original mode comes back when
 * the chardev is finalized, at exit(), and after a SIGCONT re-applies
 * raw mode following a shell's job control.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "chardev/char-fd.h"

#include <termios.h>

static bool stdio_in_use;
static bool stdio_allow_signal;
static bool stdio_have_saved;
static bool stdio_raw;
static struct termios stdio_saved_tty;

static void stdio_restore_tty(void)
{
    if (stdio_have_saved) {
        tcsetattr(0, TCSANOW, &stdio_saved_tty);
    }
}

static void stdio_make_raw(void)
{
    struct termios tty = stdio_saved_tty;

    tty.c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR |
                     ICRNL | IXON);
    /* Keep output processing: guests print "\n" and expect a new line. */
    tty.c_oflag |= OPOST;
    tty.c_lflag &= ~(ECHO | ECHONL | ICANON | IEXTEN);
    if (!stdio_allow_signal) {
        tty.c_lflag &= ~ISIG;
    }
    tty.c_cflag &= ~(CSIZE | PARENB);
    tty.c_cflag |= CS8;
    tty.c_cc[VMIN] = 1;
    tty.c_cc[VTIME] = 0;
    tcsetattr(0, TCSANOW, &tty);
}

/* After "fg" the shell left the terminal cooked: make it raw again. */
static void stdio_sigcont(int sig)
{
    if (stdio_raw) {
        stdio_make_raw();   /* tcsetattr() is async-signal-safe */
    }
}

static void stdio_set_echo(Chardev *chr, bool echo)
{
    if (!stdio_have_saved) {
        return;
    }
    stdio_raw = !echo;
    if (echo) {
        stdio_restore_tty();
    } else {
        stdio_make_raw();
    }
}

static void stdio_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                           Error **errp)
{
    static bool atexit_done;
    struct sigaction act = { .sa_handler = stdio_sigcont };

    if (stdio_in_use) {
        error_setg(errp, "cannot use stdio by multiple character devices");
        return;
    }
    stdio_in_use = true;
    stdio_allow_signal = qemu_opt_get_bool(opts, "signal", true);
    chr->filename = g_strdup("stdio");

    if (isatty(0) && tcgetattr(0, &stdio_saved_tty) == 0) {
        stdio_have_saved = true;
        if (!atexit_done) {
            atexit(stdio_restore_tty);
            atexit_done = true;
        }
        sigaction(SIGCONT, &act, NULL);
        stdio_set_echo(chr, false);
    }
    qemu_chr_fd_attach(chr, 0, 1, false);
}

static void stdio_chr_finalize(Object *obj)
{
    if (stdio_have_saved) {
        stdio_raw = false;
        signal(SIGCONT, SIG_DFL);
        stdio_restore_tty();
        stdio_have_saved = false;
    }
    stdio_in_use = false;
}

static void stdio_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->open = stdio_chr_open;
    cc->chr_set_echo = stdio_set_echo;
}

const TypeInfo char_stdio_type_info = {
    .name = TYPE_CHARDEV_STDIO,
    .parent = TYPE_CHARDEV_FD,
    .instance_size = sizeof(FDChardev),
    .instance_finalize = stdio_chr_finalize,
    .class_init = stdio_chr_class_init,
};

static void char_stdio_register_types(void)
{
    type_register_static(&char_stdio_type_info);
}

type_init(char_stdio_register_types)
