# `make run` starts ooo, `make test` runs every check CI runs; both install into .venv first.
VENV ?= .venv
BIN = $(VENV)/bin

$(BIN)/ooo: pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

.PHONY: run test bench messages
run: $(BIN)/ooo
	$(BIN)/ooo run

test: $(BIN)/ooo
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest -n 2

# Extract the messages, then bring every catalog up to date with them: new ones untranslated,
# changed ones fuzzy, until a translator reviews them (tests/bot/texts names each).
messages: $(BIN)/ooo
	$(BIN)/pybabel --quiet extract --mapping-file=bot/texts/babel.cfg --omit-header --no-location \
		--sort-output --output-file=bot/texts/messages.pot bot
	if ls bot/texts/locales/*/LC_MESSAGES/messages.po >/dev/null 2>&1; then \
		$(BIN)/pybabel --quiet update --input-file=bot/texts/messages.pot \
			--output-dir=bot/texts/locales; \
	fi

bench: $(BIN)/ooo
	$(BIN)/python bench/command_latency.py
	$(BIN)/python bench/dates_bench.py
	$(BIN)/python bench/dates_corpus.py
	$(BIN)/python bench/team_bench.py
	$(BIN)/python -m bench.lifecycle_bench
	$(BIN)/python bench/replies_bench.py
	$(BIN)/python bench/outbox_bench.py
	$(BIN)/python bench/calendars_bench.py
	$(BIN)/python bench/export_bench.py
	$(BIN)/python bench/closures_bench.py
