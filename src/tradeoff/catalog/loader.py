"""Load and validate the catalog: vocabulary files and every problem file, naming file and field.

Loading is all-or-nothing: a catalog with one bad file is refused whole, with an error that
says which file and which field, because a half-loaded catalog would silently drop a prompt.
"""

from __future__ import annotations

import difflib
import gc
import hashlib
import pickle
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from tradeoff.catalog.derivation import NumberRef, derive, problem_numbers
from tradeoff.catalog.schema import Difficulty, InterviewType, Problem, Rubric
from tradeoff.catalog.vocabulary import Concept, QuestionKind, Topic, Vocabulary
from tradeoff.errors import CatalogError, UnknownProblemError

M = TypeVar("M", bound=BaseModel)
# libyaml's loader is ~10x faster than the pure-Python one; both are the safe loader.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

DATA_DIR = Path(str(resources.files("tradeoff.catalog") / "data"))


def read_yaml(path: Path) -> Any:
    """Parse one YAML file; a syntax error names the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CatalogError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        return yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise CatalogError(f"{path}:{where}: invalid YAML: {problem}") from None


def format_validation_error(path: Path, exc: ValidationError) -> str:
    """One line per pydantic error, each as `file: field.path: message`."""
    lines = []
    for err in exc.errors():
        field = ".".join(str(part) for part in err["loc"]) or "(top level)"
        lines.append(f"{path.name}: {field}: {err['msg']}")
    return "; ".join(lines)


def _validate(model: type[M], data: Any, path: Path) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise CatalogError(format_validation_error(path, exc)) from None


def _entries(path: Path, key: str) -> list[Any]:
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise CatalogError(f"{path.name}: expected a top-level list named {key!r}")
    return list(data[key])


def load_vocabulary(data_dir: Path = DATA_DIR) -> Vocabulary:
    """Read concepts.yaml, topics.yaml and questions.yaml; ids must be unique."""
    concepts: dict[str, Concept] = {}
    topics: dict[str, Topic] = {}
    kinds: dict[str, QuestionKind] = {}
    specs: list[tuple[str, str, type[BaseModel], dict[str, Any]]] = [
        ("concepts.yaml", "concepts", Concept, concepts),
        ("topics.yaml", "topics", Topic, topics),
        ("questions.yaml", "question_kinds", QuestionKind, kinds),
    ]
    for filename, key, model, target in specs:
        path = data_dir / filename
        for index, raw in enumerate(_entries(path, key)):
            try:
                entry = model.model_validate(raw)
            except ValidationError as exc:
                detail = format_validation_error(path, exc).replace(
                    f"{path.name}: ", f"{path.name}: {key}.{index}."
                )
                raise CatalogError(detail) from None
            entry_id = entry.id  # type: ignore[attr-defined]
            if entry_id in target:
                raise CatalogError(f"{path.name}: {key}.{index}.id: duplicate id {entry_id!r}")
            target[entry_id] = entry
    return Vocabulary(concepts=concepts, topics=topics, question_kinds=kinds)


def load_problem(path: Path, vocabulary: Vocabulary, *, check_derivation: bool = True) -> Problem:
    """Validate one problem file against the schema, the vocabulary and its own derivation."""
    problem = _validate(Problem, read_yaml(path), path)
    if problem.id != path.stem:
        raise CatalogError(f"{path.name}: id: {problem.id!r} must match the file name")
    _check_refs(path, "topics", problem.topics, vocabulary.topics)
    _check_refs(path, "concepts", sorted(problem.concept_ids()), vocabulary.concepts)
    for index, fact in enumerate(problem.facts):
        _check_refs(path, f"facts.{index}.answers", fact.answers, vocabulary.question_kinds)
    if check_derivation:
        try:
            derive(problem)
        except CatalogError as exc:
            raise CatalogError(f"{path.name}: {exc}") from None
    return problem


def _check_refs(path: Path, field: str, ids: Iterable[str], known: dict[str, Any]) -> None:
    for ref in ids:
        if ref not in known:
            near = difflib.get_close_matches(ref, list(known), n=1)
            hint = f"; did you mean {near[0]!r}?" if near else ""
            raise CatalogError(f"{path.name}: {field}: unknown id {ref!r}{hint}")


@dataclass(frozen=True)
class Catalog:
    """All problems and the vocabulary they use, loaded and cross-checked."""

    problems: dict[str, Problem]
    vocabulary: Vocabulary
    generic_rubric: Rubric
    # Facts and derivation results in base units, per problem; filled when derivations are
    # evaluated (tests, `problems check`, and the cached catalog the CLI uses).
    numbers: dict[str, tuple[NumberRef, ...]] = field(default_factory=dict)

    def get(self, problem_id: str) -> Problem:
        """The problem with this id; an unknown id names the nearest ones."""
        try:
            return self.problems[problem_id]
        except KeyError:
            raise UnknownProblemError(self.unknown_message(problem_id)) from None

    def unknown_message(self, problem_id: str) -> str:
        near = difflib.get_close_matches(problem_id, list(self.problems), n=1, cutoff=0.6)
        if near:
            return f"no problem {problem_id!r}; did you mean {near[0]!r}?"
        return f"no problem {problem_id!r}; run 'tradeoff problems list' to see the ids"

    def select(
        self,
        *,
        interview_type: InterviewType | None = None,
        topic: str | None = None,
        difficulty: Difficulty | None = None,
    ) -> list[Problem]:
        """Problems matching every filter given, ordered by type, difficulty and id."""
        if topic is not None and topic not in self.vocabulary.topics:
            near = difflib.get_close_matches(topic, list(self.vocabulary.topics), n=1)
            hint = f"; did you mean {near[0]!r}?" if near else "; run 'tradeoff topics'"
            raise CatalogError(f"no topic {topic!r}{hint}")
        chosen = [
            p
            for p in self.problems.values()
            if (interview_type is None or p.type == interview_type)
            and (topic is None or topic in p.topics)
            and (difficulty is None or p.difficulty == difficulty)
        ]
        order = {"easy": 0, "medium": 1, "hard": 2}
        return sorted(chosen, key=lambda p: (p.type, order[p.difficulty], p.id))


def load_catalog(data_dir: Path = DATA_DIR, *, check_derivations: bool = True) -> Catalog:
    """Load the vocabulary, then every problem file; any error refuses the whole catalog.

    Evaluating every derivation needs pint's unit registry (about half a second to build),
    so commands that only list or review skip it; tests and `tradeoff problems check` do not.
    """
    vocabulary = load_vocabulary(data_dir)
    problems: dict[str, Problem] = {}
    for path in sorted((data_dir / "problems").glob("*.yaml")):
        problem = load_problem(path, vocabulary, check_derivation=check_derivations)
        problems[problem.id] = problem
    if not problems:
        raise CatalogError(f"{data_dir / 'problems'}: no problem files found")
    generic_path = data_dir / "generic-rubric.yaml"
    generic = _validate(Rubric, read_yaml(generic_path), generic_path)
    concepts = {c for _, item in generic.items() for c in item.concepts}
    _check_refs(generic_path, "concepts", sorted(concepts), vocabulary.concepts)
    numbers = {pid: problem_numbers(p) for pid, p in problems.items()} if check_derivations else {}
    return Catalog(
        problems=problems, vocabulary=vocabulary, generic_rubric=generic, numbers=numbers
    )


def _data_fingerprint(data_dir: Path) -> str:
    """A key that changes whenever a data file or the package version changes."""
    from tradeoff import __version__

    digest = hashlib.sha256(__version__.encode())
    code = sorted(Path(__file__).parent.glob("*.py"))  # the models the pickle holds
    for path in [*sorted(data_dir.rglob("*.yaml")), *code]:
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def _cached_catalog(data_dir: Path) -> Catalog:
    """Load through a pickle in the user's cache folder: validating 34 YAML files costs
    ~0.4 s, unpickling the result ~20 ms. Any problem with the cache means a normal load."""
    try:
        import platformdirs

        folder = Path(platformdirs.user_cache_dir("tradeoff"))
        cache = folder / f"catalog-{_data_fingerprint(data_dir)}.pickle"
        if cache.exists():
            loaded = pickle.loads(cache.read_bytes())
            if isinstance(loaded, Catalog):
                return loaded
    except Exception:
        cache = None
    catalog = load_catalog(data_dir, check_derivations=True)
    if cache is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for old in folder.glob("catalog-*.pickle"):
                old.unlink(missing_ok=True)
            partial = cache.with_suffix(".tmp")
            partial.write_bytes(pickle.dumps(catalog, protocol=pickle.HIGHEST_PROTOCOL))
            partial.replace(cache)
        except OSError:
            pass  # a read-only cache folder only costs speed
    return catalog


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    """The packaged catalog, loaded once per process (derivations are checked by the tests).

    The catalog is tens of thousands of long-lived objects; freezing them out of the cyclic
    garbage collector's view keeps every later collection from walking them again.
    """
    catalog = _cached_catalog(DATA_DIR)
    gc.freeze()
    return catalog
