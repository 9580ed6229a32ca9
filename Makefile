# The two commands: `make run` and `make test`. Both install what is missing first.
SHELL := /bin/bash
GOBIN_DIR := $(shell go env GOBIN)
ifeq ($(GOBIN_DIR),)
GOBIN_DIR := $(shell go env GOPATH)/bin
endif
WAILS := $(GOBIN_DIR)/wails
TAGS := webkit2_41
OUT := test-output
# The one version source; the Go binary gets it through -ldflags (scripts/dist.sh does the same).
VERSION := $(shell cat VERSION)
LDFLAGS := -X icm/backend/service.Version=$(VERSION)

.PHONY: run build test deps deps-test deps-dist frontend demo demo-team check-bindings check-go vet go-test fe-typecheck fe-test e2e dist dist-check check-version check-windows crash-test crash-test-ci fuzz bench clean

## run: install what is missing, build, and start the app on the database in the user's data folder
run: build
	./build/bin/icm

## build: the desktop binary in build/bin/
build: deps frontend
	$(WAILS) build -s -m -tags $(TAGS) -ldflags "$(LDFLAGS)"

deps:
	@scripts/install-deps.sh build

deps-test:
	@scripts/install-deps.sh test

deps-dist:
	@scripts/install-deps.sh dist

frontend:
	cd frontend && npm run build --silent

## demo: fill an empty database (default location, or DB=path) with fictional demo data
demo: deps
	go run . -demo $(if $(DB),-db $(DB),)

## demo-team: two windows on a demo team of two laptops sharing a team folder, to watch a note travel between them;
## DIR=folder (default: icm-demo-team in the user's data folder); a second run reuses a finished demo team.
## Ctrl-C closes both windows. Never touches the database `make run` opens.
DIR ?= $${XDG_DATA_HOME:-$$HOME/.local/share}/icm-demo-team
demo-team: deps build/bin/icm
	@dir="$(DIR)"; \
	./build/bin/icm -demo-team "$$dir" || exit $$?; \
	./build/bin/icm -db "$$dir/lead.db" & lead=$$!; \
	trap 'kill -TERM $$lead 2>/dev/null; wait $$lead 2>/dev/null; exit 130' INT TERM; \
	./build/bin/icm -db "$$dir/worker.db"; \
	wait $$lead

# The binary `make run` builds, rebuilt for demo-team only when a Go or frontend source is newer
# (the sources are listed only when that is asked for).
ifneq ($(filter demo-team build/bin/icm,$(MAKECMDGOALS)),)
ICM_SOURCES := $(shell find . \( -path ./frontend/node_modules -o -path ./build -o -path ./frontend/dist -o -path ./.git \) -prune -o \
	-type f \( -name '*.go' -o -name '*.ts' -o -name '*.tsx' -o -name '*.css' -o -name '*.html' \) -print 2>/dev/null)
endif
build/bin/icm: $(ICM_SOURCES) go.mod go.sum VERSION
	$(MAKE) build

## test: every check CI runs: bindings drift, version, formatting, go vet, go test -race, tsc, Vitest, end-to-end, packages
test: deps-test frontend check-bindings check-version check-go vet check-windows go-test crash-test-ci fe-typecheck fe-test e2e dist-check
	@echo "make test: all checks passed"

## check-bindings: the committed frontend/wailsjs must match the Go code
check-bindings:
	$(WAILS) generate module -tags $(TAGS) >/dev/null
	@git -c core.fileMode=false diff --exit-code --stat -- frontend/wailsjs \
	  || (echo "frontend/wailsjs drifted from the Go code: run 'wails generate module' and commit" >&2; exit 1)
	@test -z "$$(git -c core.fileMode=false status --porcelain -- frontend/wailsjs)" \
	  || (git status --porcelain -- frontend/wailsjs; echo "untracked or changed generated bindings" >&2; exit 1)

check-go:
	@bad=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$bad" ]; then echo "gofmt needed: $$bad" >&2; exit 1; fi
	@cp go.mod /tmp/icm-go.mod.bak; cp go.sum /tmp/icm-go.sum.bak; go mod tidy; \
	  if ! git diff --quiet -- go.mod go.sum; then git diff -- go.mod go.sum; \
	  cp /tmp/icm-go.mod.bak go.mod; cp /tmp/icm-go.sum.bak go.sum; echo "go mod tidy changes go.mod/go.sum" >&2; exit 1; fi

# The benchmark hook (backend/benchhook) is only compiled with the bench tag: check it too.
vet:
	go vet ./...
	go vet -tags bench ./backend/benchhook/

go-test:
	go test -race -count=1 -timeout 30m ./...
	go test -race -count=1 -tags bench ./backend/benchhook/

## check-windows: the Windows build (single-instance and screen-capture code) compiles
check-windows:
	GOOS=windows GOARCH=amd64 go build -o /dev/null ./...
	GOOS=windows GOARCH=amd64 go vet ./...

## crash-test: kill a writing process CRASH_RUNS times (default 1000) and check every database after;
## then kill team laptops while they publish and apply, SYNC_CRASH_RUNS rounds of two kills (default 200)
CRASH_RUNS ?= 1000
SYNC_CRASH_RUNS ?= 200
crash-test:
	ICM_CRASH_RUNS=$(CRASH_RUNS) ICM_SYNC_CRASH_RUNS=$(SYNC_CRASH_RUNS) go test -count=1 -timeout 60m -v \
	  -run '^TestKilled(Writer|Sync)' ./backend/internal/crashtest/

## crash-test-ci: the same with 200 kills and 40 team rounds (80 kills), as `make test` and CI run it
## (under a minute each here)
crash-test-ci:
	@$(MAKE) --no-print-directory crash-test CRASH_RUNS=200 SYNC_CRASH_RUNS=40

## fuzz: every Go fuzz target (any package) for FUZZTIME each (default 20s); their seeds also run in go test
FUZZTIME ?= 20s
FUZZ_PKGS = $(sort $(dir $(shell grep -rl --include='*_test.go' '^func Fuzz' backend)))
fuzz:
	@for pkg in $(FUZZ_PKGS); do \
	  pkg=./$${pkg%/}; \
	  for t in $$(go test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$t ($(FUZZTIME))"; \
	    go test -run '^$$' -fuzz "^$$t\$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

fe-typecheck:
	cd frontend && npx tsc --noEmit

fe-test:
	cd frontend && npx vitest run

## bench: performance at ten-year scale, written into docs/performance.md (about 20 minutes; not part of test);
## the app it starts is built with the "bench" tag, which compiles in its measurement hook (backend/benchhook)
bench: deps-test
	scripts/bench.sh

## dist: the Windows installer and the Linux .deb in build/dist/ (sizes printed at the end)
dist: deps-dist
	scripts/dist.sh all

## dist-check: build both packages from scratch and check what is inside them
dist-check: deps-dist
	rm -rf build/dist
	scripts/dist.sh all
	scripts/dist-check.sh

## check-version: VERSION, wails.json and the Go default version must agree
check-version:
	@scripts/dist.sh check-version

## e2e: the real UI in Chromium against the real Go backend (wails dev under Xvfb)
e2e:
	scripts/e2e.sh

clean:
	rm -rf build/bin $(OUT) frontend/dist/assets frontend/dist/index.html
