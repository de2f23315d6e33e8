/*
 * The memory API: memory regions, address spaces, flat views, listeners
 * and guest-physical accesses.
 *
 * A MemoryRegion (MR) is one piece of the guest's physical memory map:
 * RAM, ROM, a ROM device, an MMIO window served by callbacks, an alias
 * (a window onto part of another region) or a container that only groups
 * subregions.  An AddressSpace renders a tree of regions into a FlatView
 * (a sorted list of non-overlapping ranges) every time a transaction
 * commits; accesses look the address up in that view.
 *
 * Lifetime (docs/devel/memory.rst explains the reasoning):
 *  - Every MR is a QOM object with its own reference count and is a QOM
 *    child of its owner (or, with no owner, of /machine/unattached).
 *  - Whatever makes an MR reachable (a container, an alias, a FlatView,
 *    an address_space_map() mapping) holds a reference to it; while an MR
 *    is referenced from outside its owner, it also keeps its owner alive.
 *  - object_unparent() on an MR detaches it from its container; qdev does
 *    that for every MR child of a device after unrealize, so devices
 *    never delete their own subregions.
 *  - FlatViews that die while a dispatch is running are freed at the next
 *    quiescent point (memory_reclaim_run()).
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SYSTEM_MEMORY_H
#define SYSTEM_MEMORY_H

#include "exec/hwaddr.h"
#include "exec/cpu-common.h"
#include "exec/memattrs.h"
#include "exec/memop.h"
#include "exec/ramblock.h"
#include "qom/object.h"

#define TYPE_MEMORY_REGION "memory-region"
OBJECT_DECLARE_SIMPLE_TYPE(MemoryRegion, MEMORY_REGION)

typedef struct AddressSpace AddressSpace;
typedef struct FlatView FlatView;
typedef struct MemoryListener MemoryListener;
typedef struct MemoryRegionOps MemoryRegionOps;
typedef struct MemoryRegionSection MemoryRegionSection;

/*
 * Callbacks of an MMIO region.
 *
 * @read/@write get the offset in the region and the access size in
 * bytes (1, 2, 4 or 8); values are numbers in the byte order given by
 * @endianness.  The _with_attrs forms take precedence when set and can
 * fail the access (MEMTX_ERROR: a bus error the CPU may turn into an
 * exception).
 *
 * @valid says which accesses the device accepts at all; others fail with
 * MEMTX_DECODE_ERROR and a LOG_GUEST_ERROR message.  @impl says which
 * accesses the callbacks implement; the core splits wider accesses and
 * widens narrower or misaligned ones to fit.  Zero sizes mean the
 * defaults: valid 1..4 (max 0 = anything), impl 1..4.
 */
struct MemoryRegionOps {
    uint64_t (*read)(void *opaque, hwaddr addr, unsigned size);
    void (*write)(void *opaque, hwaddr addr, uint64_t data, unsigned size);
    MemTxResult (*read_with_attrs)(void *opaque, hwaddr addr,
                                   uint64_t *data, unsigned size,
                                   MemTxAttrs attrs);
    MemTxResult (*write_with_attrs)(void *opaque, hwaddr addr,
                                    uint64_t data, unsigned size,
                                    MemTxAttrs attrs);

    enum device_endian endianness;

    struct {
        unsigned min_access_size;
        unsigned max_access_size;
        /* Accept accesses not aligned to their size. */
        bool unaligned;
        /* Optional veto, e.g. for registers that exist only at some sizes. */
        bool (*accepts)(void *opaque, hwaddr addr, unsigned size,
                        bool is_write, MemTxAttrs attrs);
    } valid;

    struct {
        unsigned min_access_size;
        unsigned max_access_size;
        /* The callbacks handle misaligned accesses themselves. */
        bool unaligned;
    } impl;
};

/*
 * Fields are visible for the memory API's own files, qdev and the
 * monitor; everything else should use the accessors below.
 */
struct MemoryRegion {
    Object parent_obj;

    /* private: */
    bool ram;               /* backed by host memory (RAM or ROM) */
    bool readonly;          /* guest writes are ignored */
    bool rom_device;        /* RAM reads, MMIO writes (in romd mode) */
    bool romd_mode;         /* rom_device: reads come from RAM */
    bool terminates;        /* a leaf: accesses stop here */
    bool enabled;
    bool nonvolatile;
    int priority;           /* among the siblings in the container */
    hwaddr addr;            /* offset in the container */
    Int128 size;
    Object *owner;          /* provides storage and callbacks; may be NULL */
    const MemoryRegionOps *ops;
    void *opaque;
    MemoryRegion *container;
    MemoryRegion *subregions;       /* first child, highest priority first */
    MemoryRegion *sub_next;         /* next sibling in the container */
    MemoryRegion *sub_prev;
    MemoryRegion *alias;            /* target of an alias (referenced) */
    hwaddr alias_offset;
    RAMBlock *ram_block;
    char *name;
    /* References held from outside the owner; while > 0, owner is pinned. */
    unsigned ext_refs;
};

/*
 * The part of a region visible at one place of an address space, as
 * reported to listeners and by lookups.
 */
struct MemoryRegionSection {
    Int128 size;                    /* up to 2^64 */
    MemoryRegion *mr;               /* a leaf region (aliases resolved) */
    FlatView *fv;
    hwaddr offset_within_region;
    hwaddr offset_within_address_space;
    bool readonly;                  /* ROM, or under a read-only region */
    bool nonvolatile;
};

/* ------------------------------------------------------------------ */
/* Creating regions                                                    */
/* ------------------------------------------------------------------ */

/*
 * memory_region_init*() initialize a MemoryRegion embedded in the
 * caller's storage (usually the owner's state struct).  @owner provides
 * that storage and the callbacks' @opaque; the region becomes its QOM
 * child "@name[N]".  With a NULL @owner the region belongs to the
 * machine: it becomes a child of /machine/unattached if /machine exists,
 * otherwise it floats and the caller holds its only reference.
 * @size UINT64_MAX means the whole 2^64 address space.
 */

/* A container: groups subregions, accesses to holes fall through. */
void memory_region_init(MemoryRegion *mr, Object *owner, const char *name,
                        uint64_t size);
/* MMIO served by @ops; a NULL @ops makes a reservation (see below). */
void memory_region_init_io(MemoryRegion *mr, Object *owner,
                           const MemoryRegionOps *ops, void *opaque,
                           const char *name, uint64_t size);
/* Zeroed RAM whose storage the region allocates and frees. */
bool memory_region_init_ram(MemoryRegion *mr, Object *owner,
                            const char *name, uint64_t size, Error **errp);
/* RAM the guest cannot write; loaders fill it with *_write_rom(). */
bool memory_region_init_rom(MemoryRegion *mr, Object *owner,
                            const char *name, uint64_t size, Error **errp);
/*
 * Reads come from RAM storage (in romd mode, the default) and writes go
 * to @ops->write, like a flash chip; out of romd mode reads go to @ops
 * too.
 */
bool memory_region_init_rom_device(MemoryRegion *mr, Object *owner,
                                   const MemoryRegionOps *ops, void *opaque,
                                   const char *name, uint64_t size,
                                   Error **errp);
/* RAM backed by @ptr, which the caller owns and must keep alive. */
void memory_region_init_ram_ptr(MemoryRegion *mr, Object *owner,
                                const char *name, uint64_t size, void *ptr);
/* A window onto @orig from @offset; holds a reference to @orig. */
void memory_region_init_alias(MemoryRegion *mr, Object *owner,
                              const char *name, MemoryRegion *orig,
                              hwaddr offset, uint64_t size);
/*
 * Claims an address range without a device behind it: accesses fail
 * like unmapped ones, but the range hides lower-priority regions.
 */
static inline void memory_region_init_reservation(MemoryRegion *mr,
                                                  Object *owner,
                                                  const char *name,
                                                  uint64_t size)
{
    memory_region_init_io(mr, owner, NULL, mr, name, size);
}

/*
 * memory_region_new*() create a region on the heap (design rule 7).  The
 * owner's QOM child property holds it, so the owner needs no pointer to
 * it: it is freed after its owner unparents it (qdev does after
 * unrealize) or is finalized, once nothing else references it.  The
 * returned pointer is borrowed.  With no owner and no /machine the
 * caller holds the only reference and drops it with object_unref().
 * The _ram, _rom and _rom_device forms return NULL with @errp set when
 * the storage cannot be allocated.
 */
MemoryRegion *memory_region_new(Object *owner, const char *name,
                                uint64_t size);
MemoryRegion *memory_region_new_io(Object *owner, const MemoryRegionOps *ops,
                                   void *opaque, const char *name,
                                   uint64_t size);
MemoryRegion *memory_region_new_ram(Object *owner, const char *name,
                                    uint64_t size, Error **errp);
MemoryRegion *memory_region_new_rom(Object *owner, const char *name,
                                    uint64_t size, Error **errp);
MemoryRegion *memory_region_new_rom_device(Object *owner,
                                           const MemoryRegionOps *ops,
                                           void *opaque, const char *name,
                                           uint64_t size, Error **errp);
MemoryRegion *memory_region_new_ram_ptr(Object *owner, const char *name,
                                        uint64_t size, void *ptr);
MemoryRegion *memory_region_new_alias(Object *owner, const char *name,
                                      MemoryRegion *orig, hwaddr offset,
                                      uint64_t size);
MemoryRegion *memory_region_new_reservation(Object *owner, const char *name,
                                            uint64_t size);

/*
 * Take or drop a reference from outside the region's owner (a DMA
 * mapping, a cached lookup): the region and its owner both stay alive
 * until the matching unref.
 */
void memory_region_ref(MemoryRegion *mr);
void memory_region_unref(MemoryRegion *mr);

/* ------------------------------------------------------------------ */
/* The memory map                                                      */
/* ------------------------------------------------------------------ */

/*
 * Map @subregion at @offset in container @mr with priority 0.  The
 * container holds a reference to @subregion until it is deleted.  A
 * region can be in one container at a time.
 */
void memory_region_add_subregion(MemoryRegion *mr, hwaddr offset,
                                 MemoryRegion *subregion);
/*
 * Same with a priority: where siblings overlap, the higher priority is
 * visible; in holes of a higher-priority container the lower-priority
 * regions show through.  Equal priorities must not overlap.
 */
void memory_region_add_subregion_overlap(MemoryRegion *mr, hwaddr offset,
                                         MemoryRegion *subregion,
                                         int priority);
void memory_region_del_subregion(MemoryRegion *mr, MemoryRegion *subregion);

void memory_region_set_enabled(MemoryRegion *mr, bool enabled);
/* Move the region inside its container. */
void memory_region_set_address(MemoryRegion *mr, hwaddr addr);
void memory_region_set_alias_offset(MemoryRegion *mr, hwaddr offset);
/* Resize (containers, aliases, MMIO; RAM keeps its storage size). */
void memory_region_set_size(MemoryRegion *mr, uint64_t size);
void memory_region_set_readonly(MemoryRegion *mr, bool readonly);
void memory_region_set_nonvolatile(MemoryRegion *mr, bool nonvolatile);
/* ROM device: true = reads from RAM, false = reads through the ops. */
void memory_region_rom_device_set_romd(MemoryRegion *mr, bool romd_mode);

/*
 * Group changes so the flat views are rebuilt (and listeners told) once,
 * at the outermost commit.  Transactions nest.
 */
void memory_region_transaction_begin(void);
void memory_region_transaction_commit(void);

/* ------------------------------------------------------------------ */
/* Queries                                                             */
/* ------------------------------------------------------------------ */

/* Size in bytes; a 2^64 region reports UINT64_MAX. */
uint64_t memory_region_size(MemoryRegion *mr);
const char *memory_region_name(const MemoryRegion *mr);
/* The owner passed at init (NULL for machine-owned regions). */
Object *memory_region_owner(MemoryRegion *mr);
bool memory_region_is_ram(MemoryRegion *mr);
/* RAM the guest cannot write. */
bool memory_region_is_rom(MemoryRegion *mr);
bool memory_region_is_romd(MemoryRegion *mr);
bool memory_region_is_rom_device(MemoryRegion *mr);
bool memory_region_is_mapped(MemoryRegion *mr);
bool memory_region_is_enabled(MemoryRegion *mr);
/*
 * Host pointer to the first byte of a RAM/ROM/ROM-device region (through
 * aliases), or NULL for other kinds.  Valid while the region is alive.
 */
void *memory_region_get_ram_ptr(MemoryRegion *mr);
/* Start of the region's storage in the RAM address space, or invalid. */
ram_addr_t memory_region_get_ram_addr(MemoryRegion *mr);

/*
 * Direct access to a region, bypassing address spaces: the softmmu TLB
 * uses these for MMIO entries.  @addr is relative to @mr, the size,
 * byte order (of *@pval) and signedness come from @op.  Aliases are
 * followed; RAM and ROM regions work too.  Reads of invalid accesses
 * yield 0.
 */
MemTxResult memory_region_dispatch_read(MemoryRegion *mr, hwaddr addr,
                                        uint64_t *pval, MemOp op,
                                        MemTxAttrs attrs);
MemTxResult memory_region_dispatch_write(MemoryRegion *mr, hwaddr addr,
                                         uint64_t val, MemOp op,
                                         MemTxAttrs attrs);

/* ------------------------------------------------------------------ */
/* Address spaces                                                      */
/* ------------------------------------------------------------------ */

struct AddressSpace {
    /* private: */
    char *name;
    MemoryRegion *root;             /* referenced */
    FlatView *current_map;          /* referenced */
    GPtrArray *listeners;           /* MemoryListener *, by priority */
    AddressSpace *next;             /* in the list of all address spaces */
};

/*
 * Render @root into a new address space called @name.  The address space
 * holds a reference to @root (and so keeps @root's owner alive) until
 * address_space_destroy(); a device with its own address space destroys
 * it in unrealize.
 */
void address_space_init(AddressSpace *as, MemoryRegion *root,
                        const char *name);
void address_space_destroy(AddressSpace *as);

/*
 * The machine's physical memory: a 2^64 container named "system" and the
 * address space "memory" over it.  Created on first use; the board maps
 * its RAM, ROM and devices into it.
 */
MemoryRegion *get_system_memory(void);
extern AddressSpace address_space_memory;
void memory_map_init(void);
/*
 * Machine teardown: destroys address_space_memory, detaches everything
 * from the system container, drops it and runs memory_reclaim_run().
 * Idempotent; get_system_memory() afterwards starts a fresh map.
 */
void memory_map_teardown(void);

/*
 * Buffer accesses.  The byte at @addr comes first in @buf.  Unmapped
 * bytes read as 0 and make the result include MEMTX_DECODE_ERROR;
 * writes to ROM are ignored (and logged).  MMIO is accessed with the
 * widest sizes the device accepts.
 */
MemTxResult address_space_rw(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                             void *buf, hwaddr len, bool is_write);
MemTxResult address_space_read(AddressSpace *as, hwaddr addr,
                               MemTxAttrs attrs, void *buf, hwaddr len);
MemTxResult address_space_write(AddressSpace *as, hwaddr addr,
                                MemTxAttrs attrs, const void *buf,
                                hwaddr len);
/* Like address_space_write but also stores into ROM (firmware loaders). */
MemTxResult address_space_write_rom(AddressSpace *as, hwaddr addr,
                                    MemTxAttrs attrs, const void *buf,
                                    hwaddr len);

/*
 * Single values.  @result may be NULL.  An access that lies inside one
 * MMIO region is one device access (split only by the device's impl
 * sizes); otherwise it is done byte by byte.
 */
uint8_t address_space_ldub(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                           MemTxResult *result);
uint16_t address_space_lduw_le(AddressSpace *as, hwaddr addr,
                               MemTxAttrs attrs, MemTxResult *result);
uint16_t address_space_lduw_be(AddressSpace *as, hwaddr addr,
                               MemTxAttrs attrs, MemTxResult *result);
uint32_t address_space_ldl_le(AddressSpace *as, hwaddr addr,
                              MemTxAttrs attrs, MemTxResult *result);
uint32_t address_space_ldl_be(AddressSpace *as, hwaddr addr,
                              MemTxAttrs attrs, MemTxResult *result);
uint64_t address_space_ldq_le(AddressSpace *as, hwaddr addr,
                              MemTxAttrs attrs, MemTxResult *result);
uint64_t address_space_ldq_be(AddressSpace *as, hwaddr addr,
                              MemTxAttrs attrs, MemTxResult *result);
void address_space_stb(AddressSpace *as, hwaddr addr, uint8_t val,
                       MemTxAttrs attrs, MemTxResult *result);
void address_space_stw_le(AddressSpace *as, hwaddr addr, uint16_t val,
                          MemTxAttrs attrs, MemTxResult *result);
void address_space_stw_be(AddressSpace *as, hwaddr addr, uint16_t val,
                          MemTxAttrs attrs, MemTxResult *result);
void address_space_stl_le(AddressSpace *as, hwaddr addr, uint32_t val,
                          MemTxAttrs attrs, MemTxResult *result);
void address_space_stl_be(AddressSpace *as, hwaddr addr, uint32_t val,
                          MemTxAttrs attrs, MemTxResult *result);
void address_space_stq_le(AddressSpace *as, hwaddr addr, uint64_t val,
                          MemTxAttrs attrs, MemTxResult *result);
void address_space_stq_be(AddressSpace *as, hwaddr addr, uint64_t val,
                          MemTxAttrs attrs, MemTxResult *result);

/*
 * DMA.  address_space_map() returns a host pointer to up to *@plen bytes
 * at @addr (*@plen is reduced to what could be mapped): directly into RAM
 * when the range is RAM (and writable, for @is_write), otherwise into a
 * bounce buffer that is filled from the bus (reads) or written back to
 * it at unmap (writes).  There is one bounce buffer: while it is in use,
 * another non-RAM mapping returns NULL with *@plen = 0, as does an
 * unmapped address.  The mapping holds a reference to the region (and
 * its owner) until address_space_unmap(), which must get the same
 * pointer and length; @access_len is how much was actually written.
 */
void *address_space_map(AddressSpace *as, hwaddr addr, hwaddr *plen,
                        bool is_write, MemTxAttrs attrs);
void address_space_unmap(AddressSpace *as, void *buffer, hwaddr len,
                         bool is_write, hwaddr access_len);

/*
 * Lookups for the softmmu TLB.  The result is only valid until the next
 * transaction commit: register a MemoryListener and flush in its commit
 * hook.  address_space_lookup_section() describes the flat range that
 * contains @addr; for an unmapped address .mr is NULL and .size is the
 * size of the hole.  address_space_translate() returns the leaf region
 * (NULL when unmapped), the offset in it in *@xlat, and reduces *@plen
 * to the bytes left in that range.
 */
MemoryRegionSection address_space_lookup_section(AddressSpace *as,
                                                 hwaddr addr);
MemoryRegion *address_space_translate(AddressSpace *as, hwaddr addr,
                                      hwaddr *xlat, hwaddr *plen,
                                      bool is_write, MemTxAttrs attrs);

/* ------------------------------------------------------------------ */
/* Listeners                                                           */
/* ------------------------------------------------------------------ */

/*
 * Told about changes to one address space's flat view.  At each commit
 * that rebuilds the views every listener gets begin(), then for its
 * address space region_del() for ranges that went away or changed,
 * region_add() for new ones and region_nop() for unchanged ones, then
 * commit().  Sections are only valid during the call.
 */
struct MemoryListener {
    void (*begin)(MemoryListener *listener);
    void (*commit)(MemoryListener *listener);
    void (*region_add)(MemoryListener *listener,
                       MemoryRegionSection *section);
    void (*region_del)(MemoryListener *listener,
                       MemoryRegionSection *section);
    void (*region_nop)(MemoryListener *listener,
                       MemoryRegionSection *section);
    /* Lower values are called first. */
    unsigned priority;
    const char *name;

    /* private: */
    AddressSpace *address_space;
};

/* Registering replays region_add() for the current view (in begin/commit). */
void memory_listener_register(MemoryListener *listener, AddressSpace *as);
/* Unregistering reports region_del() for the current view. */
void memory_listener_unregister(MemoryListener *listener);

/* ------------------------------------------------------------------ */
/* Deferred reclamation                                                */
/* ------------------------------------------------------------------ */

/*
 * A FlatView whose last reference drops while a dispatch is running (a
 * device unplugging itself from its own MMIO callback, say) is not freed
 * there: it is queued, and with it the regions (and owners) it keeps
 * alive.  memory_reclaim_run() frees the queue; the main loop calls it
 * at its quiescent point (a bottom half is scheduled when a main loop
 * exists), tests call it directly.  Must not be called from inside a
 * dispatch.
 */
void memory_reclaim_run(void);
/* Whether something is queued for memory_reclaim_run(). */
bool memory_reclaim_pending(void);

/* ------------------------------------------------------------------ */
/* info mtree                                                          */
/* ------------------------------------------------------------------ */

/*
 * The text of HMP "info mtree" in QEMU's format: the region tree of each
 * address space (or with @flatview each distinct flat view, and with
 * @dispatch_tree the lookup structure behind it), with @owner the owner
 * of each region, with @disabled also disabled regions.
 */
void mtree_info_to_gstring(GString *out, bool flatview, bool dispatch_tree,
                           bool owner, bool disabled);
/* Same, printed on stdout. */
void mtree_info(bool flatview, bool dispatch_tree, bool owner, bool disabled);

#endif /* SYSTEM_MEMORY_H */
