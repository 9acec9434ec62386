"""`geomap ingest` / `geomap reprocess` options, output and exit codes (fake pipeline)."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import termios
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from ingest_fakes import news

from geomap.cli import main
from geomap.store import open_store

pytestmark = pytest.mark.usefixtures("fake_cli")
HERE = Path(__file__).parent


def invoke(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def test_defaults_and_field_mapping(tmp_path):
    src = tmp_path / "feed.jsonl"
    src.write_text(json.dumps({"body": news(1), "head": "Kharkiv shelled"}) + "\n")
    db = tmp_path / "g.sqlite"
    result = invoke("ingest", str(src), "--db", str(db), "--field", "text=body", "--field", "title=head",
                    "--published", "2024-02-29", "--source", "Desk notes", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["ingested"] == 1
    with open_store(db) as store:
        (doc,) = store.documents()
    assert (doc.title, doc.published, doc.source) == ("Kharkiv shelled", date(2024, 2, 29), "Desk notes")


def test_bad_field_option_says_how_to_write_it(tmp_path):
    result = invoke("ingest", "x.jsonl", "--field", "body")
    assert result.exit_code == 2 and "NAME=FIELD" in result.output


def test_stdin(tmp_path):
    db = tmp_path / "g.sqlite"
    result = invoke("ingest", "-", "--db", str(db), "--json", stdin=news(3))
    assert json.loads(result.stdout)["ingested"] == 1


def test_reprocess_command(tmp_path):
    db = tmp_path / "g.sqlite"
    (tmp_path / "a.txt").write_text(news(1))
    (tmp_path / "b.txt").write_text(news(2))
    assert invoke("ingest", str(tmp_path), "--db", str(db)).exit_code == 0
    result = invoke("reprocess", "--db", str(db))
    assert result.exit_code == 0 and "reprocessed 2 (0 changed), skipped 0" in result.output
    as_json = json.loads(invoke("reprocess", "--db", str(db), "--json").stdout)
    assert as_json["reprocessed"] == 2


SCRIPT = """
import sys
sys.path.insert(0, {here!r})
import geomap.pipeline
from ingest_fakes import FakePipeline
geomap.pipeline.Pipeline = lambda: FakePipeline(delay=0.01)
from geomap.cli import main
main(sys.argv[1:])
"""


def run_cli(args: list[str], *, tty: bool) -> tuple[int, str, str]:
    """The CLI in a child process, its stderr a terminal or a pipe."""
    cmd = [sys.executable, "-c", SCRIPT.format(here=str(HERE)), *args]
    if not tty:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        return done.returncode, done.stdout, done.stderr
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # rows, columns
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=follower, text=True)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    out, _ = proc.communicate(timeout=120)
    os.close(leader)
    return proc.returncode, out, b"".join(chunks).decode(errors="replace")


def test_progress_bar_on_a_terminal_only(tmp_path):
    src = tmp_path / "many.jsonl"
    src.write_text("".join(json.dumps({"text": news(i)}) + "\n" for i in range(40)))
    code, out, err = run_cli(["ingest", str(src), "--db", str(tmp_path / "a.sqlite")], tty=True)
    assert code == 0 and "ingested 40" in out
    assert "40/40" in err and "doc/s" in err  # items done / total, rate; ETA is in the [elapsed<left]
    code, out, err = run_cli(["ingest", str(src), "--db", str(tmp_path / "b.sqlite")], tty=False)
    assert code == 0 and err == ""
    code, out, err = run_cli(["ingest", str(src), "--db", str(tmp_path / "c.sqlite"), "-q"], tty=True)
    assert code == 0 and "doc/s" not in err
