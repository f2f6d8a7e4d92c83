"""The translation cache: hits, concurrent writers, and recovery from a corrupted file."""

from __future__ import annotations

import multiprocessing
import sqlite3

import pytest

from provenance import paths
from provenance.translate import Translator, get_translator
from provenance.translate.cache import CacheCorruptedWarning, TranslationCache


def test_round_trip_and_key_parts(tmp_path):
    cache = TranslationCache(tmp_path / "t.sqlite")
    cache.put_many("argos", "v1", "zh", "en", {"你好。": "Hello.", "再见。": "Bye."})
    assert cache.get_many("argos", "v1", "zh", "en", ["你好。", "没有"]) == {"你好。": "Hello."}
    # every key part matters: another model version, pair or backend is a miss
    assert cache.get_many("argos", "v2", "zh", "en", ["你好。"]) == {}
    assert cache.get_many("argos", "v1", "ko", "en", ["你好。"]) == {}
    assert cache.get_many("gloss", "v1", "zh", "en", ["你好。"]) == {}
    assert cache.count() == 2
    cache.close()
    reopened = TranslationCache(tmp_path / "t.sqlite")
    assert reopened.get_many("argos", "v1", "zh", "en", ["再见。"]) == {"再见。": "Bye."}
    assert reopened._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_many_texts_beyond_one_query(tmp_path):
    cache = TranslationCache(tmp_path / "t.sqlite")
    texts = {f"sentence {i}": f"translation {i}" for i in range(1200)}
    cache.put_many("b", "1", "uk", "en", texts)
    assert cache.get_many("b", "1", "uk", "en", list(texts)) == texts


def _writer(path: str, worker: int, n: int) -> None:
    cache = TranslationCache(path)
    for i in range(n):
        cache.put_many("test", "1", "uk", "en", {f"w{worker}-{i}": f"t{worker}-{i}",
                                                 "shared": f"from {worker}"})
    cache.close()


def test_two_processes_write_at_once(tmp_path):
    path = str(tmp_path / "shared.sqlite")
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(path, w, 150)) for w in (1, 2)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(60)
        assert proc.exitcode == 0
    cache = TranslationCache(path)
    assert cache.count() == 301  # 2 x 150 own rows + one shared key, none lost
    assert cache.get_many("test", "1", "uk", "en", ["shared"])["shared"] in {"from 1", "from 2"}


def test_corrupted_file_is_moved_aside_and_rebuilt(tmp_path):
    path = tmp_path / "translations.sqlite"
    path.write_bytes(b"this is not a database\x00" * 400)
    with pytest.warns(CacheCorruptedWarning, match="moved it to translations.sqlite.corrupt-"):
        cache = TranslationCache(path)
    aside = list(tmp_path.glob("translations.sqlite.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not a database")
    cache.put_many("gloss", "1", "zh", "en", {"a": "b"})
    assert cache.get_many("gloss", "1", "zh", "en", ["a"]) == {"a": "b"}


def test_truncated_database_is_detected(tmp_path):
    path = tmp_path / "t.sqlite"
    cache = TranslationCache(path)
    cache.put_many("b", "1", "uk", "en", {f"s{i}": "x" * 500 for i in range(300)})
    cache._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    cache.close()
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\xff" * 4000 + data[4100:])  # header ok, pages broken
    with pytest.warns(CacheCorruptedWarning):
        rebuilt = TranslationCache(path)
    assert rebuilt.count() == 0


def test_shared_cache_lives_in_the_project_home():
    translator = get_translator("zh-cn", "en", "gloss")
    assert translator.cache is not None
    assert translator.cache.path == paths.translation_cache_path()
    assert sqlite3.connect(paths.translation_cache_path()).execute(
        "SELECT name FROM sqlite_master WHERE name='translations'").fetchone()
    assert get_translator("zh-cn", "en", "gloss", use_cache=False).cache is None


class _Upper(Translator):
    """A test backend: upper-cases, and counts what it had to translate itself."""

    name = "upper"
    cacheable = True

    def _translate_batch(self, sentences):
        return [s.upper() for s in sentences]


def test_translator_uses_the_cache_and_survives_losing_it(tmp_path):
    first = _Upper("uk", "en")
    first.cache = TranslationCache(tmp_path / "c.sqlite")
    assert first.translate(["a", "b", "a"]) == ["A", "B", "A"] and first.computed == 2
    second = _Upper("uk", "en")
    second.cache = TranslationCache(tmp_path / "c.sqlite")
    assert second.translate(["b", "c"]) == ["B", "C"] and second.computed == 1
    other_version = _Upper("uk", "en", version="2")
    other_version.cache = second.cache
    assert other_version.translate(["b"]) == ["B"] and other_version.computed == 1
    second.cache.close()  # a broken connection: results still come, with a warning
    with pytest.warns(UserWarning) as caught:
        assert second.translate(["a", "d"]) == ["A", "D"]
    messages = [str(w.message) for w in caught]
    assert messages[0].startswith("translation cache unavailable")
    assert messages[1].startswith("could not save translations to the cache")


def _open_and_write(path: str, worker: int) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CacheCorruptedWarning)
        cache = TranslationCache(path)
    cache.put_many("test", "1", "zh", "en", {f"w{worker}": "x"})
    cache.close()


def test_two_processes_recover_one_corrupted_file_once(tmp_path):
    path = tmp_path / "translations.sqlite"
    path.write_bytes(b"\x00garbage" * 1000)
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_open_and_write, args=(str(path), w)) for w in (1, 2)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(60)
        assert proc.exitcode == 0
    assert len(list(tmp_path.glob("translations.sqlite.corrupt-*"))) == 1
    assert TranslationCache(path).count() == 2  # both writes landed in the rebuilt cache


def _forked_child(cache: TranslationCache, parent_conn_id: int, queue) -> None:
    cache.put_many("test", "1", "uk", "en", {"child": "written after fork"})
    queue.put((id(cache._conn) != parent_conn_id,
               cache.get_many("test", "1", "uk", "en", ["parent", "child"])))


def test_a_forked_worker_opens_its_own_connection(tmp_path):
    cache = TranslationCache(tmp_path / "c.sqlite")
    cache.put_many("test", "1", "uk", "en", {"parent": "p"})
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_forked_child, args=(cache, id(cache._conn), queue))
    child.start()
    own_connection, seen = queue.get(timeout=30)
    child.join(30)
    assert child.exitcode == 0
    assert own_connection  # sharing a SQLite connection across fork corrupts databases
    assert seen == {"parent": "p", "child": "written after fork"}
    assert cache.get_many("test", "1", "uk", "en", ["child"]) == {"child": "written after fork"}
