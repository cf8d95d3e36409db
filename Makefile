# make install PREFIX=~/.local   builds a release binary and installs it with its resources.
PREFIX ?= /usr/local
# Linking the Swift runtime statically roughly halves start-up time and memory.
SWIFT_BUILD_FLAGS ?= -c release --static-swift-stdlib

.PHONY: build install test uninstall
build:
	swift build $(SWIFT_BUILD_FLAGS) --product smtp-codes

install: build
	scripts/install-files.sh "$$(swift build $(SWIFT_BUILD_FLAGS) --show-bin-path)/smtp-codes" "$(PREFIX)"

uninstall:
	rm -rf "$(PREFIX)/bin/smtp-codes" "$(PREFIX)/share/smtp-codes" "$(PREFIX)/share/man/man1/smtp-codes.1" \
	  "$(PREFIX)/share/bash-completion/completions/smtp-codes" "$(PREFIX)/share/zsh/site-functions/_smtp-codes" \
	  "$(PREFIX)/share/fish/vendor_completions.d/smtp-codes.fish"

test:
	swift test
