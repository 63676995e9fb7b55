"""The catalog: practice problems, their rubrics and the vocabulary they are written in."""

from tradeoff.catalog.loader import Catalog, default_catalog, load_catalog
from tradeoff.catalog.schema import DIMENSIONS, INTERVIEW_TYPES, Problem

__all__ = ["DIMENSIONS", "INTERVIEW_TYPES", "Catalog", "Problem", "default_catalog", "load_catalog"]
