"""The optional LLM layer: a persona's voice for chosen moves and evidence-checked verdicts.

Nothing here decides a move or computes a score; the deterministic core works without it.
Importing this package is cheap: the HTTP client library is imported only by ChatClient.
"""

from tradeoff.llm.client import ChatClient
from tradeoff.llm.config import LLMConfig, config_path, load_config, save_config
from tradeoff.llm.errors import LLMError
from tradeoff.llm.persona import PERSONAS, phrase_move
from tradeoff.llm.verdicts import Verdict, pick_verdicts, verify_verdicts

__all__ = [
    "PERSONAS",
    "ChatClient",
    "LLMConfig",
    "LLMError",
    "Verdict",
    "config_path",
    "load_config",
    "phrase_move",
    "pick_verdicts",
    "save_config",
    "verify_verdicts",
]
