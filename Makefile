# Two commands for a newcomer: `make run` and `make test`. Everything they need is installed from here.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.requirements-instaladas
export PIZARRAS_DB ?= data/pizarras.duckdb
PORT   ?= 8501
# 127.0.0.1: only this machine. For a workshop, HOST=0.0.0.0 serves the venue's network (phones reach the QR links).
HOST   ?= 127.0.0.1

.PHONY: run test data data-si-falta venv browser clean bench

venv: $(STAMP)

$(STAMP): requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $(STAMP)

# Rebuild the database from seed/ (atomic: a temporary file renamed into place). It refuses to replace a database
# holding people's records (accounts, self-reports, reviews) unless FORZAR=1, and then copies it first.
# SIN_DEMO=1 builds without the demo rows (production).
data: venv
	$(BIN)/python -m seed.build $(if $(FORZAR),--forzar) $(if $(SIN_DEMO),--sin-demo)

data-si-falta: venv
	$(BIN)/python -m seed.build --si-falta

# Browser tests drive Debian's chromium; install it when missing (root, or sudo when available).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }
	@command -v chromium >/dev/null 2>&1 || { echo "No se pudo instalar chromium"; exit 1; }

run: data-si-falta
	$(BIN)/streamlit run servidor.py --server.port $(PORT) --server.address $(HOST)

test: data-si-falta browser
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .pytest_cache

# Performance: scaled databases, board queries vs pandas, page reruns vs their floor, cold start and a live
# audience. Writes bench/results.md and bench/results.json. Not part of `make test` (it takes ~15 minutes).
bench: data-si-falta browser
	$(BIN)/python -m bench
