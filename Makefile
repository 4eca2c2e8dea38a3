# `make install PREFIX=DIR` (default /usr/local): scripts/install.sh builds rxtext in release and
# puts it in DIR/bin, its glossaries in DIR/share/rxtext/glossaries.
PREFIX ?= /usr/local

.PHONY: build install test

build:
	swift build -c release --product rxtext

install:
	bash scripts/install.sh --prefix "$(PREFIX)"

test:
	bash scripts/test.sh
