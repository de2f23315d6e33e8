/*
 * QMP commands: negotiation, introspection, run control, machine and CPU
 * queries, memory dumps and human-monitor-command.  The QOM and device
 * commands are in qmp-cmds-qom.c.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "chardev/char-fe.h"
#include "hw/boards.h"
#include "hw/core/cpu.h"
#include "system/memory.h"
#include "system/runstate.h"
#include "monitor/hmp.h"
#include "monitor/qmp-dispatch.h"
#include "monitor-internal.h"

/* ---- negotiation and introspection ------------------------------------- */

static json_t *qmp_qmp_capabilities(json_t *args, Error **errp)
{
    Monitor *cur = monitor_cur();
    json_t *enable = json_object_get(args, "enable");
    size_t i;
    json_t *v;
    MonitorQMP *mon;

    if (!cur || !cur->is_qmp) {
        return json_object();
    }
    mon = container_of_qmp(cur);
    if (mon->cmd_mode) {
        error_set(errp, ERROR_CLASS_COMMAND_NOT_FOUND,
                  "Capabilities negotiation is already complete, command "
                  "ignored");
        return NULL;
    }
    json_array_foreach(enable, i, v) {
        if (!json_is_string(v)) {
            error_setg(errp, "Invalid parameter type for 'enable[%zu]', "
                       "expected: string", i);
            return NULL;
        }
        /* The greeting offered nothing, so nothing can be enabled. */
        error_setg(errp, "Capability '%s' not available",
                   json_string_value(v));
        return NULL;
    }
    mon->cmd_mode = true;
    return json_object();
}

static json_t *qmp_query_version(json_t *args, Error **errp)
{
    return qmp_version_info();
}

static void add_command_name(const QmpCommand *cmd, void *opaque)
{
    json_array_append_new(opaque, json_pack("{s:s}", "name", cmd->name));
}

static json_t *qmp_query_commands(json_t *args, Error **errp)
{
    json_t *list = json_array();

    qmp_for_each_command(add_command_name, list);
    return list;
}

/* ---- run control ------------------------------------------------------- */

static json_t *qmp_query_status(json_t *args, Error **errp)
{
    return json_pack("{s:s, s:b, s:b}",
                     "status", runstate_name(runstate_get()),
                     "singlestep", false,
                     "running", runstate_is_running());
}

static json_t *qmp_stop(json_t *args, Error **errp)
{
    /* Runs in the main loop, never inside a vCPU slice: stop now. */
    vm_stop(RUN_STATE_PAUSED);
    return json_object();
}

static json_t *qmp_cont(json_t *args, Error **errp)
{
    if (runstate_needs_reset()) {
        error_setg(errp, "Resetting the Virtual Machine is required");
        return NULL;
    }
    vm_start();
    return json_object();
}

static json_t *qmp_system_reset(json_t *args, Error **errp)
{
    qemu_system_reset_request(SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET);
    return json_object();
}

static json_t *qmp_system_powerdown(json_t *args, Error **errp)
{
    qemu_system_powerdown_request();
    return json_object();
}

static json_t *qmp_quit(json_t *args, Error **errp)
{
    /* The reply goes out now; SHUTDOWN follows when the loop acts. */
    qemu_system_shutdown_request(SHUTDOWN_CAUSE_HOST_QMP_QUIT);
    return json_object();
}

static const QmpArgSpec qmp_capabilities_args[] = {
    { "enable", QMP_ARG_ARRAY, true },
    { }
};

static const QmpCommand control_commands[] = {
    { "qmp_capabilities", qmp_qmp_capabilities, qmp_capabilities_args,
      QCO_ALLOW_NEGOTIATION },
    { "query-version", qmp_query_version },
    { "query-commands", qmp_query_commands },
    { "query-status", qmp_query_status },
    { "stop", qmp_stop },
    { "cont", qmp_cont },
    { "system_reset", qmp_system_reset },
    { "system_powerdown", qmp_system_powerdown },
    { "quit", qmp_quit },
};

void qmp_register_control_commands(void)
{
    qmp_register_commands(control_commands, G_N_ELEMENTS(control_commands));
}

/* ---- machine, CPUs, chardevs ------------------------------------------- */

static json_t *qmp_query_name(json_t *args, Error **errp)
{
    const char *name = monitor_vm_name();

    return name ? json_pack("{s:s}", "name", name) : json_object();
}

static char *type_name_without_suffix(const char *type, const char *suffix)
{
    size_t len = strlen(type), slen = strlen(suffix);

    if (len > slen && !strcmp(type + len - slen, suffix)) {
        return g_strndup(type, len - slen);
    }
    return g_strdup(type);
}

static json_t *qmp_query_machines(json_t *args, Error **errp)
{
    GSList *list = object_class_get_list_sorted(TYPE_MACHINE, false);
    json_t *ret = json_array();

    for (GSList *l = list; l; l = l->next) {
        MachineClass *mc = MACHINE_CLASS(l->data);
        const char *type = object_class_get_name(l->data);
        g_autofree char *name = mc->name ? g_strdup(mc->name) :
            type_name_without_suffix(type, TYPE_MACHINE_SUFFIX);
        json_t *m = json_object();

        json_object_set_new(m, "name", json_string(name));
        if (mc->alias) {
            json_object_set_new(m, "alias", json_string(mc->alias));
        }
        if (mc->is_default) {
            json_object_set_new(m, "is-default", json_true());
        }
        json_object_set_new(m, "cpu-max",
                            json_integer(mc->max_cpus ? mc->max_cpus : 1));
        json_object_set_new(m, "hotpluggable-cpus", json_false());
        json_object_set_new(m, "numa-mem-supported", json_false());
        json_object_set_new(m, "deprecated", json_false());
        if (mc->default_cpu_type) {
            json_object_set_new(m, "default-cpu-type",
                                json_string(mc->default_cpu_type));
        }
        json_object_set_new(m, "acpi", json_false());
        json_array_append_new(ret, m);
    }
    g_slist_free(list);
    return ret;
}

static json_t *qmp_query_cpus_fast(json_t *args, Error **errp)
{
    json_t *ret = json_array();
    CPUState *cpu;

    CPU_FOREACH(cpu) {
        g_autofree char *path = object_get_canonical_path(OBJECT(cpu));

        /* vCPUs run in the main thread. */
        json_array_append_new(ret, json_pack(
            "{s:I, s:s, s:I, s:s}",
            "thread-id", (json_int_t)getpid(),
            "qom-path", path ? path : "",
            "cpu-index", (json_int_t)cpu->cpu_index,
            "target", "cr16"));
    }
    return ret;
}

static json_t *qmp_query_cpu_definitions(json_t *args, Error **errp)
{
    GSList *list = object_class_get_list_sorted(TYPE_CPU, false);
    json_t *ret = json_array();

    for (GSList *l = list; l; l = l->next) {
        const char *type = object_class_get_name(l->data);
        g_autofree char *name = type_name_without_suffix(type, "-cpu");

        json_array_append_new(ret, json_pack(
            "{s:s, s:s, s:b, s:b}", "name", name, "typename", type,
            "static", false, "deprecated", false));
    }
    g_slist_free(list);
    return ret;
}

static void add_chardev_info(Chardev *chr, void *opaque)
{
    bool fe_open = chr->be && chr->be->fe_is_open;

    json_array_append_new(opaque, json_pack(
        "{s:b, s:s, s:s}", "frontend-open", fe_open,
        "filename", qemu_chr_get_filename(chr),
        "label", chr->label ? chr->label : ""));
}

static json_t *qmp_query_chardev(json_t *args, Error **errp)
{
    json_t *ret = json_array();

    qemu_chr_foreach(add_chardev_info, ret);
    return ret;
}

/* ---- memory and registers ---------------------------------------------- */

CPUState *qmp_cpu_by_index(bool has_index, int64_t index, Error **errp)
{
    CPUState *cpu;

    if (!has_index) {
        cpu = mon_get_cpu(monitor_cur());
        if (!cpu) {
            error_setg(errp, "No CPU available");
        }
        return cpu;
    }
    cpu = (index >= 0 && index <= INT_MAX) ? qemu_get_cpu(index) : NULL;
    if (!cpu) {
        error_setg(errp, "Parameter 'cpu-index' expects a CPU number");
    }
    return cpu;
}

bool qmp_memsave_common(int64_t addr, int64_t size, const char *filename,
                        CPUState *cpu, bool physical, Error **errp)
{
    uint8_t buf[1024];
    int64_t done = 0;
    FILE *f;

    if (size < 0) {
        error_setg(errp, "Parameter 'size' expects a non-negative value");
        return false;
    }
    f = fopen(filename, "wb");
    if (!f) {
        error_setg_errno(errp, errno, "Could not open '%s'", filename);
        return false;
    }
    while (done < size) {
        size_t l = MIN((int64_t)sizeof(buf), size - done);

        if (physical) {
            /* Unbacked physical addresses read as whatever the bus says. */
            address_space_read(&address_space_memory, addr + done,
                               MEMTXATTRS_UNSPECIFIED, buf, l);
        } else if (cpu_memory_rw_debug(cpu, addr + done, buf, l, false)) {
            error_setg(errp, "Invalid addr 0x%016" PRIx64 "/size %" PRId64
                       " specified", (uint64_t)addr, size);
            fclose(f);
            return false;
        }
        if (fwrite(buf, 1, l, f) != l) {
            error_setg_errno(errp, errno, "writing memory to '%s' failed",
                             filename);
            fclose(f);
            return false;
        }
        done += l;
    }
    if (fclose(f)) {
        error_setg_errno(errp, errno, "writing memory to '%s' failed",
                         filename);
        return false;
    }
    return true;
}

static json_t *qmp_memsave(json_t *args, Error **errp)
{
    CPUState *cpu = qmp_cpu_by_index(qmp_arg_has(args, "cpu-index"),
                                     qmp_arg_int(args, "cpu-index", 0),
                                     errp);

    if (!cpu) {
        return NULL;
    }
    if (!qmp_memsave_common(qmp_arg_int(args, "val", 0),
                            qmp_arg_int(args, "size", 0),
                            qmp_arg_str(args, "filename"), cpu, false,
                            errp)) {
        return NULL;
    }
    return json_object();
}

static json_t *qmp_pmemsave(json_t *args, Error **errp)
{
    if (!qmp_memsave_common(qmp_arg_int(args, "val", 0),
                            qmp_arg_int(args, "size", 0),
                            qmp_arg_str(args, "filename"), NULL, true,
                            errp)) {
        return NULL;
    }
    return json_object();
}

char *monitor_cpu_dump(CPUState *cpu, int flags)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);

    if (!f) {
        return g_strdup("");
    }
    cpu_dump_state(cpu, f, flags);
    fclose(f);
    return text;
}

static json_t *qmp_x_query_registers(json_t *args, Error **errp)
{
    CPUState *cpu = qmp_cpu_by_index(qmp_arg_has(args, "cpu-index"),
                                     qmp_arg_int(args, "cpu-index", 0),
                                     errp);
    char *text;
    json_t *ret;

    if (!cpu) {
        return NULL;
    }
    text = monitor_cpu_dump(cpu, 0);
    ret = json_pack("{s:s}", "human-readable", text);
    free(text);
    return ret;
}

static json_t *qmp_human_monitor_command(json_t *args, Error **errp)
{
    int cpu_index = -1;
    char *out;
    json_t *ret;

    if (qmp_arg_has(args, "cpu-index")) {
        int64_t idx = qmp_arg_int(args, "cpu-index", -1);

        if (idx < 0 || idx > INT_MAX || !qemu_get_cpu(idx)) {
            error_setg(errp, "Parameter 'cpu-index' expects a CPU number");
            return NULL;
        }
        cpu_index = idx;
    }
    out = hmp_run_command_capture(qmp_arg_str(args, "command-line"),
                                  cpu_index);
    ret = json_string(out);
    g_free(out);
    if (!ret) {
        /* Output that is not UTF-8 (a raw memory dump as characters). */
        error_setg(errp, "Command output is not valid UTF-8");
    }
    return ret;
}

static const QmpArgSpec memsave_args[] = {
    { "val", QMP_ARG_INT },
    { "size", QMP_ARG_INT },
    { "filename", QMP_ARG_STR },
    { "cpu-index", QMP_ARG_INT, true },
    { }
};

static const QmpArgSpec pmemsave_args[] = {
    { "val", QMP_ARG_INT },
    { "size", QMP_ARG_INT },
    { "filename", QMP_ARG_STR },
    { }
};

static const QmpArgSpec cpu_index_args[] = {
    { "cpu-index", QMP_ARG_INT, true },
    { }
};

static const QmpArgSpec hmc_args[] = {
    { "command-line", QMP_ARG_STR },
    { "cpu-index", QMP_ARG_INT, true },
    { }
};

static const QmpCommand misc_commands[] = {
    { "query-name", qmp_query_name },
    { "query-machines", qmp_query_machines },
    { "query-cpus-fast", qmp_query_cpus_fast },
    { "query-cpu-definitions", qmp_query_cpu_definitions },
    { "query-chardev", qmp_query_chardev },
    { "memsave", qmp_memsave, memsave_args },
    { "pmemsave", qmp_pmemsave, pmemsave_args },
    { "x-query-registers", qmp_x_query_registers, cpu_index_args },
    { "human-monitor-command", qmp_human_monitor_command, hmc_args },
};

void qmp_register_misc_commands(void)
{
    qmp_register_commands(misc_commands, G_N_ELEMENTS(misc_commands));
}
