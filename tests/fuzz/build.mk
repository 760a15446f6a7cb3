# libFuzzer harnesses (issue 6).  `make fuzz` builds tests/fuzz/fuzz_*.c
# with clang -fsanitize=fuzzer,address,undefined against every stage's
# sources (rebuilt with -fsanitize=fuzzer-no-link in $(B)/fuzz) and runs
# each for FUZZ_SECONDS on a copy of its seed corpus (tests/fuzz/run.sh).
# A crash fails the target and leaves the input in $(B)/fuzz/NAME-crash-*;
# copy it to tests/hostile/fuzz/NAME/ so t0710 keeps it as a regression.
#
#   make fuzz [FUZZ_SECONDS=30] [FUZZ=ingest]   (one harness only)

FUZZ_SECONDS	?= 30
FUZZ_CC		?= clang
FUZZ		?=
FZ		:= $(B)/fuzz
FUZZ_SAN	:= -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS	= -g -O1 -std=c11 -D_POSIX_C_SOURCE=200809L -fno-omit-frame-pointer \
	-Ipipeline/common -Ipipeline $(PKG_CFLAGS)
FUZZ_SRC	:= $(wildcard pipeline/common/*.c) \
	$(filter-out %/main.c,$(wildcard pipeline/ingest/*.c pipeline/render/*.c))
FUZZ_OBJ	:= $(FUZZ_SRC:%.c=$(FZ)/obj/%.o)
FUZZ_NAMES	:= $(if $(FUZZ),$(FUZZ),$(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_BINS	:= $(FUZZ_NAMES:%=$(FZ)/fuzz_%)

.PHONY: fuzz fuzz-build

$(FZ)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link $(FUZZ_SAN) -MMD -MP -c $< -o $@

$(FZ)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJ)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $< $(FUZZ_OBJ) $(LDLIBS) \
		$(shell pkg-config --libs pangoft2 2>/dev/null)

fuzz-build: $(FUZZ_BINS)

fuzz: $(FUZZ_BINS)
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FZ) $(FUZZ_NAMES)

-include $(wildcard $(FZ)/obj/*/*/*.d)
