/*
 * HMP command tables, run control and the "info" commands.
 * Device and QOM commands are in hmp-cmds-qom.c, memory dumps in
 * hmp-cmds-mem.c.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "chardev/char-fe.h"
#include "hw/core/cpu.h"
#include "hw/qdev-core.h"
#include "system/memory.h"
#include "system/runstate.h"
#include "system/system.h"
#include "monitor/hmp.h"
#include "monitor-internal.h"

/* ---- run control ------------------------------------------------------- */

void hmp_stop(Monitor *mon, json_t *args)
{
    vm_stop(RUN_STATE_PAUSED);
}

void hmp_cont(Monitor *mon, json_t *args)
{
    if (runstate_needs_reset()) {
        monitor_printf(mon, "Error: Resetting the Virtual Machine is "
                       "required\n");
        return;
    }
    vm_start();
}

void hmp_system_reset(Monitor *mon, json_t *args)
{
    qemu_system_reset_request(SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET);
}

void hmp_system_powerdown(Monitor *mon, json_t *args)
{
    qemu_system_powerdown_request();
}

void hmp_quit(Monitor *mon, json_t *args)
{
    monitor_flush(mon);
    qemu_system_shutdown_request(SHUTDOWN_CAUSE_HOST_QMP_QUIT);
}

void hmp_cpu(Monitor *mon, json_t *args)
{
    if (monitor_set_cpu(mon, hmp_arg_int(args, "index", -1)) < 0) {
        monitor_printf(mon, "invalid CPU index\n");
    }
}

void hmp_log(Monitor *mon, json_t *args)
{
    const char *items = hmp_arg_str(args, "items");
    g_autofree char *bad = NULL;
    Error *err = NULL;
    int mask;

    if (!strcmp(items, "none")) {
        mask = 0;
    } else {
        mask = qemu_log_parse_mask(items, &bad);
        if (mask < 0) {
            monitor_printf(mon, "Unknown log item '%s'\n", bad);
            monitor_printf(mon, "Log items (comma separated):\n");
            for (const QEMULogItem *item = qemu_log_items; item->mask;
                 item++) {
                monitor_printf(mon, "%-15s %s\n", item->name, item->help);
            }
            return;
        }
    }
    if (!qemu_set_log(mask, &err)) {
        hmp_handle_error(mon, err);
    }
}

void hmp_gdbserver(Monitor *mon, json_t *args)
{
    const char *device = hmp_arg_str(args, "device");
    Error *err = NULL;

    if (!device) {
        device = "tcp::1234";
    }
    if (!gdbserver_start(device, &err)) {
        hmp_handle_error(mon, err);
    } else if (!strcmp(device, "none")) {
        monitor_printf(mon, "Disabled gdbserver\n");
    } else {
        monitor_printf(mon, "Waiting for gdb connection on device '%s'\n",
                       device);
    }
}

/* ---- info -------------------------------------------------------------- */

void hmp_info_version(Monitor *mon, json_t *args)
{
    monitor_printf(mon, "%s%s%s\n", QEMU_VERSION,
                   QEMU_PKGVERSION[0] ? " " : "", QEMU_PKGVERSION);
}

void hmp_info_status(Monitor *mon, json_t *args)
{
    RunState state = runstate_get();
    bool running = runstate_is_running();

    monitor_printf(mon, "VM status: %s", running ? "running" : "paused");
    /* "paused" needs no explanation; the other stopped states do. */
    if (!running && state != RUN_STATE_PAUSED) {
        monitor_printf(mon, " (%s)", runstate_name(state));
    }
    monitor_printf(mon, "\n");
}

void hmp_info_name(Monitor *mon, json_t *args)
{
    const char *name = monitor_vm_name();

    if (name) {
        monitor_printf(mon, "%s\n", name);
    }
}

void hmp_info_mtree(Monitor *mon, json_t *args)
{
    g_autoptr(GString) out = g_string_new(NULL);

    mtree_info_to_gstring(out, hmp_arg_flag(args, "flatview"),
                          hmp_arg_flag(args, "dispatch_tree"),
                          hmp_arg_flag(args, "owner"),
                          hmp_arg_flag(args, "disabled"));
    monitor_puts(mon, out->str);
}

void hmp_info_qtree(Monitor *mon, json_t *args)
{
    g_autoptr(GString) out = g_string_new(NULL);

    qdev_print_qtree(out, NULL);
    monitor_puts(mon, out->str);
}

static int collect_child(Object *child, void *opaque)
{
    g_ptr_array_add(opaque, child);
    return 0;
}

static gint child_compare(gconstpointer a, gconstpointer b)
{
    g_autofree char *na = object_get_canonical_path_component(
        *(Object *const *)a);
    g_autofree char *nb = object_get_canonical_path_component(
        *(Object *const *)b);

    return g_strcmp0(na, nb);
}

/* "/name (type)", children below, indented by two spaces a level. */
static void print_qom_composition(Monitor *mon, Object *obj, int indent)
{
    g_autoptr(GPtrArray) children = g_ptr_array_new();
    g_autofree char *name = NULL;

    if (obj != object_get_root()) {
        name = object_get_canonical_path_component(obj);
    }
    monitor_printf(mon, "%*s/%s (%s)\n", indent, "", name ? name : "",
                   object_get_typename(obj));
    object_child_foreach(obj, collect_child, children);
    g_ptr_array_sort(children, child_compare);
    for (guint i = 0; i < children->len; i++) {
        print_qom_composition(mon, g_ptr_array_index(children, i),
                              indent + 2);
    }
}

void hmp_info_qom_tree(Monitor *mon, json_t *args)
{
    const char *path = hmp_arg_str(args, "path");
    bool ambiguous = false;
    Object *obj;

    if (!path) {
        path = "/machine";
    }
    obj = object_resolve_path(path, &ambiguous);
    if (!obj) {
        monitor_printf(mon, "Path '%s' could not be resolved.\n", path);
        return;
    }
    print_qom_composition(mon, obj, 0);
}

static void print_registers(Monitor *mon, CPUState *cpu)
{
    char *text = monitor_cpu_dump(cpu, 0);

    monitor_puts(mon, text);
    free(text);
}

void hmp_info_registers(Monitor *mon, json_t *args)
{
    CPUState *cpu;

    if (hmp_arg_flag(args, "all")) {
        CPU_FOREACH(cpu) {
            monitor_printf(mon, "\nCPU#%d\n", cpu->cpu_index);
            print_registers(mon, cpu);
        }
        return;
    }
    cpu = mon_get_cpu(mon);
    if (!cpu) {
        monitor_printf(mon, "No CPU available\n");
        return;
    }
    print_registers(mon, cpu);
}

void hmp_info_cpus(Monitor *mon, json_t *args)
{
    CPUState *cur = mon_get_cpu(mon);
    CPUState *cpu;

    CPU_FOREACH(cpu) {
        monitor_printf(mon, "%c CPU #%d: thread_id=%d\n",
                       cpu == cur ? '*' : ' ', cpu->cpu_index,
                       (int)getpid());
    }
}

static void print_chardev(Chardev *chr, void *opaque)
{
    monitor_printf(opaque, "%s: filename=%s\n",
                   chr->label ? chr->label : "", qemu_chr_get_filename(chr));
}

void hmp_info_chardev(Monitor *mon, json_t *args)
{
    qemu_chr_foreach(print_chardev, mon);
}

void hmp_info_history(Monitor *mon, json_t *args)
{
    MonitorHMP *hmp = container_of_hmp(mon);
    const char *line;

    if (!hmp->rs) {
        return;
    }
    for (unsigned i = 0; (line = readline_get_history(hmp->rs, i)); i++) {
        monitor_printf(mon, "%d: '%s'\n", i, line);
    }
}

/* ---- tables ------------------------------------------------------------ */

const HMPCommand hmp_info_cmds[] = {
    { "version", NULL, "", "show the version of QEMU", hmp_info_version },
    { "status", NULL, "", "show the current VM status (running|paused)",
      hmp_info_status },
    { "name", NULL, "", "show the current VM name", hmp_info_name },
    { "mtree", "flatview:-f,dispatch_tree:-d,owner:-o,disabled:-D",
      "[-f][-d][-o][-D]",
      "show memory tree (-f: dump flat view for address spaces; "
      "-d: dump dispatch tree, valid with -f only; "
      "-o: dump region owners/parents; -D: dump disabled regions)",
      hmp_info_mtree },
    { "qtree", NULL, "", "show device tree", hmp_info_qtree },
    { "qom-tree", "path:s?", "[path]",
      "show QOM composition tree (default path: /machine)",
      hmp_info_qom_tree },
    { "registers", "all:-a", "[-a]",
      "show the cpu registers (-a: all CPUs)", hmp_info_registers },
    { "cpus", NULL, "", "show infos for each CPU", hmp_info_cpus },
    { "chardev", NULL, "", "show the character devices",
      hmp_info_chardev },
    { "history", NULL, "", "show the command line history",
      hmp_info_history },
    { }
};

const HMPCommand hmp_cmds[] = {
    { "help|?", "name:S?", "[cmd]", "show the help", hmp_help },
    { "info", NULL, "[subcommand]", "show various information about the "
      "system state", NULL, hmp_info_cmds },
    { "stop", NULL, "", "stop emulation", hmp_stop },
    { "c|cont", NULL, "", "resume emulation", hmp_cont },
    { "system_reset", NULL, "", "reset the system", hmp_system_reset },
    { "system_powerdown", NULL, "", "send system power down event",
      hmp_system_powerdown },
    { "q|quit", NULL, "", "quit the emulator", hmp_quit },
    { "cpu", "index:l", "index", "set the default CPU", hmp_cpu },
    { "device_add", "device:O", "driver[,prop=value][,...]",
      "add device, like -device on the command line", hmp_device_add },
    { "device_del", "id:s", "device", "remove device", hmp_device_del },
    { "qom-list", "path:s?", "path",
      "list QOM properties", hmp_qom_list },
    { "qom-get", "path:s,property:s", "path property",
      "print QOM property", hmp_qom_get },
    { "qom-set", "json:-j,path:s,property:s,value:S",
      "[-j] path property value",
      "set QOM property (-j: the value is JSON)", hmp_qom_set },
    { "log", "items:s", "item1[,...]",
      "activate logging of the specified items (none: stop logging)",
      hmp_log },
    { "gdbserver", "device:s?", "[device]",
      "start gdbserver on given device (default 'tcp::1234'), stop with "
      "'none'", hmp_gdbserver },
    { "x", "fmt:/,addr:l", "/fmt addr", "virtual memory dump starting at "
      "'addr'", hmp_memory_dump },
    { "xp", "fmt:/,addr:l", "/fmt addr", "physical memory dump starting at "
      "'addr'", hmp_physical_memory_dump },
    { "memsave", "val:l,size:l,filename:s", "addr size file",
      "save to disk virtual memory dump starting at 'addr' of size 'size'",
      hmp_memsave },
    { "pmemsave", "val:l,size:l,filename:s", "addr size file",
      "save to disk physical memory dump starting at 'addr' of size 'size'",
      hmp_pmemsave },
    { }
};
