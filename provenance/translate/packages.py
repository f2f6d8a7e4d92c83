"""Offline argostranslate language packages: configure, list, install, remove.

Packages are ``.argosmodel`` zip files a user downloads on a connected machine (from the
Argos package index) and installs here with ``provenance models install FILE``. They live
in ``provenance.paths.argos_packages_dir()``, one folder per pair named ``<from>_<to>``,
with a ``.provenance.json`` note recording the archive's SHA-256 so that the model version
in a signature (and in the translation cache key) changes when the model does.

argostranslate reads its settings once, at import, and creates folders under the user's
XDG directories; :func:`argos_modules` imports it with our folders in place and re-points
its settings at the current packages folder on every call (tests change homes).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import ModuleType

from provenance import paths
from provenance.errors import BadInput, ModelMissing
from provenance.lang import base, language, supported

_NOTE = ".provenance.json"
#: ``translate-zh_en-1_9.argosmodel``: the index's naming scheme, used to catch wrong pairs
_INDEX_NAME = re.compile(r"^translate-([a-z]{2,3})_([a-z]{2,3})(?:[-_.]|$)", re.IGNORECASE)


@dataclass(frozen=True)
class InstalledModel:
    """One installed language package (a single ``from_code`` → ``to_code`` pair)."""

    from_code: str
    to_code: str
    package_version: str
    argos_version: str
    path: Path
    sha256: str | None = None
    name: str = ""

    @property
    def code(self) -> str:
        return f"{self.from_code}_{self.to_code}"

    @property
    def version(self) -> str:
        """``translate-zh_en@1.9#ab12cd34``: what signatures and the cache key record."""
        tag = f"translate-{self.code}@{self.package_version or '?'}"
        return f"{tag}#{self.sha256[:8]}" if self.sha256 else tag


def argos_code(lang: str) -> str:
    """The Argos code for an article language: ``zh-cn`` -> ``zh``, ``zh-tw`` -> ``zt``."""
    record = language(lang)
    return record.argos_code if record else base(lang)


def missing_model_message(src: str, tgt: str) -> str:
    s, t = argos_code(src), argos_code(tgt)
    return (f"no argos model for {s}→{t}: download translate-{s}_{t}-*.argosmodel from the "
            "Argos package index on a connected machine and run "
            "`provenance models install FILE`")


# -- the argostranslate import ---------------------------------------------------------
@contextlib.contextmanager
def _temporary_env(values: dict[str, str]) -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, old in saved.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old


def argos_modules() -> tuple[ModuleType, ModuleType]:
    """``(argostranslate.settings, argostranslate.package)``, pointed at our folders.

    Only ``settings`` and ``package`` are imported: ``argostranslate.translate`` imports
    stanza (and torch) and builds sentence splitters that may download models, and we
    need neither because we feed it sentences we have already split.
    """
    packages_dir = paths.argos_packages_dir()
    scratch = paths.data_dir() / "argos-home"
    # Temporary, so that our own XDG_DATA_HOME lookups (paths.data_dir) are unaffected.
    env = {
        "ARGOS_PACKAGES_DIR": str(packages_dir),
        "ARGOS_DEVICE_TYPE": "cpu",
        "XDG_DATA_HOME": str(scratch / "data"),
        "XDG_CONFIG_HOME": str(scratch / "config"),
        "XDG_CACHE_HOME": str(scratch / "cache"),
    }
    try:
        if "argostranslate.settings" not in sys.modules:
            with _temporary_env(env):
                import argostranslate.settings  # noqa: F401
        import argostranslate.package as package
        import argostranslate.settings as settings
    except ImportError as exc:
        raise ModelMissing(
            f"argostranslate is not installed ({exc}); install the extra: "
            "pip install torch==2.13.0 'provenance[mt]'") from None
    settings.package_data_dir = packages_dir
    settings.package_dirs = [packages_dir]
    settings.device = "cpu"
    # If argostranslate was imported before us, its other folders point at the user's
    # home; nothing of ours writes there, but keep them inside the project's home too.
    settings.data_dir = scratch / "data" / "argos-translate"
    settings.cache_dir = scratch / "cache" / "argos-translate"
    settings.downloads_dir = settings.cache_dir / "downloads"
    settings.local_package_index = settings.data_dir / "index.json"
    translate = sys.modules.get("argostranslate.translate")
    if translate is not None:  # someone imported it: drop translators bound to old folders
        translate.installed_translates.clear()
        translate.get_installed_languages.cache_clear()
    return settings, package


# -- listing ---------------------------------------------------------------------------
def installed_models(packages_dir: Path | None = None) -> list[InstalledModel]:
    """Installed translation packages, sorted by pair. Reads metadata only (fast)."""
    root = packages_dir or paths.argos_packages_dir()
    models: list[InstalledModel] = []
    for folder in sorted(root.iterdir()):
        if not folder.is_dir() or folder.name.startswith("."):
            continue
        model = _read_installed(folder)
        if model is not None:
            models.append(model)
    return sorted(models, key=lambda m: (m.from_code, m.to_code, m.path.name))


def _read_installed(folder: Path) -> InstalledModel | None:
    try:
        meta = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # not a package (or half-removed): ignore rather than fail listing
    if meta.get("type", "translate") != "translate" or not meta.get("from_code"):
        return None
    sha = None
    with contextlib.suppress(OSError, ValueError):
        sha = json.loads((folder / _NOTE).read_text(encoding="utf-8")).get("sha256")
    return InstalledModel(
        from_code=str(meta["from_code"]), to_code=str(meta.get("to_code", "")),
        package_version=str(meta.get("package_version", "")),
        argos_version=str(meta.get("argos_version", "")), path=folder, sha256=sha,
        name=str(meta.get("name", "")))


def find_model(src: str, tgt: str) -> InstalledModel | None:
    s, t = argos_code(src), argos_code(tgt)
    for model in installed_models():
        if model.from_code == s and model.to_code == t:
            return model
    return None


def find_chain(src: str, tgt: str) -> list[InstalledModel] | None:
    """Packages translating ``src`` to ``tgt``: one direct package, or two via English."""
    candidates = [argos_code(src)]
    if candidates[0] == "zt":
        candidates.append("zh")  # a Simplified model still reads most Traditional text
    for s in candidates:
        direct = find_model(s, tgt)
        if direct is not None:
            return [direct]
        if "en" not in (s, argos_code(tgt)):
            first, second = find_model(s, "en"), find_model("en", tgt)
            if first is not None and second is not None:
                return [first, second]
    return None


def auto_choices(langs: tuple[str, ...] | None = None, tgt: str = "en") -> dict[str, str]:
    """What ``--translator auto`` uses from each language to ``tgt``: ``argos`` (with
    the packages, ``argos ko_en+en_uk`` when chained) or ``gloss``. By default for every
    supported language (Argos codes: zh, zt, ko...) other than ``tgt``."""
    if langs is None:
        langs = tuple(dict.fromkeys(r.argos_code for r in supported()
                                    if r.argos_code != argos_code(tgt)))
    out = {}
    for lang in langs:
        chain = find_chain(lang, tgt)
        out[lang] = f"argos ({'+'.join(m.code for m in chain)})" if chain else "gloss"
    return out


# -- installing ------------------------------------------------------------------------
@dataclass(frozen=True)
class InstallResult:
    model: InstalledModel
    status: str  # "installed" | "replaced" | "unchanged"


def parse_pair(code: str) -> tuple[str, str]:
    """``zh_en``, ``zh-en``, ``zh→en``, ``translate-zh_en`` -> ``("zh", "en")``."""
    text = code.strip().lower().removeprefix("translate-")
    parts = re.split(r"\s*(?:_|-|→|->|>|/|:)\s*", text)
    if len(parts) != 2 or not all(re.fullmatch(r"[a-z]{2,3}", p) for p in parts):
        raise BadInput(f"not a language pair: {code!r} (expected e.g. zh_en or zh-en)")
    return parts[0], parts[1]


def inspect_archive(path: Path) -> tuple[str, dict[str, object]]:
    """Validate an ``.argosmodel`` and return ``(top folder, metadata)``; BadInput if not."""
    if not path.is_file():
        raise BadInput(f"model file not found: {path}")
    if not zipfile.is_zipfile(path):
        raise BadInput(f"{path.name} is not an .argosmodel package (not a zip archive)")
    try:
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if n and not n.startswith("__MACOSX/")]
            tops = set()
            for name in names:
                parts = PurePosixPath(name).parts
                if name.startswith("/") or ".." in parts:
                    raise BadInput(f"{path.name}: unsafe path in archive: {name}")
                tops.add(parts[0])
            folders = {t for t in tops if any(n.startswith(t + "/") for n in names)}
            if len(tops) != 1 or len(folders) != 1:
                raise BadInput(f"{path.name}: an .argosmodel holds exactly one top folder, "
                               f"found {len(tops)} entries ({', '.join(sorted(tops)[:4])})")
            top = folders.pop()
            try:
                raw = archive.read(f"{top}/metadata.json")
            except KeyError:
                raise BadInput(f"{path.name}: no metadata.json in {top}/") from None
            has = set(names)
            if not any(n.startswith(f"{top}/model/") for n in has):
                raise BadInput(f"{path.name}: no model/ folder (CTranslate2 model) in {top}/")
            if not ({f"{top}/sentencepiece.model", f"{top}/bpe.model"} & has):
                raise BadInput(f"{path.name}: no sentencepiece.model or bpe.model in {top}/")
    except zipfile.BadZipFile as exc:
        raise BadInput(f"{path.name}: damaged zip archive ({exc})") from None
    try:
        meta = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadInput(f"{path.name}: metadata.json is not valid JSON ({exc})") from None
    if not isinstance(meta, dict):
        raise BadInput(f"{path.name}: metadata.json must hold a JSON object")
    for key in ("from_code", "to_code"):
        if not isinstance(meta.get(key), str) or not meta[key]:
            raise BadInput(f"{path.name}: metadata.json has no {key}")
    if meta.get("type", "translate") != "translate":
        raise BadInput(f"{path.name}: a {meta['type']!r} package, not a translation package")
    return top, meta


def install_model(path: str | Path, *, pair: str | None = None,
                  replace: bool = False) -> InstallResult:
    """Install a downloaded ``.argosmodel`` file (validated first; nothing is downloaded).

    ``pair`` (e.g. ``"zh-en"``) says which pair the user expects; a package for another
    pair is refused, as is a file named ``translate-ko_en-...`` holding a zh→en model.
    A different model for an installed pair needs ``replace=True``.
    """
    path = Path(path)
    top, meta = inspect_archive(path)
    got = (str(meta["from_code"]), str(meta["to_code"]))
    label = f"{got[0]}→{got[1]}"
    if pair is not None and parse_pair(pair) != got:
        want = parse_pair(pair)
        raise BadInput(f"{path.name} is a {label} package, not {want[0]}→{want[1]}")
    named = _INDEX_NAME.match(path.name)
    if named and (named.group(1).lower(), named.group(2).lower()) != got:
        raise BadInput(f"{path.name}: the file name says {named.group(1)}→{named.group(2)} "
                       f"but its metadata.json says {label}; refusing a mislabelled package")
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    root = paths.argos_packages_dir()
    existing = find_model(*got)
    if existing is not None:
        if existing.sha256 == sha:
            return InstallResult(existing, "unchanged")
        if not replace:
            raise BadInput(f"a {label} model ({existing.version}) is already installed; use "
                           f"--replace to install {path.name} instead, or remove it first")
    # Unpack beside the final place, then move: readers never see a half-written package.
    staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=root))
    try:
        with zipfile.ZipFile(path) as archive:
            archive.extractall(staging)
        unpacked = staging / top
        (unpacked / _NOTE).write_text(json.dumps(
            {"sha256": sha, "archive": path.name}, indent=2), encoding="utf-8")
        final = root / f"{got[0]}_{got[1]}"
        if existing is not None:
            shutil.rmtree(existing.path)
        if final.exists():
            shutil.rmtree(final)
        unpacked.replace(final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    forget_loaded_models()
    model = _read_installed(final)
    assert model is not None
    return InstallResult(model, "replaced" if existing is not None else "installed")


def remove_model(code: str) -> InstalledModel:
    """Remove the installed package for a pair (``zh_en``, ``zh-en``); BadInput if absent."""
    s, t = parse_pair(code)
    model = find_model(s, t)
    if model is None:
        have = ", ".join(m.code for m in installed_models()) or "none"
        raise BadInput(f"no {s}→{t} model installed (installed: {have})")
    shutil.rmtree(model.path)
    forget_loaded_models()
    return model


def forget_loaded_models() -> None:
    """Drop argostranslate's own loaded translators after an install or removal.

    (Ours, in :mod:`provenance.translate.argos`, are keyed by the installed package's
    identity and reload by themselves.)
    """
    translate = sys.modules.get("argostranslate.translate")
    if translate is not None:
        translate.installed_translates.clear()
        translate.get_installed_languages.cache_clear()
