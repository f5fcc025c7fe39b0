# On a fresh machine with Python 3.11 and make: `make book` builds the book, `make test` runs the
# fast tier of the tests (about a minute), `make check` everything CI runs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
JB_FLAGS := -W -n --keep-going

.PHONY: book book-student classroom grade test check fingerprints standalone lab chapter-cells lint bench install clean

install: $(STAMP)

# Reinstall whenever the pins or the package metadata change.
$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is needed, found " + sys.version.split()[0] + "; run: make PYTHON=/path/to/python3.11 ...")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@# the JupyterLab default the wheel installs (pyproject.toml, data-files), which an editable
	@# install leaves out
	@mkdir -p $(VENV)/share/jupyter/lab/settings/overrides.d
	@cp book/jupyterlab/ai-regional-development-book.json $(VENV)/share/jupyter/lab/settings/overrides.d/
	@touch $(STAMP)

book: $(STAMP)
	$(BIN)/jupyter-book build . $(JB_FLAGS)
	@echo "The book: $(CURDIR)/_build/html/index.html"

# The instructors' edition: student notebooks, answer keys and otter-grader autograders in
# _build/classroom/ (VARIANTS=30: thirty seeded variants of the chapters with simulations);
# then grade a folder of completed notebooks into grades.csv and feedback/
VARIANTS ?= 0
# ROSTER=roster.csv (a student column, optionally variant): students/<student>/ notebooks and the
# roster.csv make grade uses
classroom: $(STAMP)
	$(BIN)/python book/classroom.py build _build/classroom --variants $(VARIANTS) \
		$(if $(ROSTER),--roster "$(ROSTER)")

# Each notebook runs in a bubblewrap sandbox (book/grading.py): TIME_LIMIT seconds (300),
# ROSTER=roster.csv (student,variant) to grade each student as their assigned variant
grade: $(STAMP)
	@test -n "$(SUBMISSIONS)" || { echo "usage: make grade SUBMISSIONS=<folder of notebooks> [ROSTER=roster.csv] [TIME_LIMIT=300]"; exit 2; }
	$(BIN)/python book/classroom.py grade "$(SUBMISSIONS)" --classroom _build/classroom \
		$(if $(ROSTER),--roster "$(ROSTER)") $(if $(TIME_LIMIT),--time-limit $(TIME_LIMIT))

# The book without solutions, for students: _build/student/_build/html (the chapters' runs of a
# current `make book` are replayed rather than executed again)
book-student: $(STAMP)
	$(BIN)/python book/classroom.py student-book _build/student --replay-from _build
	cd _build/student && $(CURDIR)/$(BIN)/jupyter-book build . $(JB_FLAGS)
	@echo "The student edition: $(CURDIR)/_build/student/_build/html/index.html"

# ruff: lint and formatting of helpers, tests, benchmarks and the chapters' code cells
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# axe-core for the browser tests' accessibility checks, pinned in tests/package-lock.json
AXE := tests/node_modules/axe-core/axe.min.js
$(AXE): tests/package.json tests/package-lock.json
	npm ci --prefix tests --no-audit --no-fund --silent

# The fast tier: lint, every unit test and each chapter executed once at its fast parameters,
# shared by every test that reads a chapter's run (pytest's default markers, pyproject.toml)
test: lint
	$(BIN)/python -m pytest

# Everything, as CI runs it: the fast tier plus the matrices (replicators' files, the classroom
# built and graded, the book and its student edition, browser and axe-core, JupyterLab) and the
# standalone test, in one pytest run so that its workers share the cores to the end
check: lint $(if $(shell command -v npm),$(AXE))
	$(BIN)/python -m pytest -m "slow or not slow"

# After an intended change of what a chapter shows: store the new fingerprints of its runs
# (tests/fixtures/fingerprints/), then review their diff
fingerprints: $(STAMP)
	UPDATE_FINGERPRINTS=1 $(BIN)/python -m pytest tests/test_notebooks.py -k fingerprint

# The wheel in fresh environments on Python 3.12 and 3.13, every chapter run alone (make check
# runs it too)
standalone: $(STAMP)
	$(BIN)/python -m pytest -m standalone

# Open the chapters in JupyterLab (MyST rendered by jupyterlab-myst)
lab: $(STAMP)
	$(BIN)/jupyter lab chapters/

# Rewrite the chapters' generated cells (setup cell, collapsed solutions) after a committed change of
# the package, the repository URL or an exercise
chapter-cells: $(STAMP)
	$(BIN)/python book/chapter_cells.py

# measurements into benchmarks/results/latest.json, then the README's table rewritten from it;
# the panel-VAR comparison runs pydynpd in its own environment (the compare extra).
# SECTIONS=growth,installs re-measures a subset (see benchmarks/run.py).
COMPARE := .venv-compare
SECTIONS ?= builds,tests,overhead,widgets,compare,growth,installs,scale
$(COMPARE)/.installed: pyproject.toml
	@test -x $(COMPARE)/bin/python || $(PYTHON) -m venv $(COMPARE)
	$(COMPARE)/bin/python -m pip install --quiet --disable-pip-version-check -e '.[compare]'
	@touch $@

bench: $(STAMP) $(COMPARE)/.installed
	$(BIN)/python benchmarks/run.py --sections $(SECTIONS) --compare-python $(COMPARE)/bin/python
	$(BIN)/python benchmarks/readme_table.py

clean:
	rm -rf _build
