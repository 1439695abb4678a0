/* map_vfs.c: "bantin-map", a VFS over the platform's default one that maps a read-only
 * store's whole file into memory, past the 2 GB SQLite is built to map at most
 * (SQLITE_MAX_MMAP_SIZE).
 *
 * Why: a search reads pages of posting lists all over the file. A page served from the map
 * costs no read() and no copy; beyond it, every page of a 3-5 GB store at 1,000,000
 * articles is a system call (a quarter of a search's time was in the kernel). The pager
 * asks the VFS for a page through xFetch and falls back to xRead when it gets none, so only
 * xFetch/xUnfetch (and xRead, which large blobs use to read overflow pages directly) change;
 * everything else is the underlying VFS's. The rules are os_unix.c's: the file is mapped at
 * its size on the first fetch, and the pager unmaps it (xUnfetch of NULL) whenever the
 * database changed, so the next fetch maps the new size; a fetch past the map gets NULL.
 * Only files opened read-only as a main database are mapped: a writer never is. */
#include "store/store_internal.h"

#include <pthread.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

typedef struct map_file {
    sqlite3_file base;    /* our methods */
    sqlite3_file *real;   /* the underlying VFS's file, allocated right after this struct */
    int fd;               /* our own descriptor of the file, for mmap; -1 when none */
    int mappable;         /* a read-only main database */
    unsigned char *map;   /* the mapping, NULL when none */
    sqlite3_int64 map_size;
    int fetch_out;        /* pages handed out and not yet given back */
} map_file;

static sqlite3_vfs map_vfs;

#define REAL(f) (((map_file *)(f))->real)

static void unmap(map_file *f)
{
    if (f->map)
        munmap(f->map, (size_t)f->map_size);
    f->map = NULL;
    f->map_size = 0;
}

/* Maps the file at its current size; no mapping (and SQLITE_OK: the pager reads instead)
 * when it is empty or cannot be mapped. */
static void map_whole(map_file *f)
{
    struct stat st;
    if (fstat(f->fd, &st) || st.st_size <= 0 || (sizeof(size_t) < 8 && st.st_size > 0x7fff0000))
        return;
    sqlite3_int64 size = st.st_size;
    void *p = mmap(NULL, (size_t)size, PROT_READ, MAP_SHARED, f->fd, 0);
    if (p == MAP_FAILED)
        return;
    f->map = p;
    f->map_size = size;
}

static int x_close(sqlite3_file *file)
{
    map_file *f = (map_file *)file;
    unmap(f);
    if (f->fd >= 0)
        close(f->fd);
    f->fd = -1;
    return f->real->pMethods->xClose(f->real);
}

static int x_read(sqlite3_file *file, void *buf, int n, sqlite3_int64 off)
{
    map_file *f = (map_file *)file;
    if (f->map && off >= 0 && off + n <= f->map_size) {
        memcpy(buf, f->map + off, (size_t)n);
        return SQLITE_OK;
    }
    return f->real->pMethods->xRead(f->real, buf, n, off);
}

static int x_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
    return REAL(f)->pMethods->xWrite(REAL(f), buf, n, off);
}

static int x_truncate(sqlite3_file *file, sqlite3_int64 size)
{
    map_file *f = (map_file *)file;
    if (f->map_size > size)
        f->map_size = size; /* as os_unix.c: pages past the end are not handed out */
    return f->real->pMethods->xTruncate(f->real, size);
}

static int x_sync(sqlite3_file *f, int flags)
{
    return REAL(f)->pMethods->xSync(REAL(f), flags);
}

static int x_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
    return REAL(f)->pMethods->xFileSize(REAL(f), size);
}

static int x_lock(sqlite3_file *f, int lock)
{
    return REAL(f)->pMethods->xLock(REAL(f), lock);
}

static int x_unlock(sqlite3_file *f, int lock)
{
    return REAL(f)->pMethods->xUnlock(REAL(f), lock);
}

static int x_check_reserved(sqlite3_file *f, int *out)
{
    return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}

static int x_file_control(sqlite3_file *f, int op, void *arg)
{
    return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}

static int x_sector_size(sqlite3_file *f)
{
    return REAL(f)->pMethods->xSectorSize(REAL(f));
}

static int x_device_characteristics(sqlite3_file *f)
{
    return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}

static int x_shm_map(sqlite3_file *f, int region, int size, int extend, void volatile **pp)
{
    return REAL(f)->pMethods->xShmMap(REAL(f), region, size, extend, pp);
}

static int x_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
    return REAL(f)->pMethods->xShmLock(REAL(f), offset, n, flags);
}

static void x_shm_barrier(sqlite3_file *f)
{
    REAL(f)->pMethods->xShmBarrier(REAL(f));
}

static int x_shm_unmap(sqlite3_file *f, int delete_flag)
{
    return REAL(f)->pMethods->xShmUnmap(REAL(f), delete_flag);
}

static int x_fetch(sqlite3_file *file, sqlite3_int64 off, int n, void **pp)
{
    map_file *f = (map_file *)file;
    *pp = NULL;
    if (!f->mappable)
        return SQLITE_OK;
    if (!f->map)
        map_whole(f);
    if (f->map && off >= 0 && off + n <= f->map_size) {
        *pp = f->map + off;
        f->fetch_out++;
    }
    return SQLITE_OK;
}

static int x_unfetch(sqlite3_file *file, sqlite3_int64 off, void *p)
{
    map_file *f = (map_file *)file;
    (void)off;
    if (p)
        f->fetch_out--;
    else if (f->fetch_out == 0)
        unmap(f); /* the database changed: map its new size on the next fetch */
    return SQLITE_OK;
}

static const sqlite3_io_methods map_methods = {
    3,
    x_close,
    x_read,
    x_write,
    x_truncate,
    x_sync,
    x_file_size,
    x_lock,
    x_unlock,
    x_check_reserved,
    x_file_control,
    x_sector_size,
    x_device_characteristics,
    x_shm_map,
    x_shm_lock,
    x_shm_barrier,
    x_shm_unmap,
    x_fetch,
    x_unfetch,
};

static int x_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags,
                  int *out_flags)
{
    sqlite3_vfs *root = vfs->pAppData;
    map_file *f = (map_file *)file;
    memset(f, 0, sizeof *f);
    f->fd = -1;
    f->real = (sqlite3_file *)(f + 1);
    int rc = root->xOpen(root, name, f->real, flags, out_flags);
    if (rc != SQLITE_OK || !f->real->pMethods) {
        f->base.pMethods = NULL; /* SQLite calls no xClose then */
        if (f->real->pMethods)
            f->real->pMethods->xClose(f->real);
        return rc != SQLITE_OK ? rc : SQLITE_CANTOPEN;
    }
    f->base.pMethods = &map_methods;
    /* The root file's descriptor is private to it: the map has its own, on the same file
     * (one page cache, so the map sees what a writer elsewhere commits). */
    if ((flags & SQLITE_OPEN_MAIN_DB) && (flags & SQLITE_OPEN_READONLY) && name &&
        f->real->pMethods->iVersion >= 3) {
        f->fd = open(name, O_RDONLY | O_CLOEXEC);
        f->mappable = f->fd >= 0;
    }
    return SQLITE_OK;
}

#define ROOT(v) ((sqlite3_vfs *)(v)->pAppData)

static int x_delete(sqlite3_vfs *v, const char *name, int sync_dir)
{
    return ROOT(v)->xDelete(ROOT(v), name, sync_dir);
}

static int x_access(sqlite3_vfs *v, const char *name, int flags, int *out)
{
    return ROOT(v)->xAccess(ROOT(v), name, flags, out);
}

static int x_full_pathname(sqlite3_vfs *v, const char *name, int n, char *out)
{
    return ROOT(v)->xFullPathname(ROOT(v), name, n, out);
}

static void *x_dl_open(sqlite3_vfs *v, const char *name)
{
    return ROOT(v)->xDlOpen(ROOT(v), name);
}

static void x_dl_error(sqlite3_vfs *v, int n, char *msg)
{
    ROOT(v)->xDlError(ROOT(v), n, msg);
}

static void (*x_dl_sym(sqlite3_vfs *v, void *h, const char *sym))(void)
{
    return ROOT(v)->xDlSym(ROOT(v), h, sym);
}

static void x_dl_close(sqlite3_vfs *v, void *h)
{
    ROOT(v)->xDlClose(ROOT(v), h);
}

static int x_randomness(sqlite3_vfs *v, int n, char *out)
{
    return ROOT(v)->xRandomness(ROOT(v), n, out);
}

static int x_sleep(sqlite3_vfs *v, int us)
{
    return ROOT(v)->xSleep(ROOT(v), us);
}

static int x_current_time(sqlite3_vfs *v, double *t)
{
    return ROOT(v)->xCurrentTime(ROOT(v), t);
}

static int x_get_last_error(sqlite3_vfs *v, int n, char *msg)
{
    return ROOT(v)->xGetLastError ? ROOT(v)->xGetLastError(ROOT(v), n, msg) : 0;
}

static int x_current_time_int64(sqlite3_vfs *v, sqlite3_int64 *t)
{
    if (ROOT(v)->iVersion >= 2 && ROOT(v)->xCurrentTimeInt64)
        return ROOT(v)->xCurrentTimeInt64(ROOT(v), t);
    double d = 0;
    int rc = ROOT(v)->xCurrentTime(ROOT(v), &d);
    *t = (sqlite3_int64)(d * 86400000.0);
    return rc;
}

static pthread_once_t register_once = PTHREAD_ONCE_INIT;
static int register_rc = SQLITE_ERROR;

static void register_vfs(void)
{
    sqlite3_vfs *root = sqlite3_vfs_find(NULL);
    if (!root || !root->xOpen)
        return;
    map_vfs = (sqlite3_vfs){
        .iVersion = 2,
        .szOsFile = (int)sizeof(map_file) + root->szOsFile,
        .mxPathname = root->mxPathname,
        .zName = BTI_MAP_VFS,
        .pAppData = root,
        .xOpen = x_open,
        .xDelete = x_delete,
        .xAccess = x_access,
        .xFullPathname = x_full_pathname,
        .xDlOpen = x_dl_open,
        .xDlError = x_dl_error,
        .xDlSym = x_dl_sym,
        .xDlClose = x_dl_close,
        .xRandomness = x_randomness,
        .xSleep = x_sleep,
        .xCurrentTime = x_current_time,
        .xGetLastError = x_get_last_error,
        .xCurrentTimeInt64 = x_current_time_int64,
    };
    register_rc = sqlite3_vfs_register(&map_vfs, 0);
}

int bti_map_vfs_register(void)
{
    pthread_once(&register_once, register_vfs);
    return register_rc;
}
