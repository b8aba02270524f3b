# kronika: `make demo` sets everything up and codes the acceptance article; `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
KRONIKA := $(VENV)/bin/kronika
SEED ?= ../shared/seeds/000_7e7288b8f68c05a5.txt
DEMO_INPUT := $(if $(wildcard $(SEED)),$(SEED),examples/seed-layout.txt)
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: install demo test test-fast bench lock clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements.lock requirements-models.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-models.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

demo: install
	$(KRONIKA) run $(DEMO_INPUT) --published 2023-12-07
	$(KRONIKA) stats

test: install
	$(PY) -m pytest -q

test-fast: install
	$(PY) -m pytest -q -m "not slow"

bench: install
	$(PY) benchmarks/run.py

lock:
	$(PY) -m pip freeze --exclude-editable | grep -v -i '^kronika' > requirements.lock.new
	mv requirements.lock.new requirements.lock

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
