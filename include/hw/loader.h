/*
 * Loading guest images into memory: ELF executables (through libelf)
 * and raw binaries.
 *
 * Everything a loader writes is also remembered as a "ROM blob" and
 * written again at every machine reset, so system_reset starts the
 * program from a pristine image even if it overwrote its own data.
 * Loaders write with address_space_write_rom(), so images may target
 * ROM as well as RAM.
 */
#ifndef HW_LOADER_H
#define HW_LOADER_H

#include "exec/hwaddr.h"
#include "qapi/error.h"

typedef struct AddressSpace AddressSpace;

#ifndef EM_CR16
#define EM_CR16 177
#endif

/* What load_elf_as() found. */
typedef struct ElfLoadInfo {
    uint64_t entry;         /* e_entry */
    uint64_t lowaddr;       /* lowest load address of a PT_LOAD segment */
    uint64_t highaddr;      /* one past the highest */
    unsigned segments;      /* PT_LOAD segments loaded */
} ElfLoadInfo;

/*
 * Load the PT_LOAD segments of the ELF executable @filename into @as
 * (NULL: address_space_memory): p_filesz bytes from the file, then
 * zeros up to p_memsz.  Segments go to their physical address (p_paddr,
 * the LMA) or, with @load_vma, to their virtual address (p_vaddr), like
 * the GNU simulator's --load-vma.  The file must be a 32-bit
 * little-endian executable for @elf_machine (e.g. EM_CR16); truncated or
 * foreign files, and segments that fall outside the guest's memory, are
 * refused with a message naming the file.  Returns the bytes loaded,
 * or -1 with @errp set.
 */
int64_t load_elf_as(const char *filename, int elf_machine, bool load_vma,
                    AddressSpace *as, ElfLoadInfo *info, Error **errp);

/* Whether @filename starts with the ELF magic (false if unreadable). */
bool file_is_elf(const char *filename);

/*
 * Copy the whole of @filename to @addr in @as (NULL:
 * address_space_memory).  Files larger than @max_sz are refused.
 * Returns the size loaded, or -1 with @errp set.
 */
int64_t load_image_targphys_as(const char *filename, hwaddr addr,
                               uint64_t max_sz, AddressSpace *as,
                               Error **errp);
/* Same, into address_space_memory, reporting errors with error_report. */
int64_t load_image_targphys(const char *filename, hwaddr addr,
                            uint64_t max_sz);

/* The size of @filename in bytes, or -1 if it cannot be read. */
int64_t get_image_size(const char *filename);

/*
 * Write @len bytes of @data to @addr now and after every reset (a copy
 * is kept).  @name is for messages.  false with @errp set if @addr is
 * not backed by memory.
 */
bool rom_add_blob_fixed_as(const char *name, const void *data, size_t len,
                           hwaddr addr, AddressSpace *as, Error **errp);

/* Rewrite every blob (the machine-reset handler; also callable). */
void rom_reset_all(void);
/* Forget every blob (at exit). */
void rom_free_all(void);

#endif /* HW_LOADER_H */
