# bantin: build, test, install.  `make` (release), `make test` (ASan+UBSan suite; `make check`
# is the same), `make bench`, `make fuzz`, `make install`.  See README.md.
#
# For packagers: CFLAGS, CPPFLAGS and LDFLAGS are yours (dpkg-buildflags' hardening flags reach
# every compile and link); the flags bantin needs live in BT_* variables beside them, so setting
# yours drops none of ours. A plain `make` does not turn warnings into errors (a newer compiler's
# new warning must not break a package build); `make test` and `make DEVELOPER=1` do.
# Install paths: PREFIX, BINDIR, LIBDIR (e.g. multiarch /usr/lib/x86_64-linux-gnu), INCLUDEDIR,
# MANDIR, PKGCONFIGDIR, DESTDIR. The installed `bantin` uses the installed libbantin.so.0 (no
# rpath); the in-tree ./bantin is linked statically so that it runs from the source tree.
# V=1 shows the full compiler lines.

# ---- what the user sets ---------------------------------------------------------------------
CC           ?= cc
AR           ?= ar
INSTALL      ?= install
PKG_CONFIG   ?= pkg-config
CFLAGS       ?= -O2 -g
CPPFLAGS     ?=
LDFLAGS      ?=
PREFIX       ?= /usr/local
BINDIR       ?= $(PREFIX)/bin
LIBDIR       ?= $(PREFIX)/lib
INCLUDEDIR   ?= $(PREFIX)/include
MANDIR       ?= $(PREFIX)/share/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
DESTDIR      ?=
DEVELOPER    ?=

# ---- what bantin needs ----------------------------------------------------------------------
PKGS        := libutf8proc jansson libxml-2.0 sqlite3 zlib
PKG_CFLAGS  := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS    := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lpthread -lm
WERROR      := $(if $(filter 1,$(DEVELOPER)),-Werror)
BT_CPPFLAGS := -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(PKG_CFLAGS)
BT_CFLAGS    = -std=c17 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-unused-parameter $(WERROR)
# libbantin.so exports only what include/ marks BT_API (test/abi-check.sh holds it to that)
BT_LIB_CFLAGS := -fPIC -fvisibility=hidden
ASAN_FLAGS  := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

VERSION := $(shell sed -n 's/^\#define BT_VERSION_\(MAJOR\|MINOR\|PATCH\) //p' include/bantin/common.h | paste -sd.)
SOMAJOR := $(firstword $(subst ., ,$(VERSION)))

LIB_SRC   := $(sort $(wildcard src/*/*.c))
# the CLI and the HTTP server it runs (`bantin serve`): clients of the public API only; the
# server's assets (serve/assets/) are compiled in as a generated C file
ASSETS    := $(sort $(wildcard serve/assets/*))
GEN_ASSETS := build/gen/serve_assets.c
CLI_SRC   := $(sort $(wildcard cli/*.c serve/*.c)) $(GEN_ASSETS)
TEST_SRC  := $(sort $(wildcard test/test_*.c))
TEST_SCRIPTS := $(sort $(wildcard test/*.sh))
BENCH_SRC := $(sort $(wildcard bench/*.c))
FUZZ_SRC  := $(sort $(wildcard fuzz/fuzz_*.c))

ifeq ($(V),1)
Q   :=
say := @true
else
Q   := @
say := @printf '  %-7s %s\n'
endif

R := build/release
A := build/asan
F := build/fuzz

.PHONY: all release shared asan test check bench fuzz install uninstall clean demo
# keep object files of tests and benches between runs
.SECONDARY:
all: release

# ---- release -------------------------------------------------------------------------------
release: $(R)/libbantin.a $(R)/libbantin.so $(R)/bantin bantin
# the CLI as installed: linked against libbantin.so.0
shared: $(R)/shared/bantin

$(R)/%.o: %.c Makefile
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(BT_CPPFLAGS) $(CPPFLAGS) $(BT_CFLAGS) $(CFLAGS) $(BT_LIB_CFLAGS) -MMD -MP -c $< -o $@

$(R)/libbantin.a: $(LIB_SRC:%.c=$(R)/%.o)
	$(say) AR $@
	$(Q)rm -f $@
	$(Q)$(AR) rcs $@ $^

# libbantin.so.0 beside it so that the shared CLI runs in the tree (LD_LIBRARY_PATH=build/release)
$(R)/libbantin.so: $(LIB_SRC:%.c=$(R)/%.o)
	$(say) LD $@
	$(Q)$(CC) $(BT_CFLAGS) $(CFLAGS) $(LDFLAGS) -shared -Wl,-soname,libbantin.so.$(SOMAJOR) \
	    -o $@ $^ $(PKG_LIBS)
	$(Q)ln -sf libbantin.so $(R)/libbantin.so.$(SOMAJOR)

$(R)/bantin: $(CLI_SRC:%.c=$(R)/%.o) $(R)/libbantin.a
	$(say) LD $@
	$(Q)$(CC) $(BT_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_SRC:%.c=$(R)/%.o) $(R)/libbantin.a \
	    $(PKG_LIBS) $(SERVE_LIBS)

# the web page and the OpenAPI document, as byte arrays (scripts/embed-assets.sh)
$(GEN_ASSETS): $(ASSETS) scripts/embed-assets.sh
	@mkdir -p $(dir $@)
	$(say) GEN $@
	$(Q)sh scripts/embed-assets.sh $(ASSETS) > $@.tmp && mv $@.tmp $@
$(R)/$(GEN_ASSETS:.c=.o) $(A)/$(GEN_ASSETS:.c=.o): BT_CPPFLAGS += -Iserve

# what the CLI calls besides libbantin (its JSON output uses jansson; the server libmicrohttpd
# and zlib for gzip)
SERVE_LIBS := $(shell $(PKG_CONFIG) --libs libmicrohttpd 2>/dev/null)
CLI_LIBS := $(shell $(PKG_CONFIG) --libs jansson zlib 2>/dev/null) $(SERVE_LIBS) -lpthread
$(R)/shared/bantin: $(CLI_SRC:%.c=$(R)/%.o) $(R)/libbantin.so
	@mkdir -p $(dir $@)
	$(say) LD $@
	$(Q)$(CC) $(BT_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_SRC:%.c=$(R)/%.o) $(R)/libbantin.so \
	    $(CLI_LIBS)

bantin: $(R)/bantin
	$(Q)cp $< $@

# ---- sanitizer build and tests --------------------------------------------------------------
asan: $(A)/bantin

$(A)/%.o: %.c Makefile
	@mkdir -p $(dir $@)
	$(say) "CC asan" $<
	$(Q)$(CC) $(BT_CPPFLAGS) $(CPPFLAGS) $(BT_CFLAGS) -Werror $(CFLAGS) $(ASAN_FLAGS) -MMD -MP \
	    -c $< -o $@

$(A)/libbantin.a: $(LIB_SRC:%.c=$(A)/%.o)
	$(say) AR $@
	$(Q)rm -f $@
	$(Q)$(AR) rcs $@ $^

$(A)/bantin: $(CLI_SRC:%.c=$(A)/%.o) $(A)/libbantin.a
	$(say) LD $@
	$(Q)$(CC) $(CFLAGS) $(ASAN_FLAGS) $(LDFLAGS) -o $@ $(CLI_SRC:%.c=$(A)/%.o) $(A)/libbantin.a \
	    $(PKG_LIBS) $(SERVE_LIBS)

$(A)/test/%: $(A)/test/%.o $(A)/test/support.o $(A)/libbantin.a
	$(say) LD $@
	$(Q)$(CC) $(CFLAGS) $(ASAN_FLAGS) $(LDFLAGS) -o $@ $< $(A)/test/support.o $(A)/libbantin.a \
	    $(PKG_LIBS) -lcmocka

TEST_BINS := $(TEST_SRC:test/%.c=$(A)/test/%)

# the developer's build: warnings are errors here, in the release objects the ABI check reads too
test check: WERROR := -Werror
test check: $(TEST_BINS) $(A)/bantin release $(R)/shared/bantin
	@BANTIN_SO=$(R)/libbantin.so sh scripts/run-tests.sh $(TEST_BINS) $(TEST_SCRIPTS)

# ---- benchmarks (release build) -------------------------------------------------------------
BENCH_BINS := $(BENCH_SRC:bench/%.c=$(R)/bench/%)
# bench_text measures ICU as a peer when it is installed
ICU_LIBS := $(shell $(PKG_CONFIG) --libs icu-uc icu-i18n 2>/dev/null)
bench: $(BENCH_BINS) $(R)/bantin

$(R)/bench/bench_text.o: BT_CPPFLAGS += $(if $(ICU_LIBS),,-DBENCH_NO_ICU)
$(R)/bench/bench_text: BENCH_LIBS := $(ICU_LIBS)

$(R)/bench/%: $(R)/bench/%.o $(R)/libbantin.a
	$(say) LD $@
	$(Q)$(CC) $(BT_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(R)/libbantin.a $(PKG_LIBS) $(BENCH_LIBS)

# ---- fuzz targets (clang libFuzzer) ---------------------------------------------------------
# The library is compiled once into a fuzz-flavoured libbantin.a (instrumented for coverage,
# -fsanitize=fuzzer-no-link) that every target links: not once per target.
FUZZ_CC     ?= clang
FUZZ_FLAGS  := -g -O1 -fsanitize=address,undefined
FUZZ_BINS   := $(FUZZ_SRC:fuzz/%.c=$(F)/%)
fuzz: $(FUZZ_BINS)

$(F)/%.o: %.c Makefile
	@mkdir -p $(dir $@)
	$(say) "CC fuzz" $<
	$(Q)$(FUZZ_CC) $(BT_CPPFLAGS) $(CPPFLAGS) -std=c17 $(CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link \
	    -MMD -MP -c $< -o $@

$(F)/libbantin.a: $(LIB_SRC:%.c=$(F)/%.o)
	$(say) AR $@
	$(Q)rm -f $@
	$(Q)$(AR) rcs $@ $^

$(F)/fuzz_%: $(F)/fuzz/fuzz_%.o $(F)/libbantin.a
	$(say) LD $@
	$(Q)$(FUZZ_CC) $(CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer $(LDFLAGS) -o $@ $< $(F)/libbantin.a $(PKG_LIBS)

# the server's parsers (serve/params.c) are a client's, not the library's: linked in beside it
$(F)/fuzz_serve_params: $(F)/fuzz/fuzz_serve_params.o $(F)/serve/params.o $(F)/libbantin.a
	$(say) LD $@
	$(Q)$(FUZZ_CC) $(CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

# ---- demo, install --------------------------------------------------------------------------
demo: release
	./bantin extract --pretty samples/*.txt

# bantin.pc names its folders from ${prefix} when they lie under PREFIX (relocatable), else as is
pc_dir = $(if $(filter $(PREFIX)/%,$(1)),$${prefix}$(patsubst $(PREFIX)%,%,$(1)),$(1))

install: release $(R)/shared/bantin
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR)/bantin \
	    $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(MANDIR)/man1
	$(INSTALL) -m 755 $(R)/shared/bantin $(DESTDIR)$(BINDIR)/bantin
	$(INSTALL) -m 644 $(R)/libbantin.a $(DESTDIR)$(LIBDIR)/libbantin.a
	$(INSTALL) -m 755 $(R)/libbantin.so $(DESTDIR)$(LIBDIR)/libbantin.so.$(VERSION)
	ln -sf libbantin.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libbantin.so.$(SOMAJOR)
	ln -sf libbantin.so.$(SOMAJOR) $(DESTDIR)$(LIBDIR)/libbantin.so
	$(INSTALL) -m 644 include/bantin.h $(DESTDIR)$(INCLUDEDIR)/bantin.h
	$(INSTALL) -m 644 include/bantin/*.h $(DESTDIR)$(INCLUDEDIR)/bantin/
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' \
	    -e 's|@LIBDIR@|$(call pc_dir,$(LIBDIR))|g' -e 's|@INCLUDEDIR@|$(call pc_dir,$(INCLUDEDIR))|g' \
	    bantin.pc.in > $(DESTDIR)$(PKGCONFIGDIR)/bantin.pc
	chmod 644 $(DESTDIR)$(PKGCONFIGDIR)/bantin.pc
	$(INSTALL) -m 644 man/bantin.1 $(DESTDIR)$(MANDIR)/man1/bantin.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/bantin $(DESTDIR)$(LIBDIR)/libbantin.a \
	    $(DESTDIR)$(LIBDIR)/libbantin.so $(DESTDIR)$(LIBDIR)/libbantin.so.$(SOMAJOR) \
	    $(DESTDIR)$(LIBDIR)/libbantin.so.$(VERSION) $(DESTDIR)$(INCLUDEDIR)/bantin.h \
	    $(DESTDIR)$(PKGCONFIGDIR)/bantin.pc $(DESTDIR)$(MANDIR)/man1/bantin.1
	rm -rf $(DESTDIR)$(INCLUDEDIR)/bantin

# ---- Python binding (python/): install and tests --------------------------------------------
# Pure Python over libbantin.so (ctypes), so installing copies files: no pip, nothing downloaded.
# PYTHON: Debian's interpreter by default (python3-pytest and python3-distributed install for it).
# PYTHONDIR: where the package goes (that interpreter's site-packages for PREFIX=/usr/local).
# The installed package records LIBDIR, so it finds libbantin.so.0 without ldconfig.
# `make test` runs python/run-pytest (pytest) with the other tests; its count joins theirs.
PYTHON    ?= $(firstword $(wildcard /usr/bin/python3) python3)
PYTHONDIR ?= $(shell $(PYTHON) -c 'import sysconfig; print(sysconfig.get_path("purelib"))' 2>/dev/null)
PY_SRC    := $(sort $(wildcard python/bantin/*.py)) python/bantin/py.typed
TEST_SCRIPTS += python/run-pytest
.PHONY: install-python uninstall-python test-python

install-python: install
	@[ -n "$(PYTHONDIR)" ] || { echo "install-python: no $(PYTHON): set PYTHON or PYTHONDIR"; exit 1; }
	$(INSTALL) -d $(DESTDIR)$(PYTHONDIR)/bantin
	$(INSTALL) -m 644 $(PY_SRC) $(DESTDIR)$(PYTHONDIR)/bantin/
	printf '"""Where make install-python put libbantin.so.0."""\nLIBDIR = "%s"\n' '$(LIBDIR)' \
	    > $(DESTDIR)$(PYTHONDIR)/bantin/_config.py

uninstall-python:
	rm -rf $(DESTDIR)$(PYTHONDIR)/bantin

test-python: release
	@BANTIN_SO=$(R)/libbantin.so BANTIN_BIN=$(CURDIR)/bantin PYTHON=$(PYTHON) python/run-pytest

clean:
	rm -rf build bantin

-include $(shell find build -name '*.d' 2>/dev/null)
