# nlnetstat - a drop-in netstat over sock_diag netlink.
# make            build ./nlnetstat
# make check      build and run every test (ends with "N passed, N failed")
# make SANITIZE=1 build with AddressSanitizer and UBSan
# make install    PREFIX=/usr/local DESTDIR=  (stripped; INSTALL_STRIP= keeps
#                 the symbols, as does DEB_BUILD_OPTIONS=nostrip)
# make dist       nlnetstat-VERSION.tar.gz (in DISTDIR=.), source of .deb and .rpm

CC ?= cc
PKG_CONFIG ?= pkg-config
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
COMPDIR ?= $(PREFIX)/share/bash-completion/completions
# install(1) flag for the binary: stripped by default (debug information
# only makes the binary bigger, and chkrootkit's string scan takes names
# such as sockaddr.h in it for trojan markers).  A package build that
# strips and splits debug symbols itself passes INSTALL_STRIP= .
ifneq (,$(filter nostrip,$(DEB_BUILD_OPTIONS)))
INSTALL_STRIP ?=
else
INSTALL_STRIP ?= -s
endif
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d

# The one place the version is kept; -V prints it, make dist names the
# tarball after it, and the spec and debian/rules check against it.
VERSION := $(shell cat VERSION)

CFLAGS ?= -O2 -g
WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes
ifeq ($(CI),true)
WERROR ?= 1
endif
ifeq ($(WERROR),1)
WARN += -Werror
endif
DEPCFLAGS := $(shell $(PKG_CONFIG) --cflags libmnl libcap 2>/dev/null)
DEPLIBS := $(shell $(PKG_CONFIG) --libs libmnl libcap 2>/dev/null || echo -lmnl -lcap)
ALL_CFLAGS := -std=gnu11 -D_GNU_SOURCE -pthread $(WARN) -Iinclude $(DEPCFLAGS) \
	-DNLNETSTAT_VERSION='"$(VERSION)"' $(CPPFLAGS) $(CFLAGS)
ALL_LDFLAGS := -pthread $(LDFLAGS)

ifeq ($(SANITIZE),1)
ALL_CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
ALL_LDFLAGS += -fsanitize=address,undefined
BUILD := build-san
else
BUILD := build
endif

# src/core (options, privileges, namespaces, util), src/sockets (sources,
# filter, owners), src/modes (-s, -r, -i, -g), src/output (emitters and
# formatters); objects keep the folder: build/core/main.o.
SRCS := $(sort $(wildcard src/*/*.c))
OBJS := $(SRCS:src/%.c=$(BUILD)/%.o)
LIBOBJS := $(filter-out $(BUILD)/core/main.o,$(OBJS))
UNIT_SRCS := $(sort $(wildcard tests/unit/*.c))
UNIT_GROUPS := $(patsubst tests/unit/test_%.c,%,$(wildcard tests/unit/test_*.c))
UNIT_OBJS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/unit/%.o) $(BUILD)/unit/registry.o
HELPERS := $(patsubst tests/netns/helpers/%.c,$(BUILD)/helpers/%,\
	$(wildcard tests/netns/helpers/*.c))

.PHONY: all check unit helpers install uninstall clean style fuzz nlnetstat dist

all: nlnetstat

$(BUILD)/nlnetstat: $(OBJS)
	$(CC) $(ALL_LDFLAGS) -o $@ $(OBJS) $(DEPLIBS)

# Always refreshed from the current flavour (plain or SANITIZE=1), so a
# plain build after a sanitizer build never keeps the sanitized binary.
nlnetstat: $(BUILD)/nlnetstat
	cp $(BUILD)/nlnetstat $@

$(BUILD)/%.o: src/%.c $(wildcard include/*.h)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/core/opts.o: VERSION

$(BUILD)/unit/%.o: tests/unit/%.c $(wildcard include/*.h tests/unit/*.h) | $(BUILD)/unit
	$(CC) $(ALL_CFLAGS) -Itests/unit -c -o $@ $<

# The group table is generated from the test file names (unit_tests.h).
$(BUILD)/unit/registry.c: $(wildcard tests/unit/test_*.c) | $(BUILD)/unit
	{ echo '#include "unit_tests.h"'; \
	  for g in $(UNIT_GROUPS); do echo "void test_group_$$g(void);"; done; \
	  echo 'const struct unit_group unit_groups[] = {'; \
	  for g in $(UNIT_GROUPS); do echo "	{\"$$g\", test_group_$$g},"; done; \
	  echo '	{0, 0}};'; } > $@

$(BUILD)/unit/registry.o: $(BUILD)/unit/registry.c
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -Itests/unit -c -o $@ $<

$(BUILD)/unit_tests: $(UNIT_OBJS) $(LIBOBJS)
	$(CC) $(ALL_LDFLAGS) -o $@ $(UNIT_OBJS) $(LIBOBJS) $(DEPLIBS)

$(BUILD)/helpers/%: tests/netns/helpers/%.c | $(BUILD)/helpers
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $<

$(BUILD) $(BUILD)/unit $(BUILD)/helpers:
	mkdir -p $@

unit: $(BUILD)/unit_tests
helpers: $(HELPERS)

check: nlnetstat $(BUILD)/unit_tests $(HELPERS)
	BUILD=$(BUILD) tests/run.sh

style:
	scripts/check-style.sh

install: nlnetstat
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man8 $(DESTDIR)$(COMPDIR)
	install $(INSTALL_STRIP) -m 0755 nlnetstat $(DESTDIR)$(BINDIR)/nlnetstat
	ln -sf nlnetstat $(DESTDIR)$(BINDIR)/netstat
	install -m 0644 man/nlnetstat.8 $(DESTDIR)$(MANDIR)/man8/nlnetstat.8
	if [ -f completion/nlnetstat ]; then \
		install -m 0644 completion/nlnetstat $(DESTDIR)$(COMPDIR)/nlnetstat; fi
	install -d $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 0644 completion/_nlnetstat $(DESTDIR)$(ZSHCOMPDIR)/_nlnetstat
	install -m 0644 completion/nlnetstat.fish \
		$(DESTDIR)$(FISHCOMPDIR)/nlnetstat.fish

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/nlnetstat $(DESTDIR)$(MANDIR)/man8/nlnetstat.8 \
		$(DESTDIR)$(COMPDIR)/nlnetstat
	rm -f $(DESTDIR)$(ZSHCOMPDIR)/_nlnetstat \
		$(DESTDIR)$(FISHCOMPDIR)/nlnetstat.fish
	if [ -L $(DESTDIR)$(BINDIR)/netstat ] && \
	   [ "$$(readlink $(DESTDIR)$(BINDIR)/netstat)" = nlnetstat ]; then \
		rm -f $(DESTDIR)$(BINDIR)/netstat; fi

clean:
	rm -rf build build-san build-fuzz nlnetstat nlnetstat-*.tar.gz

# The tarball holds the files git tracks or would track (never a build
# tree or anything .gitignore names) as they are in the work tree, plus
# the RPM spec with the version filled in: `rpmbuild -tb` and
# dpkg-buildpackage both build from it.
DIST := nlnetstat-$(VERSION)
DISTDIR ?= .
dist:
	@git rev-parse --git-dir >/dev/null 2>&1 || \
		{ echo "make dist: needs the git checkout" >&2; exit 1; }
	rm -rf $(BUILD)/dist && mkdir -p $(BUILD)/dist/$(DIST)
	git ls-files -z -c -o --exclude-standard | \
		xargs -0 sh -c 'for f; do [ -e "$$f" ] && printf "%s\0" "$$f"; done' sh | \
		tar --null -T - -cf - | tar -xf - -C $(BUILD)/dist/$(DIST)
	sed 's/@VERSION@/$(VERSION)/' packaging/nlnetstat.spec.in \
		>$(BUILD)/dist/$(DIST)/nlnetstat.spec
	tar -C $(BUILD)/dist --owner=0 --group=0 --numeric-owner --sort=name \
		--mtime=@$$(git log -1 --format=%ct) -cf - $(DIST) | \
		gzip -n -9 >$(DISTDIR)/$(DIST).tar.gz
	rm -rf $(BUILD)/dist
	@echo $(DISTDIR)/$(DIST).tar.gz

# Fuzz targets (libFuzzer, clang): `make fuzz` runs each for FUZZ_SECONDS.
-include tests/fuzz/fuzz.mk
