# bantin: build, test, install.  `make` (release), `make test` (ASan+UBSan suite),
# `make bench`, `make fuzz`, `make install PREFIX=...`.  See README.md.

CC      ?= cc
PREFIX  ?= /usr/local
PKGS    := libutf8proc jansson libxml-2.0 sqlite3 zlib
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm
STD     := -std=c17 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter
INC     := -Iinclude -Isrc
RELEASE_FLAGS := -O2 -g
ASAN_FLAGS    := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

LIB_SRC  := $(sort $(wildcard src/*/*.c))
CLI_SRC  := $(sort $(wildcard cli/*.c))
TEST_SRC := $(sort $(wildcard test/test_*.c))
BENCH_SRC := $(sort $(wildcard bench/*.c))
FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))

# V=1 shows the full compiler lines
Q := $(if $(V),,@)

R := build/release
A := build/asan

.PHONY: all release asan test check bench fuzz install uninstall clean demo
# keep object files of tests and benches between runs
.SECONDARY:
all: release

# ---- release -------------------------------------------------------------------------------
release: $(R)/libbantin.a $(R)/libbantin.so $(R)/bantin bantin

$(R)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(STD) $(WARN) $(RELEASE_FLAGS) -fPIC $(INC) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

$(R)/libbantin.a: $(LIB_SRC:%.c=$(R)/%.o)
	@rm -f $@
	ar rcs $@ $^

$(R)/libbantin.so: $(LIB_SRC:%.c=$(R)/%.o)
	$(CC) -shared -Wl,-soname,libbantin.so.0 -o $@ $^ $(PKG_LIBS)

$(R)/bantin: $(CLI_SRC:%.c=$(R)/%.o) $(R)/libbantin.a
	$(CC) -o $@ $(CLI_SRC:%.c=$(R)/%.o) $(R)/libbantin.a $(PKG_LIBS)

bantin: $(R)/bantin
	cp $< $@

# ---- sanitizer build and tests --------------------------------------------------------------
asan: $(A)/bantin

$(A)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC asan $<"
	$(Q)$(CC) $(STD) $(WARN) $(ASAN_FLAGS) $(INC) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

$(A)/libbantin.a: $(LIB_SRC:%.c=$(A)/%.o)
	@rm -f $@
	ar rcs $@ $^

$(A)/bantin: $(CLI_SRC:%.c=$(A)/%.o) $(A)/libbantin.a
	$(CC) $(ASAN_FLAGS) -o $@ $(CLI_SRC:%.c=$(A)/%.o) $(A)/libbantin.a $(PKG_LIBS)

$(A)/test/%: $(A)/test/%.o $(A)/test/support.o $(A)/libbantin.a
	$(CC) $(ASAN_FLAGS) -o $@ $< $(A)/test/support.o $(A)/libbantin.a $(PKG_LIBS) -lcmocka

TEST_BINS := $(TEST_SRC:test/%.c=$(A)/test/%)

test check: $(TEST_BINS) $(A)/bantin
	@sh scripts/run-tests.sh $(TEST_BINS)

# ---- benchmarks (release build) -------------------------------------------------------------
BENCH_BINS := $(BENCH_SRC:bench/%.c=$(R)/bench/%)
bench: $(BENCH_BINS) $(R)/bantin

$(R)/bench/%: $(R)/bench/%.o $(R)/libbantin.a
	$(CC) -o $@ $< $(R)/libbantin.a $(PKG_LIBS) $(BENCH_LIBS_$*)

BENCH_LIBS_text := $(shell pkg-config --libs icu-uc icu-i18n 2>/dev/null)
BENCH_LIBS_bench_text := $(BENCH_LIBS_text)

# ---- fuzz targets (clang libFuzzer) ---------------------------------------------------------
FUZZ_CC    ?= clang
FUZZ_FLAGS := -g -O1 -fsanitize=fuzzer,address,undefined
F := build/fuzz
fuzz: $(FUZZ_SRC:fuzz/%.c=$(F)/%)

$(F)/%: fuzz/%.c $(LIB_SRC)
	@mkdir -p $(F)
	$(FUZZ_CC) $(STD) $(FUZZ_FLAGS) $(INC) $(PKG_CFLAGS) -o $@ $< $(LIB_SRC) $(PKG_LIBS)

# ---- demo, install --------------------------------------------------------------------------
demo: release
	./bantin extract --pretty samples/*.txt

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include/bantin \
	    $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(R)/bantin $(DESTDIR)$(PREFIX)/bin/bantin
	install -m 644 $(R)/libbantin.a $(DESTDIR)$(PREFIX)/lib/libbantin.a
	install -m 755 $(R)/libbantin.so $(DESTDIR)$(PREFIX)/lib/libbantin.so.0
	ln -sf libbantin.so.0 $(DESTDIR)$(PREFIX)/lib/libbantin.so
	install -m 644 include/bantin.h $(DESTDIR)$(PREFIX)/include/bantin.h
	install -m 644 include/bantin/*.h $(DESTDIR)$(PREFIX)/include/bantin/
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(shell sed -n 's/^#define BT_VERSION_\(MAJOR\|MINOR\|PATCH\) //p' include/bantin/common.h | paste -sd.)|g' \
	    bantin.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/bantin.pc
	install -m 644 man/bantin.1 $(DESTDIR)$(PREFIX)/share/man/man1/bantin.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/bantin $(DESTDIR)$(PREFIX)/lib/libbantin.* \
	    $(DESTDIR)$(PREFIX)/include/bantin.h $(DESTDIR)$(PREFIX)/lib/pkgconfig/bantin.pc \
	    $(DESTDIR)$(PREFIX)/share/man/man1/bantin.1
	rm -rf $(DESTDIR)$(PREFIX)/include/bantin

clean:
	rm -rf build bantin

-include $(shell find build -name '*.d' 2>/dev/null)
