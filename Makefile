# make install PREFIX=~/.local   builds a release binary and installs it, stripped, with its resources
#                                (PIE=1: position-independent, see below).
# make dist                      packs the same files into dist/smtp-codes-VERSION-linux-ARCH.tar.gz.
PREFIX ?= /usr/local
DISTDIR ?= dist
# Linking the Swift runtime statically roughly halves start-up time and memory. The binary is
# static (docs/decisions.md, "The installed binary is static, not position-independent"): no
# dynamic loader and no shared libraries to find and bind at start. It is linked at a fixed
# address: relocating a position-independent one at every start took about 0.6 ms of the
# explorer's first screen. `make install PIE=1` builds a static PIE instead (loaded at a random
# address; GNU ld links it, gold cannot; packed relocations, DT_RELR; no $ORIGIN run path,
# which a static PIE must not have). Generic types are made by direct metadata calls rather
# than from mangled names, which also shortens the start (docs/performance.md, "Cold start").
# Each Swift function gets a section of its own, and the fixed-address build is linked by gold
# in the order of LINK_ORDER (the functions the explorer runs, in the order it first runs
# them; scripts/link-order.sh writes it), so that the start touches fewer pages of code.
LINK_ORDER ?= $(CURDIR)/scripts/first-screen.order
ifeq ($(PIE),1)
STATIC_FLAGS ?= --disable-local-rpath -Xswiftc -static-executable -Xswiftc -use-ld=bfd \
	-Xswiftc -Xclang-linker -Xswiftc -static-pie -Xlinker -z -Xlinker pack-relative-relocs
else
STATIC_FLAGS ?= --disable-local-rpath -Xswiftc -static-executable -Xswiftc -use-ld=gold \
	-Xswiftc -Xclang-linker -Xswiftc -no-pie -Xlinker --section-ordering-file=$(LINK_ORDER)
endif
START_FLAGS ?= -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors \
	-Xswiftc -Xfrontend -Xswiftc -function-sections
SWIFT_BUILD_FLAGS ?= -c release --static-swift-stdlib $(STATIC_FLAGS) $(START_FLAGS)

.PHONY: bin-path build dist install manpage test uninstall
build:
	swift build $(SWIFT_BUILD_FLAGS) --product smtp-codes

# Where `build` puts the binary (scripts/link-order.sh).
bin-path:
	@swift build $(SWIFT_BUILD_FLAGS) --show-bin-path

# The installed copy is stripped (symbols and debug information are most of the file, and
# a static binary finds no backtracer on a machine without Swift anyway); the unstripped
# binary stays in the build folder to resolve a crash report's addresses against.
# `make install STRIP=true` installs the binary with its symbols.
install: build
	scripts/install-files.sh --strip "$$(swift build $(SWIFT_BUILD_FLAGS) --show-bin-path)/smtp-codes" "$(PREFIX)"

# A relocatable archive of what `make install` installs (scripts/make-dist.sh says how it is laid
# out); scripts/check-dist.sh unpacks one and runs it, as .ci/run does.
dist: build
	scripts/make-dist.sh "$$(swift build $(SWIFT_BUILD_FLAGS) --show-bin-path)/smtp-codes" "$(DISTDIR)"

# Regenerates docs/smtp-codes.1 from the command definitions and the key table.
manpage:
	scripts/make-manpage.sh

uninstall:
	rm -rf "$(PREFIX)/bin/smtp-codes" "$(PREFIX)/share/smtp-codes" "$(PREFIX)/share/man/man1/smtp-codes.1" \
	  "$(PREFIX)/share/bash-completion/completions/smtp-codes" "$(PREFIX)/share/zsh/site-functions/_smtp-codes" \
	  "$(PREFIX)/share/fish/vendor_completions.d/smtp-codes.fish"

test:
	swift test
