"""The Dask engine gives the local engine's results, also on a two-node cluster on
loopback that loses a worker mid-run.

The corpus mixes the seeds, WMT documents (one story as files, one as a Parquet shard,
the way archives are distributed), a relay cluster from ../shared/data/relays, read
from there at test time, and the bad-input set (files left out or repaired, with the
same warnings in the same order).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO, SEEDS, SHARED_DATA, parallel_docs
from support.bad_input import write_bad_inputs
from support.cli import run_cli

distributed = pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")
pa = pytest.importorskip("pyarrow")

pytestmark = pytest.mark.slow

RELAYS = SHARED_DATA / "relays" / "wsj-musk-putin-2024-10"
#: the relay cluster's files in the corpus: enough pairs for several compare tasks
RELAY_FILES = 16


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not RELAYS.is_dir():
        pytest.skip(f"shared data not found at {RELAYS}")
    root = tmp_path_factory.mktemp("mixed-corpus")
    shutil.copytree(SEEDS, root / "seeds")
    first, second = parallel_docs("en-zh")[:2]
    for name, lang in (("en.txt", "en"), ("zh.a.txt", "zh-cn"), ("zh.b.txt", "zh-cn")):
        text = (first / name).read_text(encoding="utf-8")
        (root / f"wmt-{first.name}-{name[:-4]}.md").write_text(
            f"---\nlanguage: {lang}\n---\n{text}", encoding="utf-8")
    rows = [{"id": f"wmt-{second.name}-{name[:-4]}", "language": lang,
             "url": f"https://example.org/{second.name}/{lang}", "date": "2024-05-01",
             "text": (second / name).read_text(encoding="utf-8")}
            for name, lang in (("en.txt", "en"), ("zh.a.txt", "zh-cn"))]
    pq.write_table(pa.Table.from_pylist(rows), root / "shard-00000.parquet")
    (root / "relays").mkdir()
    for path in sorted(p for p in RELAYS.glob("*.md"))[:RELAY_FILES]:
        shutil.copy(path, root / "relays" / path.name)
    write_bad_inputs(root / "bad")
    return root


def warnings_of(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("warning:")]


@pytest.fixture(scope="module")
def local_run(corpus: Path, tmp_path_factory: pytest.TempPathFactory
              ) -> tuple[dict, list[str]]:
    """The local engine's JSON and warnings."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PROVENANCE_HOME", str(tmp_path_factory.mktemp("local-home")))
        result = run_cli("analyze", corpus, "--format", "json", "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert len(warnings_of(result.stderr)) > 5, "the bad files are named"
    return json.loads(result.stdout), warnings_of(result.stderr)


def test_dask_local_cluster_gives_the_local_results(corpus: Path, local_run, tmp_path: Path
                                                    ) -> None:
    local_json, local_warnings = local_run
    assert any(a["id"].startswith(f"wmt-{parallel_docs('en-zh')[1].name}")
               for a in local_json["articles"]), "the Parquet shard was read"
    result = run_cli("analyze", corpus, "--format", "json", "--engine", "dask",
                     "--jobs", "2", "--results", tmp_path / "results")
    assert result.exit_code == 0, result.output
    assert "dask: 2 worker thread(s)" in result.stderr
    assert json.loads(result.stdout) == local_json
    assert warnings_of(result.stderr) == local_warnings

    summary = run_cli("report", tmp_path / "results", "-o", "-", "--format", "json")
    assert summary.exit_code == 0, summary.output
    found = json.loads(summary.stdout)
    articles = local_json["articles"]
    relays = [a for a in articles if a["compared_with"]]
    assert (found["articles"], found["pairs"]) == (len(articles), len(relays))
    assert sum(found["findings_by_severity"].values()) == sum(a["finding_count"]
                                                              for a in relays)
    drift_of_story: dict[int, int] = {}
    for a in relays:
        drift_of_story[a["story"]] = drift_of_story.get(a["story"], 0) + a["drift_score"]
    top = found["top_stories"][0]
    assert (top["story"], top["drift"]) == max(drift_of_story.items(), key=lambda s: s[1])


# --- a two-node cluster on loopback ------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[tuple[str, dict[str, subprocess.Popen]]]:
    """A scheduler and two single-thread workers, each its own process."""
    dask = str(Path(sys.executable).parent / "dask")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    address = f"tcp://127.0.0.1:{_free_port()}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env}
    procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port",
                               address.rsplit(":", 1)[1], "--no-dashboard"], **quiet)]
    workers = {}
    for name in ("worker-a", "worker-b"):
        workers[name] = subprocess.Popen(
            [dask, "worker", address, "--name", name, "--nthreads", "1", "--nworkers", "1",
             "--no-dashboard", "--no-nanny", "--local-directory", str(tmp_path / name)],
            **quiet)
        procs.append(workers[name])
    try:
        with distributed.Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=60)
        yield address, workers
    finally:
        for proc in reversed(procs):
            if proc.poll() is None:
                proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()


def _compare_running_on(client: distributed.Client, name: str) -> bool:
    """Whether the worker called ``name`` is running a compare task right now."""
    info = client.scheduler_info()["workers"]
    for address, keys in client.processing().items():
        if info.get(address, {}).get("name") == name and any(
                str(k).startswith("provenance-compare") for k in keys):
            return True
    return False


def test_a_worker_killed_mid_run_costs_only_its_tasks(corpus: Path, local_run, cluster,
                                                      tmp_path: Path) -> None:
    local_json, local_warnings = local_run
    address, workers = cluster
    env = {**os.environ, "PYTHONPATH": str(REPO), "PROVENANCE_HOME": str(tmp_path / "home")}
    run = subprocess.Popen(
        [sys.executable, "-c", "from provenance.cli import main; main()", "analyze",
         str(corpus), "--format", "json", "--engine", "dask", "--scheduler", address],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    try:
        with distributed.Client(address, timeout="30s") as client:
            deadline = time.monotonic() + 120
            # Wait until worker-a is inside a comparison (not a fixed sleep: the run may
            # take longer or shorter to get there), then kill it without a goodbye.
            while not _compare_running_on(client, "worker-a"):
                assert run.poll() is None, "the run ended before worker-a compared a pair"
                assert time.monotonic() < deadline, "worker-a never ran a compare task"
                time.sleep(0.02)
            os.kill(workers["worker-a"].pid, signal.SIGKILL)
            workers["worker-a"].wait(timeout=10)
        out, err = run.communicate(timeout=300)
    finally:
        if run.poll() is None:
            run.kill()
    assert run.returncode == 0, err
    assert json.loads(out) == local_json
    assert warnings_of(err) == local_warnings
