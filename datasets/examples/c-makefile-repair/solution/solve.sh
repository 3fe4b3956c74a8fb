#!/bin/bash
set -euo pipefail
cat > /app/Makefile <<'MK'
# Build the `numstats` tool.
CC      = gcc
CFLAGS  = -O2 -Wall -Wextra -std=c11
LDLIBS  = -lm
SRCS    = $(wildcard src/*.c)
OBJS    = $(patsubst src/%.c,build/%.o,$(SRCS))
DEPS    = $(OBJS:.o=.d)

all: bin/numstats

bin/numstats: $(OBJS)
	@mkdir -p bin
	$(CC) $(CFLAGS) -o $@ $(OBJS) $(LDLIBS)

build/%.o: src/%.c
	@mkdir -p build
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

clean:
	rm -f build/*.o build/*.d bin/numstats

-include $(DEPS)

.PHONY: all clean
MK
cd /app && make clean && make
