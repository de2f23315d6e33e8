/*
 * The texts of qemu-system-cr16's -help, -version and the "help" forms
 * of -machine and -device (introspected from QOM).
 */
#include "qemu/osdep.h"
#include "qemu/error-report.h"
#include "qemu/json-util.h"
#include "hw/qdev-core.h"
#include "tcg/tcg.h"
#include "vl-internal.h"

void vl_print_version(void)
{
    printf("QEMU emulator version " QEMU_VERSION " (qemu-cr16)\n"
           "Copyright (c) 2026 the qemu-cr16 developers\n");
}

static const char vl_help_text[] =
"usage: qemu-system-cr16 [options]\n"
"\n"
"Options may be written with one or two dashes (-m or --m).\n"
"\n"
"Standard options:\n"
"-h or -help            display this help and exit\n"
"-version               display version information and exit\n"
"-machine [type=]name[,prop=value[,...]]\n"
"                       select the board ('-machine help' lists them,\n"
"                       '-machine NAME,help' its properties); -M is short\n"
"-cpu model             select the CPU model ('-cpu help' lists them)\n"
"-m [size=]megs         guest RAM size; suffixes K, M, G allowed (M is\n"
"                       the default unit)\n"
"-name string           name the guest\n"
"\n"
"Boot options:\n"
"-kernel file           program to run: a CR16 ELF executable (loaded at\n"
"                       its segments' addresses, started at its entry\n"
"                       point) or a raw image (loaded at the board's\n"
"                       address)\n"
"-append cmdline        command line for the kernel (boards that use one)\n"
"-bios file             firmware image for boards with a boot ROM\n"
"\n"
"Devices:\n"
"-device driver[,prop=value][,...]\n"
"                       add a device ('-device help' lists them,\n"
"                       '-device DRIVER,help' its properties)\n"
"\n"
"Character devices:\n"
"-chardev backend,id=id[,options]\n"
"                       create a chardev ('-chardev help' lists backends):\n"
"                       null, stdio[,signal=on|off], file,path=P[,append=on],\n"
"                       socket,host=H,port=P[,server=on][,wait=off]\n"
"                       [,nodelay=on][,reconnect=S],\n"
"                       socket,path=P[,server=on][,wait=off], pty;\n"
"                       all take mux=on and logfile=F[,logappend=on]\n"
"-serial dev           connect the next serial port to dev: stdio,\n"
"                       mon:stdio, null, none, pty, file:PATH,\n"
"                       tcp:[HOST]:PORT[,server=on,wait=off],\n"
"                       unix:PATH[,server=on,wait=off], chardev:ID\n"
"-monitor dev           human monitor (HMP) on dev (same syntax)\n"
"-qmp dev               QMP monitor on dev (same syntax)\n"
"-qmp-pretty dev        QMP monitor printing indented JSON\n"
"-mon [chardev=]id[,mode=readline|control][,pretty=on|off]\n"
"                       a monitor on an existing chardev\n"
"\n"
"Display:\n"
"-nographic             no display: the serial port and the monitor share\n"
"                       stdio (C-a h lists the escape keys, C-a x quits)\n"
"-display none          no display (the only one in this build)\n"
"-nodefaults            create no default serial port or monitor\n"
"\n"
"Debugging and tracing:\n"
"-S                     do not start the CPU at start-up (use 'cont')\n"
"-s                     shorthand for -gdb tcp::1234\n"
"-gdb dev               accept a gdb connection on dev\n"
"-d item1[,...]         log the given items ('-d help' lists them)\n"
"-D logfile             write the log to logfile instead of stderr\n"
"\n"
"Execution:\n"
"-accel tcg[,tcg-backend=native|interp][,tb-size=MiB]\n"
"                       translate with TCG (the default); 'interp' picks\n"
"                       the portable interpreter backend\n"
"-accel qtest           no CPU execution; for device tests\n"
"-icount [shift=]N      virtual time advances 2^N ns per instruction\n"
"                       (deterministic); idle time is skipped\n"
"-qtest dev             speak the qtest protocol on dev (implies\n"
"                       -accel qtest)\n"
"-qtest-log file        log the qtest protocol to file\n"
"-semihosting           treat EXCP as a GNU simulator system call (the sim\n"
"                       machine always does)\n"
"-no-reboot             exit instead of rebooting\n"
"-no-shutdown           stop instead of exiting when the guest shuts down\n"
"\n"
"During -nographic emulation, C-a h prints the escape keys.\n";

void vl_print_help(void)
{
    vl_print_version();
    fputs(vl_help_text, stdout);
}

/* ---- machines ------------------------------------------------------- */

MachineClass *vl_find_machine(const char *name)
{
    GSList *list = object_class_get_list(TYPE_MACHINE, false);
    MachineClass *found = NULL;

    for (GSList *l = list; l; l = l->next) {
        MachineClass *mc = MACHINE_CLASS(l->data);

        if ((mc->name && !strcmp(mc->name, name)) ||
            (mc->alias && !strcmp(mc->alias, name))) {
            found = mc;
            break;
        }
    }
    g_slist_free(list);
    return found;
}

MachineClass *vl_find_default_machine(void)
{
    GSList *list = object_class_get_list(TYPE_MACHINE, false);
    MachineClass *found = NULL;

    for (GSList *l = list; l; l = l->next) {
        if (MACHINE_CLASS(l->data)->is_default) {
            found = MACHINE_CLASS(l->data);
            break;
        }
    }
    g_slist_free(list);
    return found;
}

void vl_print_machines(void)
{
    GSList *list = object_class_get_list_sorted(TYPE_MACHINE, false);

    printf("Supported machines are:\n");
    for (GSList *l = list; l; l = l->next) {
        MachineClass *mc = MACHINE_CLASS(l->data);

        if (mc->alias) {
            printf("%-20s %s (alias of %s)\n", mc->alias, mc->desc,
                   mc->name);
        }
        printf("%-20s %s%s\n", mc->name, mc->desc ? mc->desc : "",
               mc->is_default ? " (default)" : "");
    }
    g_slist_free(list);
}

/* Properties that exist on every object or device and mean nothing here. */
static bool prop_is_internal(const ObjectProperty *prop)
{
    static const char *const internal[] = {
        "type", "realized", "hotplugged", "hotpluggable", "parent_bus",
    };

    if (!prop->set || g_str_has_prefix(prop->type, "child<")) {
        return true;
    }
    for (size_t i = 0; i < ARRAY_SIZE(internal); i++) {
        if (!strcmp(prop->name, internal[i])) {
            return true;
        }
    }
    return false;
}

static gint prop_compare(gconstpointer a, gconstpointer b)
{
    const ObjectProperty *pa = *(ObjectProperty *const *)a;
    const ObjectProperty *pb = *(ObjectProperty *const *)b;

    return strcmp(pa->name, pb->name);
}

/* "  name=<type>   - description (default: value)", sorted by name. */
static void print_class_props(ObjectClass *oc, const char *what)
{
    g_autoptr(GPtrArray) props = g_ptr_array_new();
    ObjectPropertyIterator iter;
    ObjectProperty *prop;

    object_class_property_iter_init(&iter, oc);
    while ((prop = object_property_iter_next(&iter))) {
        if (!prop_is_internal(prop)) {
            g_ptr_array_add(props, prop);
        }
    }
    if (!props->len) {
        printf("There are no options for %s.\n", what);
        return;
    }
    g_ptr_array_sort(props, prop_compare);
    printf("%s options:\n", what);
    for (guint i = 0; i < props->len; i++) {
        g_autofree char *left = NULL;
        g_autofree char *def = NULL;

        prop = g_ptr_array_index(props, i);
        left = g_strdup_printf("%s=<%s>", prop->name, prop->type);
        if (prop->defval && json_is_string(prop->defval)) {
            def = g_strdup(json_string_value(prop->defval));
        } else if (prop->defval && json_is_integer(prop->defval) &&
                   (g_str_has_prefix(prop->type, "uint") ||
                    !strcmp(prop->type, "size"))) {
            /* Unsigned values above INT64_MAX travel as negative JSON. */
            def = g_strdup_printf("%" PRIu64,
                                  (uint64_t)json_integer_value(prop->defval));
        } else if (prop->defval) {
            def = json_dumps_compact(prop->defval);
        }
        printf("  %-24s", left);
        if (prop->description || def) {
            printf(" - %s", prop->description ? prop->description : "");
        }
        if (def) {
            printf("%s(default: %s)", prop->description ? " " : "", def);
        }
        printf("\n");
    }
}

void vl_print_machine_props(MachineClass *mc)
{
    g_autofree char *what = g_strdup_printf("machine %s", mc->name);

    print_class_props(OBJECT_CLASS(mc), what);
}

/* ---- devices ------------------------------------------------------------- */

static void print_device(DeviceClass *dc)
{
    const char *name = object_class_get_name(OBJECT_CLASS(dc));

    printf("name \"%s\"", name);
    if (dc->bus_type) {
        printf(", bus %s", dc->bus_type);
    }
    if (dc->desc) {
        printf(", desc \"%s\"", dc->desc);
    }
    printf("\n");
}

void vl_print_devices(void)
{
    GSList *list = object_class_get_list_sorted(TYPE_DEVICE, false);
    bool any = false;

    /* Grouped by category, like QEMU; each group once, in enum order. */
    for (int cat = 0; cat <= DEVICE_CATEGORY_MAX; cat++) {
        bool header = false;

        for (GSList *l = list; l; l = l->next) {
            DeviceClass *dc = DEVICE_CLASS(l->data);
            bool in_cat;

            if (!dc->user_creatable) {
                continue;
            }
            if (cat == DEVICE_CATEGORY_MAX) {
                in_cat = true;
                for (int c = 0; c < DEVICE_CATEGORY_MAX; c++) {
                    in_cat &= !test_bit(c, dc->categories);
                }
            } else {
                in_cat = test_bit(cat, dc->categories);
            }
            if (!in_cat) {
                continue;
            }
            if (!header) {
                printf("%s%s devices:\n", any ? "\n" : "",
                       qdev_category_name(cat));
                header = any = true;
            }
            print_device(dc);
        }
    }
    g_slist_free(list);
}

void vl_print_device_props(const char *driver)
{
    ObjectClass *oc = object_class_by_name(driver);

    if (!oc || !object_class_dynamic_cast(oc, TYPE_DEVICE) ||
        object_class_is_abstract(oc)) {
        error_report("'%s' is not a valid device model name (use -device "
                     "help to list them)", driver);
        exit(1);
    }
    print_class_props(oc, driver);
}

/* ---- accelerators ------------------------------------------------------ */

int vl_tcg_backend_from_name(const char *name)
{
    int kind;

    if (!strcmp(name, "native") || !strcmp(name, "x86-64") ||
        !strcmp(name, "x86_64")) {
        kind = TCG_BACKEND_X86_64;
    } else if (!strcmp(name, "interp") || !strcmp(name, "interpreter") ||
               !strcmp(name, "tci")) {
        kind = TCG_BACKEND_INTERP;
    } else {
        return -1;
    }
    return tcg_backend_available(kind) ? kind : -1;
}
