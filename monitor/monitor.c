/*
 * Monitor core: the list of monitors, the current monitor, text output,
 * -mon options and teardown.  QMP lives in qmp.c, HMP in hmp.c.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/config-file.h"
#include "hw/core/cpu.h"
#include "monitor/qmp-dispatch.h"
#include "system/system.h"
#include "monitor-internal.h"

/* Live monitors, in creation order. */
static GPtrArray *mon_list;
/* The monitor whose command is running. */
static Monitor *cur_mon;

void monitor_init_globals(void)
{
    static bool done;

    if (done) {
        return;
    }
    done = true;
    qmp_register_control_commands();
    qmp_register_misc_commands();
    qmp_register_qom_commands();
    monitor_events_init();
}

/* ---- the list --------------------------------------------------------- */

void monitor_data_init(Monitor *mon, bool is_qmp)
{
    mon->is_qmp = is_qmp;
    mon->outbuf = g_string_new(NULL);
    mon->cpu_index = -1;
}

void monitor_data_destroy(Monitor *mon)
{
    if (mon->has_chr) {
        qemu_chr_fe_deinit(&mon->chr, false);
        mon->has_chr = false;
    }
    g_string_free(mon->outbuf, true);
    mon->outbuf = NULL;
}

void monitor_list_append(Monitor *mon)
{
    if (!mon_list) {
        mon_list = g_ptr_array_new();
    }
    g_ptr_array_add(mon_list, mon);
}

void monitor_foreach(void (*fn)(Monitor *mon, void *opaque), void *opaque)
{
    if (!mon_list) {
        return;
    }
    /* fn may print, never create or destroy monitors. */
    for (guint i = 0; i < mon_list->len; i++) {
        fn(g_ptr_array_index(mon_list, i), opaque);
    }
}

void monitor_cleanup(void)
{
    if (!mon_list) {
        return;
    }
    while (mon_list->len) {
        Monitor *mon = g_ptr_array_index(mon_list, mon_list->len - 1);

        g_ptr_array_remove_index(mon_list, mon_list->len - 1);
        monitor_flush(mon);
        if (mon->is_qmp) {
            monitor_qmp_destroy(container_of_qmp(mon));
        } else {
            monitor_hmp_destroy(container_of_hmp(mon));
        }
    }
    g_ptr_array_free(mon_list, true);
    mon_list = NULL;
    cur_mon = NULL;
}

/* ---- current monitor -------------------------------------------------- */

Monitor *monitor_cur(void)
{
    return cur_mon;
}

Monitor *monitor_set_cur(Monitor *mon)
{
    Monitor *old = cur_mon;

    cur_mon = mon;
    return old;
}

bool monitor_is_qmp(const Monitor *mon)
{
    return mon && mon->is_qmp;
}

bool monitor_cur_is_qmp(void)
{
    return monitor_is_qmp(cur_mon);
}

/* ---- output ----------------------------------------------------------- */

void monitor_write_raw(Monitor *mon, const char *buf, size_t len)
{
    g_string_append_len(mon->outbuf, buf, len);
    monitor_flush(mon);
}

void monitor_flush(Monitor *mon)
{
    if (!mon || !mon->has_chr || mon->flushing || !mon->outbuf->len) {
        return;
    }
    /*
     * write_all waits for a slow client rather than dropping half a
     * reply: QMP clients parse line by line and cannot resynchronise.
     */
    mon->flushing = true;
    while (mon->outbuf->len) {
        GString *buf = mon->outbuf;
        int n;

        mon->outbuf = g_string_new(NULL);
        n = qemu_chr_fe_write_all(&mon->chr, (const uint8_t *)buf->str,
                                  buf->len);
        g_string_free(buf, true);
        if (n < 0) {
            /* The host end is broken: what it missed is lost. */
            g_string_truncate(mon->outbuf, 0);
            break;
        }
    }
    mon->flushing = false;
}

int monitor_puts(Monitor *mon, const char *str)
{
    size_t len = 0;

    if (!mon || mon->is_qmp) {
        return -1;
    }
    for (const char *p = str; *p; p++) {
        if (*p == '\n') {
            g_string_append_c(mon->outbuf, '\r');
            len++;
        }
        g_string_append_c(mon->outbuf, *p);
        len++;
    }
    monitor_flush(mon);
    return len;
}

int monitor_vprintf(Monitor *mon, const char *fmt, va_list ap)
{
    g_autofree char *s = NULL;

    if (!mon || mon->is_qmp) {
        return -1;
    }
    s = g_strdup_vprintf(fmt, ap);
    return monitor_puts(mon, s);
}

int monitor_printf(Monitor *mon, const char *fmt, ...)
{
    va_list ap;
    int ret;

    va_start(ap, fmt);
    ret = monitor_vprintf(mon, fmt, ap);
    va_end(ap);
    return ret;
}

/* ---- CPU selection ---------------------------------------------------- */

CPUState *mon_get_cpu(Monitor *mon)
{
    CPUState *cpu = NULL;

    if (mon && mon->cpu_index >= 0) {
        cpu = qemu_get_cpu(mon->cpu_index);
    }
    /* The selected CPU may have been unplugged: fall back to the first. */
    return cpu ? cpu : first_cpu;
}

int monitor_get_cpu_index(Monitor *mon)
{
    CPUState *cpu = mon_get_cpu(mon);

    return cpu ? cpu->cpu_index : -1;
}

int monitor_set_cpu(Monitor *mon, int cpu_index)
{
    if (cpu_index < 0 || !qemu_get_cpu(cpu_index)) {
        return -1;
    }
    mon->cpu_index = cpu_index;
    return 0;
}

/* ---- -mon ------------------------------------------------------------- */

/* The "mon" option group itself is system/vl.c's (qemu_mon_opts). */

int monitor_init_opts(QemuOpts *opts, Error **errp)
{
    const char *mode = qemu_opt_get(opts, "mode");
    const char *id = qemu_opt_get(opts, "chardev");
    bool pretty = qemu_opt_get_bool(opts, "pretty", false);
    Error *local_err = NULL;
    Chardev *chr;

    if (!id) {
        error_setg(errp, "Parameter 'chardev' is missing");
        return -1;
    }
    chr = qemu_chr_find(id);
    if (!chr) {
        error_setg(errp, "chardev \"%s\" not found", id);
        return -1;
    }
    if (!mode || !strcmp(mode, "readline")) {
        if (pretty) {
            error_setg(errp, "'pretty' is only supported by QMP monitors");
            return -1;
        }
        monitor_init_hmp(chr, true, &local_err);
    } else if (!strcmp(mode, "control")) {
        monitor_init_qmp(chr, pretty, &local_err);
    } else {
        error_setg(errp, "unknown monitor mode \"%s\"", mode);
        return -1;
    }
    if (local_err) {
        error_propagate(errp, local_err);
        return -1;
    }
    return 0;
}

const char *monitor_vm_name(void)
{
    return qemu_name;
}

bool monitor_init_from_opts(QemuOpts *opts, Error **errp)
{
    return monitor_init_opts(opts, errp) == 0;
}
