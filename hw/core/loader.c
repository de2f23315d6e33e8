/*
 * Guest image loaders; see include/hw/loader.h.
 *
 * ELF files are read with libelf, and nothing in them is trusted: every
 * program header must lie inside the file, p_filesz may not exceed
 * p_memsz, and the data is only written where the guest address space
 * has memory.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "system/memory.h"
#include "system/reset.h"
#include "hw/loader.h"

#include <gelf.h>
#include <libelf.h>

/* ---- ROM blobs ------------------------------------------------------ */

typedef struct Rom {
    char *name;
    hwaddr addr;
    size_t len;
    uint8_t *data;
    AddressSpace *as;
} Rom;

static GPtrArray *roms;

static void rom_free(gpointer p)
{
    Rom *rom = p;

    g_free(rom->name);
    g_free(rom->data);
    g_free(rom);
}

static MemTxResult rom_write(Rom *rom)
{
    return address_space_write_rom(rom->as, rom->addr,
                                   MEMTXATTRS_UNSPECIFIED, rom->data,
                                   rom->len);
}

void rom_reset_all(void)
{
    for (guint i = 0; roms && i < roms->len; i++) {
        rom_write(g_ptr_array_index(roms, i));
    }
}

static void rom_reset(void *opaque)
{
    rom_reset_all();
}

void rom_free_all(void)
{
    if (roms) {
        qemu_unregister_reset(rom_reset, NULL);
        g_ptr_array_free(roms, true);
        roms = NULL;
    }
}

/*
 * Whether every byte of [addr, addr + len) is mapped in @as.  Asked before
 * a segment's buffer is allocated: a damaged ELF file may claim 4 GiB of
 * .bss, which must be refused, not allocated and copied.
 */
static bool rom_range_is_mapped(AddressSpace *as, hwaddr addr, uint64_t len)
{
    Int128 end = (Int128)addr + len;

    while ((Int128)addr < end) {
        MemoryRegionSection s = address_space_lookup_section(as, addr);
        Int128 next = (Int128)s.offset_within_address_space + s.size;

        if (!s.mr) {
            return false;
        }
        if (next >= end) {
            break;
        }
        addr = (hwaddr)next;
    }
    return true;
}

static void rom_error_unmapped(const char *name, hwaddr addr, uint64_t len,
                               Error **errp)
{
    error_setg(errp, "%s: 0x%" PRIx64 "..0x%" PRIx64 " is not inside "
               "the machine's memory", name, (uint64_t)addr,
               (uint64_t)(addr + len - 1));
}

bool rom_add_blob_fixed_as(const char *name, const void *data, size_t len,
                           hwaddr addr, AddressSpace *as, Error **errp)
{
    Rom *rom = g_new0(Rom, 1);

    rom->name = g_strdup(name);
    rom->addr = addr;
    rom->len = len;
    rom->data = g_memdup2(data, len);
    rom->as = as ? as : &address_space_memory;
    if (len && rom_write(rom) != MEMTX_OK) {
        rom_error_unmapped(name, addr, len, errp);
        rom_free(rom);
        return false;
    }
    if (!roms) {
        roms = g_ptr_array_new_with_free_func(rom_free);
        qemu_register_reset(rom_reset, NULL);
    }
    g_ptr_array_add(roms, rom);
    return true;
}

/* ---- raw images --------------------------------------------------------- */

int64_t get_image_size(const char *filename)
{
    struct stat st;

    if (stat(filename, &st) < 0 || !S_ISREG(st.st_mode)) {
        return -1;
    }
    return st.st_size;
}

int64_t load_image_targphys_as(const char *filename, hwaddr addr,
                               uint64_t max_sz, AddressSpace *as,
                               Error **errp)
{
    g_autofree char *data = NULL;
    g_autoptr(GError) gerr = NULL;
    gsize len;

    if (!g_file_get_contents(filename, &data, &len, &gerr)) {
        error_setg(errp, "could not load '%s': %s", filename, gerr->message);
        return -1;
    }
    if (len > max_sz) {
        error_setg(errp, "'%s' is too large: %" G_GSIZE_FORMAT " bytes, the "
                   "space at 0x%" PRIx64 " holds %" PRIu64, filename, len,
                   (uint64_t)addr, max_sz);
        return -1;
    }
    if (!rom_add_blob_fixed_as(filename, data, len, addr, as, errp)) {
        return -1;
    }
    return len;
}

int64_t load_image_targphys(const char *filename, hwaddr addr,
                            uint64_t max_sz)
{
    Error *err = NULL;
    int64_t ret = load_image_targphys_as(filename, addr, max_sz, NULL, &err);

    if (ret < 0) {
        error_report_err(err);
    }
    return ret;
}

/* ---- ELF ------------------------------------------------------------------ */

bool file_is_elf(const char *filename)
{
    unsigned char magic[SELFMAG];
    int fd = open(filename, O_RDONLY | O_CLOEXEC);
    bool ret;

    if (fd < 0) {
        return false;
    }
    ret = read(fd, magic, SELFMAG) == SELFMAG &&
          !memcmp(magic, ELFMAG, SELFMAG);
    close(fd);
    return ret;
}

/* Check the ELF header; false with @errp set. */
static bool elf_check_header(const char *filename, Elf *elf,
                             const GElf_Ehdr *eh, int elf_machine,
                             Error **errp)
{
    /* The machine first: "wrong architecture" is the likely mistake. */
    if (eh->e_machine != elf_machine) {
        error_setg(errp, "'%s' is an ELF file for machine %u, not for "
                   "this target (e_machine %d)", filename, eh->e_machine,
                   elf_machine);
        return false;
    }
    if (eh->e_ident[EI_CLASS] != ELFCLASS32 ||
        eh->e_ident[EI_DATA] != ELFDATA2LSB) {
        error_setg(errp, "'%s' is not a 32-bit little-endian ELF file",
                   filename);
        return false;
    }
    if (eh->e_type != ET_EXEC) {
        error_setg(errp, "'%s' is not an ELF executable (e_type %u)",
                   filename, eh->e_type);
        return false;
    }
    return true;
}

int64_t load_elf_as(const char *filename, int elf_machine, bool load_vma,
                    AddressSpace *as, ElfLoadInfo *info, Error **errp)
{
    ElfLoadInfo local = { .lowaddr = UINT64_MAX };
    GElf_Ehdr eh;
    Elf *elf = NULL;
    const char *raw;
    size_t raw_size, phnum;
    int64_t total = 0;
    int fd;

    if (elf_version(EV_CURRENT) == EV_NONE) {
        error_setg(errp, "libelf is unusable: %s", elf_errmsg(-1));
        return -1;
    }
    fd = open(filename, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error_setg_errno(errp, errno, "could not open '%s'", filename);
        return -1;
    }
    elf = elf_begin(fd, ELF_C_READ, NULL);
    if (!elf || elf_kind(elf) != ELF_K_ELF) {
        /* libelf does not recognise an ELF cut short inside its header. */
        error_setg(errp, file_is_elf(filename)
                         ? "'%s' is truncated or corrupt (incomplete ELF "
                           "header)"
                         : "'%s' is not an ELF file", filename);
        goto fail;
    }
    raw = elf_rawfile(elf, &raw_size);
    if (!gelf_getehdr(elf, &eh) || !raw) {
        error_setg(errp, "'%s' is truncated or corrupt: %s", filename,
                   elf_errmsg(-1));
        goto fail;
    }
    if (!elf_check_header(filename, elf, &eh, elf_machine, errp)) {
        goto fail;
    }
    if (elf_getphdrnum(elf, &phnum) < 0 ||
        (phnum && (uint64_t)eh.e_phoff + (uint64_t)phnum * eh.e_phentsize >
                  raw_size)) {
        error_setg(errp, "'%s' is truncated: its program headers extend "
                   "past the end of the file", filename);
        goto fail;
    }

    for (size_t i = 0; i < phnum; i++) {
        GElf_Phdr ph;
        uint64_t addr;
        g_autofree char *name = NULL;
        g_autofree uint8_t *seg = NULL;

        if (!gelf_getphdr(elf, i, &ph)) {
            error_setg(errp, "'%s': program header %zu is unreadable: %s",
                       filename, i, elf_errmsg(-1));
            goto fail;
        }
        if (ph.p_type != PT_LOAD || ph.p_memsz == 0) {
            continue;
        }
        if (ph.p_filesz > ph.p_memsz ||
            ph.p_offset > raw_size || ph.p_filesz > raw_size - ph.p_offset) {
            error_setg(errp, "'%s' is truncated or corrupt: segment %zu "
                       "(%" PRIu64 " bytes at file offset 0x%" PRIx64 ") "
                       "extends past the end of the file", filename, i,
                       (uint64_t)ph.p_filesz, (uint64_t)ph.p_offset);
            goto fail;
        }
        addr = load_vma ? ph.p_vaddr : ph.p_paddr;
        name = g_strdup_printf("%s segment %zu", filename, i);
        if (!rom_range_is_mapped(as ? as : &address_space_memory, addr,
                                 ph.p_memsz)) {
            rom_error_unmapped(name, addr, ph.p_memsz, errp);
            goto fail;
        }
        /* One blob per segment, zero-filled up to p_memsz (.bss). */
        seg = g_malloc0(ph.p_memsz);
        memcpy(seg, raw + ph.p_offset, ph.p_filesz);
        if (!rom_add_blob_fixed_as(name, seg, ph.p_memsz, addr, as, errp)) {
            goto fail;
        }
        local.lowaddr = MIN(local.lowaddr, addr);
        local.highaddr = MAX(local.highaddr, addr + ph.p_memsz);
        local.segments++;
        total += ph.p_memsz;
    }
    if (!local.segments) {
        error_setg(errp, "'%s' has nothing to load (no PT_LOAD segment)",
                   filename);
        goto fail;
    }
    local.entry = eh.e_entry;
    if (info) {
        *info = local;
    }
    elf_end(elf);
    close(fd);
    return total;

fail:
    if (elf) {
        elf_end(elf);
    }
    close(fd);
    return -1;
}
