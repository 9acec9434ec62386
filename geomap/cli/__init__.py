"""The ``geomap`` command line: a thin layer that parses options and calls the library.

Each command group lives in its own module with a ``register(main)`` function, so the
CLI grows by adding a module name to COMMAND_MODULES and nothing else.
"""

from __future__ import annotations

import importlib
import logging

import click

from geomap import __version__

COMMAND_MODULES = ("core", "ingest", "export", "gazetteer", "geoparse", "evaluate", "extract")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="geomap")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def main(verbose: int) -> None:
    """geomap: place names and events from news articles, on an offline map."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


for _name in COMMAND_MODULES:
    importlib.import_module(f"geomap.cli.{_name}").register(main)
