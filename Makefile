# Two commands for a new machine (see README):  make demo   and   make test
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= sample.db

.PHONY: demo test install clean

install: $(VENV)/.installed

# torch first, pinned: a bare torch requirement would pull a multi-GB CUDA build
$(VENV)/.installed: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[dev,fast,ocr]'
	touch $@

demo: install
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/namndkoll ingest sample/ --db $(DB)
	$(BIN)/namndkoll documents --db $(DB)
	$(BIN)/namndkoll figures --db $(DB) --unit SEK --limit 15
	$(BIN)/namndkoll search "Hur många anställningar med stöd ska finnas i Lunds kommun?" --db $(DB) --limit 3

test: install
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
