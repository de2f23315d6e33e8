/*
 * The QMP monitor: a JSON conversation on a chardev.
 *
 * When the client connects it gets the greeting and the monitor is in
 * capabilities negotiation mode: only qmp_capabilities runs and no event
 * is sent.  After it, the monitor is in command mode until the client
 * goes away.  Input is cut into JSON texts by the splitter in
 * qemu/json-util.h (which also enforces the size and nesting limits);
 * each text gets exactly one reply line, in order.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "monitor/qmp-dispatch.h"
#include "monitor-internal.h"

json_t *qmp_version_info(void)
{
    unsigned major = 0, minor = 0, micro = 0;

    /* QEMU_VERSION is "major.minor.micro" from meson.build. */
    if (sscanf(QEMU_VERSION, "%u.%u.%u", &major, &minor, &micro) < 1) {
        major = minor = micro = 0;
    }
    return json_pack("{s:{s:I, s:I, s:I}, s:s}",
                     "qemu", "micro", (json_int_t)micro,
                     "minor", (json_int_t)minor,
                     "major", (json_int_t)major,
                     "package", QEMU_PKGVERSION);
}

json_t *qmp_greeting(void)
{
    /*
     * No capability is offered: out-of-band execution needs a monitor
     * thread, and ours runs in the main loop.
     */
    return json_pack("{s:{s:o, s:[]}}", "QMP",
                     "version", qmp_version_info(), "capabilities");
}

void monitor_qmp_send(MonitorQMP *mon, json_t *msg)
{
    g_autofree char *text = NULL;

    text = mon->pretty ? json_dumps_pretty(msg) : json_dumps_compact(msg);
    if (!text) {
        return;
    }
    /* Every reply is one line ending in CRLF, as QEMU's. */
    if (mon->pretty) {
        for (const char *p = text; *p; p++) {
            if (*p == '\n') {
                monitor_write_raw(&mon->common, "\r", 1);
            }
            monitor_write_raw(&mon->common, p, 1);
        }
    } else {
        monitor_write_raw(&mon->common, text, strlen(text));
    }
    monitor_write_raw(&mon->common, "\r\n", 2);
}

/* One JSON text (or a splitter error) from the client. */
static void monitor_qmp_handle_message(void *opaque, json_t *req,
                                       Error *err)
{
    MonitorQMP *mon = opaque;
    Monitor *old;
    json_t *rsp;

    if (err) {
        /* Bad JSON: an error reply without id, the stream goes on. */
        rsp = qmp_error_response(err);
    } else {
        old = monitor_set_cur(&mon->common);
        rsp = qmp_dispatch(req, mon->cmd_mode);
        monitor_set_cur(old);
        json_decref(req);
    }
    monitor_qmp_send(mon, rsp);
    json_decref(rsp);
}

static int monitor_qmp_can_read(void *opaque)
{
    /* Commands run to completion inside the read handler. */
    return CHR_READ_BUF_LEN;
}

static void monitor_qmp_reset(MonitorQMP *mon)
{
    mon->cmd_mode = false;
    if (mon->in_feed) {
        /*
         * A reply's write noticed the client is gone while the splitter
         * is still walking its buffer: swap the splitter afterwards.
         */
        mon->reset_pending = true;
        return;
    }
    json_message_parser_destroy(&mon->parser);
    json_message_parser_init(&mon->parser, monitor_qmp_handle_message, mon);
}

static void monitor_qmp_read(void *opaque, const uint8_t *buf, int size)
{
    MonitorQMP *mon = opaque;

    mon->in_feed = true;
    json_message_parser_feed(&mon->parser, (const char *)buf, size);
    mon->in_feed = false;
    if (mon->reset_pending) {
        /* What the old client still had in flight must not count. */
        mon->reset_pending = false;
        monitor_qmp_reset(mon);
    }
}

static void monitor_qmp_event(void *opaque, QEMUChrEvent event)
{
    MonitorQMP *mon = opaque;
    json_t *greeting;

    switch (event) {
    case CHR_EVENT_OPENED:
        /* A new client starts from scratch, whatever the last one did. */
        monitor_qmp_reset(mon);
        greeting = qmp_greeting();
        monitor_qmp_send(mon, greeting);
        json_decref(greeting);
        break;
    case CHR_EVENT_CLOSED:
        monitor_qmp_reset(mon);
        g_string_truncate(mon->common.outbuf, 0);
        break;
    default:
        break;
    }
}

void monitor_init_qmp(Chardev *chr, bool pretty, Error **errp)
{
    MonitorQMP *mon;

    monitor_init_globals();
    mon = g_new0(MonitorQMP, 1);
    monitor_data_init(&mon->common, true);
    if (!qemu_chr_fe_init(&mon->common.chr, chr, errp)) {
        monitor_data_destroy(&mon->common);
        g_free(mon);
        return;
    }
    mon->common.has_chr = true;
    mon->pretty = pretty;
    json_message_parser_init(&mon->parser, monitor_qmp_handle_message, mon);
    monitor_list_append(&mon->common);
    /* An already open host end (stdio) gets its greeting from here. */
    qemu_chr_fe_set_handlers(&mon->common.chr, monitor_qmp_can_read,
                             monitor_qmp_read, monitor_qmp_event, NULL,
                             mon, NULL, true);
}

void monitor_qmp_destroy(MonitorQMP *mon)
{
    monitor_data_destroy(&mon->common);
    json_message_parser_destroy(&mon->parser);
    g_free(mon);
}
