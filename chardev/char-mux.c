/*
 * chardev-mux: several front ends on one chardev, switched with C-a
 * escapes.  See include/chardev/char-mux.h for the escapes.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "chardev/char-mux.h"
#include "system/runstate.h"

static void mux_write_str(MuxChardev *d, const char *s)
{
    qemu_chr_fe_write_all(&d->chr, (const uint8_t *)s, strlen(s));
}

static void mux_print_help(MuxChardev *d)
{
    /* The terminal is in raw mode: every line needs its own \r. */
    mux_write_str(d,
        "\r\n"
        "Escape sequences (C-a is Ctrl-A):\r\n"
        "  C-a h    show this list\r\n"
        "  C-a x    quit the emulator\r\n"
        "  C-a c    move the input to the next front end "
        "(serial port / monitor)\r\n"
        "  C-a b    send a break to the front end with the input\r\n"
        "  C-a C-a  send one C-a\r\n");
}

static CharBackend *mux_focused(MuxChardev *d)
{
    return d->focus >= 0 ? d->backends[d->focus] : NULL;
}

static void mux_send_event(CharBackend *be, QEMUChrEvent event)
{
    if (be && be->chr_event) {
        be->chr_event(be->opaque, event);
    }
}

void mux_set_focus(Chardev *chr, int focus)
{
    MuxChardev *d = MUX_CHARDEV(chr);

    g_assert(focus >= -1 && focus < MAX_MUX);
    if (d->focus == focus) {
        return;
    }
    mux_send_event(mux_focused(d), CHR_EVENT_MUX_OUT);
    d->focus = focus;
    mux_send_event(mux_focused(d), CHR_EVENT_MUX_IN);
}

/* The next attached front end after the focused one, cyclically. */
static int mux_next_focus(MuxChardev *d)
{
    for (int i = 1; i <= MAX_MUX; i++) {
        int n = (d->focus + i + MAX_MUX) % MAX_MUX;

        if (d->backends[n]) {
            return n;
        }
    }
    return -1;
}

/* Hand buffered input to the focused front end while it takes it. */
static void mux_drain(MuxChardev *d)
{
    int m = d->focus;
    CharBackend *be = mux_focused(d);

    if (!be || !be->chr_read) {
        return;
    }
    while (d->prod[m] != d->cons[m] && be->chr_can_read &&
           be->chr_can_read(be->opaque) > 0) {
        uint8_t ch = d->buffer[m][d->cons[m]++ % MUX_BUFFER_SIZE];

        be->chr_read(be->opaque, &ch, 1);
    }
}

/* Escape handling.  Returns true if @ch was consumed. */
static bool mux_proc_byte(MuxChardev *d, uint8_t ch)
{
    if (!d->term_got_escape) {
        if (ch == MUX_ESCAPE_CHAR) {
            d->term_got_escape = true;
            return true;
        }
        return false;
    }
    d->term_got_escape = false;
    switch (ch) {
    case MUX_ESCAPE_CHAR:
        /* C-a C-a: the second one goes to the guest. */
        return false;
    case 'h':
    case '?':
        mux_print_help(d);
        break;
    case 'x':
        mux_write_str(d, "\r\nQEMU: Terminated\r\n");
        qemu_system_shutdown_request(SHUTDOWN_CAUSE_HOST_UI);
        break;
    case 'c':
        mux_set_focus(CHARDEV(d), mux_next_focus(d));
        mux_drain(d);
        break;
    case 'b':
        mux_send_event(mux_focused(d), CHR_EVENT_BREAK);
        break;
    default:
        /* Unknown escapes are swallowed, as terminals expect. */
        break;
    }
    return true;
}

static int mux_chr_can_read(void *opaque)
{
    MuxChardev *d = opaque;
    CharBackend *be = mux_focused(d);
    int m = d->focus;
    int room;

    if (!be) {
        /* Nobody to give input to: still read, for the escapes. */
        return 1;
    }
    room = MUX_BUFFER_SIZE - (d->prod[m] - d->cons[m]);
    if (d->prod[m] == d->cons[m] && be->chr_can_read) {
        room += be->chr_can_read(be->opaque);
    }
    return room;
}

static void mux_chr_read(void *opaque, const uint8_t *buf, int size)
{
    MuxChardev *d = opaque;

    mux_drain(d);
    for (int i = 0; i < size; i++) {
        CharBackend *be = mux_focused(d);
        int m = d->focus;

        if (mux_proc_byte(d, buf[i]) || !be) {
            continue;
        }
        if (d->prod[m] == d->cons[m] && be->chr_can_read &&
            be->chr_read && be->chr_can_read(be->opaque) > 0) {
            be->chr_read(be->opaque, &buf[i], 1);
        } else if (d->prod[m] - d->cons[m] < MUX_BUFFER_SIZE) {
            d->buffer[m][d->prod[m]++ % MUX_BUFFER_SIZE] = buf[i];
        }
    }
}

static void mux_chr_event(void *opaque, QEMUChrEvent event)
{
    MuxChardev *d = opaque;

    /* Mirror the shared chardev's state; the class hook fans it out. */
    qemu_chr_be_event(CHARDEV(d), event);
}

static bool muxes_opened;

bool qemu_chr_muxes_opened(void)
{
    return muxes_opened;
}

static void mux_fan_out(MuxChardev *d, QEMUChrEvent event)
{
    for (int i = 0; i < MAX_MUX; i++) {
        mux_send_event(d->backends[i], event);
    }
}

static void mux_open_one(Chardev *chr, void *opaque)
{
    if (qemu_chr_is_mux(chr) && chr->be_open) {
        mux_fan_out(MUX_CHARDEV(chr), CHR_EVENT_OPENED);
    }
}

void qemu_chr_open_muxes(void)
{
    if (muxes_opened) {
        return;
    }
    muxes_opened = true;
    qemu_chr_foreach(mux_open_one, NULL);
}

static void mux_chr_be_event(Chardev *chr, QEMUChrEvent event)
{
    MuxChardev *d = MUX_CHARDEV(chr);

    /* chr->be_open already records the state; front ends hear of it later. */
    if (event == CHR_EVENT_OPENED && !muxes_opened) {
        return;
    }
    mux_fan_out(d, event);
}

static int mux_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    MuxChardev *d = MUX_CHARDEV(chr);

    return qemu_chr_fe_write(&d->chr, buf, len);
}

static void mux_chr_accept_input(Chardev *chr)
{
    MuxChardev *d = MUX_CHARDEV(chr);

    mux_drain(d);
    qemu_chr_fe_accept_input(&d->chr);
}

static void mux_chr_set_echo(Chardev *chr, bool echo)
{
    qemu_chr_fe_set_echo(&MUX_CHARDEV(chr)->chr, echo);
}

int mux_chr_attach_frontend(MuxChardev *d, CharBackend *b, Error **errp)
{
    for (int i = 0; i < MAX_MUX; i++) {
        if (!d->backends[i]) {
            d->backends[i] = b;
            d->prod[i] = d->cons[i] = 0;
            d->mux_cnt++;
            return i;
        }
    }
    error_setg(errp, "too many uses of multiplexed chardev '%s'",
               CHARDEV(d)->label);
    return -1;
}

void mux_chr_detach_frontend(MuxChardev *d, int tag)
{
    g_assert(tag >= 0 && tag < MAX_MUX && d->backends[tag]);
    d->backends[tag] = NULL;
    d->mux_cnt--;
    if (d->focus == tag) {
        d->focus = mux_next_focus(d);
        mux_send_event(mux_focused(d), CHR_EVENT_MUX_IN);
    }
}

static void mux_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                         Error **errp)
{
    MuxChardev *d = MUX_CHARDEV(chr);
    const char *id = qemu_opt_get(opts, "chardev");
    Chardev *base = id ? qemu_chr_find(id) : NULL;

    if (!base) {
        error_setg(errp, "mux: chardev '%s' not found", id ? id : "");
        return;
    }
    if (!qemu_chr_fe_init(&d->chr, base, errp)) {
        return;
    }
    chr->filename = g_strdup_printf("mux:%s", qemu_chr_get_filename(base));
    /* OPENED arrives through mux_chr_event once the base is open. */
    *be_opened = false;
    qemu_chr_fe_set_handlers(&d->chr, mux_chr_can_read, mux_chr_read,
                             mux_chr_event, NULL, d, NULL, true);
}

static void mux_chr_init(Object *obj)
{
    MUX_CHARDEV(obj)->focus = -1;
}

static void mux_chr_finalize(Object *obj)
{
    MuxChardev *d = MUX_CHARDEV(obj);

    for (int i = 0; i < MAX_MUX; i++) {
        if (d->backends[i]) {
            d->backends[i]->chr = NULL;
        }
    }
    qemu_chr_fe_deinit(&d->chr, false);
}

static void mux_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->internal = true;
    cc->open = mux_chr_open;
    cc->chr_write = mux_chr_write;
    cc->chr_be_event = mux_chr_be_event;
    cc->chr_accept_input = mux_chr_accept_input;
    cc->chr_set_echo = mux_chr_set_echo;
}

const TypeInfo char_mux_type_info = {
    .name = TYPE_CHARDEV_MUX,
    .parent = TYPE_CHARDEV,
    .instance_size = sizeof(MuxChardev),
    .instance_init = mux_chr_init,
    .instance_finalize = mux_chr_finalize,
    .class_init = mux_chr_class_init,
};

static void char_mux_register_types(void)
{
    type_register_static(&char_mux_type_info);
}

type_init(char_mux_register_types)
