"""Parsing designs of every shape into sections, diagrams, turns and endpoints, with lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tradeoff.design import load_design, parse_design
from tradeoff.design.excalidraw import DrawingError, parse_excalidraw
from tradeoff.design.kinds import infer_kind
from tradeoff.design.load import DesignFileError


def test_atx_numbered_bold_and_colon_headings_all_become_sections() -> None:
    doc = parse_design(
        "# Design X\n## 1. Requirements\n- users post\n**Estimates**\n100M/day\n"
        "3) API design\nGET /v1/x\nTrade-offs:\nwe chose A\n"
    )
    titles = [(s.title, s.dimension) for s in doc.sections]
    assert titles == [
        ("Design X", None),
        ("1. Requirements", "requirements"),
        ("Estimates", "capacity"),
        ("API design", "api_data"),
        ("Trade-offs", "tradeoffs"),
    ]
    assert [s.start for s in doc.sections] == [1, 2, 4, 6, 8]


def test_setext_headings_and_untitled_preamble() -> None:
    doc = parse_design("intro line\n\nRequirements\n------------\nusers can post\n")
    assert doc.sections[0].title == "(untitled)"
    assert doc.sections[1].title == "Requirements"
    assert doc.sections[1].dimension == "requirements"


def test_text_with_no_headings_is_one_section() -> None:
    doc = parse_design("we store links in a table.\nreads go through a cache.\n")
    assert len(doc.sections) == 1 and doc.sections[0].end == 2


def test_headings_inside_code_blocks_are_ignored() -> None:
    doc = parse_design("# Title\n```\n# not a heading\n```\n## API\n")
    assert [s.title for s in doc.sections] == ["Title", "API"]


def test_flowchart_nodes_shapes_kinds_and_labelled_edges() -> None:
    doc = parse_design(
        "```mermaid\n"
        "flowchart LR\n"
        "  C[Mobile client] --> LB{{Load Balancer}}\n"
        "  LB --> API(API servers) -->|read| R[(Redis)]\n"
        "  API -- writes --> DB[(Postgres primary)]\n"
        "  API -.-> Q>Kafka] & W[Workers]\n"
        "  DB --- RR[(Read replica)]\n"
        "```\n"
    )
    (diagram,) = doc.diagrams
    kinds = {n.label: n.kind for n in diagram.nodes.values()}
    assert kinds == {
        "Mobile client": "client",
        "Load Balancer": "load-balancer",
        "API servers": "service",
        "Redis": "cache",
        "Postgres primary": "database",
        "Kafka": "queue",
        "Workers": "worker",
        "Read replica": "replica",
    }
    edges = {(e.source, e.target, e.label) for e in diagram.edges}
    assert ("API", "R", "read") in edges
    assert ("API", "DB", "writes") in edges
    assert ("API", "Q", "") in edges and ("API", "W", "") in edges
    assert diagram.nodes["R"].line == 4  # 1-based line in the file
    assert doc.notices == []


def test_broken_mermaid_statement_is_reported_with_its_line() -> None:
    doc = parse_design("```mermaid\nflowchart LR\n  A --> B\n  this is ]] not mermaid [[\n```\n")
    assert doc.diagrams[0].edges
    assert [n.line for n in doc.notices] == [4]


def test_mermaid_block_without_diagram_type_is_reported() -> None:
    doc = parse_design("```mermaid\nA --> B\n```\n")
    assert doc.notices and "not a Mermaid diagram type" in doc.notices[0].message


def test_valid_mermaid_types_the_review_does_not_read_are_not_blamed() -> None:
    doc = parse_design("```mermaid\nerDiagram\n  USER ||--o{ LINK : owns\n```\n")
    assert doc.notices == []
    assert doc.diagrams[0].kind == "other" and not doc.diagrams[0].nodes


def test_flowchart_statements_mermaid_accepts_are_read() -> None:
    doc = parse_design(
        "```mermaid\n"
        "---\ntitle: Write path\n---\n"
        "flowchart LR\n"
        "  B(browser):::client --> G[Gateway]\n"
        "  G --> |config| C[Config Store]   %% rules per tenant\n"
        '  G --"1. POST /links"--> A[App]\n'
        "  A -- reads --> R[(Redis)]\n"
        "```\n"
    )
    assert doc.notices == []
    edges = {(e.source, e.target, e.label, e.line) for e in doc.diagrams[0].edges}
    assert edges == {
        ("B", "G", "", 6),
        ("G", "C", "config", 7),
        ("G", "A", "1. POST /links", 8),
        ("A", "R", "reads", 9),
    }
    assert doc.diagrams[0].nodes["B"].kind == "client"


def test_state_diagram_states_transitions_composites_and_notes() -> None:
    doc = parse_design(
        "```mermaid\n"
        "stateDiagram-v2\n"
        "  [*] --> Idle\n"
        '  state "Waiting for payment" as Paying\n'
        "  Idle --> Paying: coin inserted\n"
        "  Paying --> Idle : refund pressed\n"
        "  state Vending {\n"
        "    [*] --> Dropping\n"
        "    Dropping --> [*]\n"
        "  }\n"
        "  Paying --> Vending: enough paid\n"
        "  Vending --> [*]\n"
        "  note right of Idle : only coins are accepted\n"
        "  note left of Paying\n"
        "    gives up after 30 s\n"
        "  end note\n"
        "```\n"
    )
    assert doc.notices == []
    (diagram,) = doc.diagrams
    assert diagram.kind == "state"
    states = {n.id: (n.label, n.kind, n.line) for n in diagram.nodes.values() if n.kind == "state"}
    assert states == {
        "Idle": ("Idle", "state", 3),
        "Paying": ("Waiting for payment", "state", 4),
        "Vending": ("Vending", "state", 7),
        "Dropping": ("Dropping", "state", 8),
    }
    edges = [(e.source, e.target, e.label) for e in diagram.edges]
    assert ("Idle", "Paying", "coin inserted") in edges
    assert ("Paying", "Idle", "refund pressed") in edges
    assert ("Paying", "Vending", "enough paid") in edges
    # [*] is a start where a transition leaves it and an end where one arrives, per composite.
    assert ("[*]start", "Idle", "") in edges and ("Vending", "[*]end", "") in edges
    assert ("Vending/[*]start", "Dropping", "") in edges
    assert diagram.parents["Dropping"] == "Vending"
    notes = sorted(n.label for n in diagram.nodes.values() if n.kind == "note")
    assert notes == ["gives up after 30 s", "only coins are accepted"]


def test_state_diagram_v1_header_and_a_stray_brace() -> None:
    doc = parse_design("```mermaid\nstateDiagram\n  A --> B\n  }\n```\n")
    assert doc.diagrams[0].kind == "state" and len(doc.diagrams[0].edges) == 1
    assert [n.line for n in doc.notices] == [4]


def test_architecture_diagram_services_and_edges() -> None:
    doc = parse_design(
        "```mermaid\narchitecture-beta\n  group api(cloud)[API]\n"
        "  service db(database)[Link store] in api\n  service app(server)[App server] in api\n"
        "  app:R --> L:db\n```\n"
    )
    assert doc.notices == []
    (diagram,) = doc.diagrams
    assert {n.label: n.kind for n in diagram.nodes.values()} == {
        "Link store": "database",
        "App server": "service",
    }
    assert [(e.source, e.target, e.line) for e in diagram.edges] == [("app", "db", 6)]


def test_unclosed_fence_is_reported() -> None:
    doc = parse_design("# T\n```mermaid\nflowchart LR\nA-->B\n")
    assert any("never closed" in n.message for n in doc.notices)


def test_sequence_diagram_participants_and_messages() -> None:
    doc = parse_design(
        "```mermaid\nsequenceDiagram\n  actor U as User\n  participant S as Shortener service\n"
        "  participant DB as Link store\n  U->>S: POST /links\n  S->>DB: insert\n"
        "  S-->>U: 201 Created\n```\n"
    )
    (diagram,) = doc.diagrams
    assert diagram.kind == "sequence"
    assert diagram.nodes["U"].kind == "client"
    assert diagram.nodes["DB"].kind == "database"
    first = diagram.edges[0]
    assert (first.source, first.target, first.label) == ("U", "S", "POST /links")


def test_class_diagram_members_relations_and_interfaces() -> None:
    doc = parse_design(
        "```mermaid\nclassDiagram\n  class ParkingLot {\n    +park(v)\n    +leave(t)\n  }\n"
        "  class PricingStrategy\n  <<interface>> PricingStrategy\n"
        "  Vehicle <|-- Car\n  ParkingLot *-- Level : has\n"
        "  HourlyPricing ..|> PricingStrategy\n```\n"
    )
    (diagram,) = doc.diagrams
    assert diagram.members["ParkingLot"] == ["+park(v)", "+leave(t)"]
    assert diagram.nodes["PricingStrategy"].kind == "interface"
    relations = {(e.source, e.target, e.label) for e in diagram.edges}
    assert ("Car", "Vehicle", "inherits") in relations
    assert ("Level", "ParkingLot", "composition: has") in relations
    assert ("HourlyPricing", "PricingStrategy", "realizes") in relations


def _excalidraw(elements: list[dict[str, object]]) -> str:
    return json.dumps({"type": "excalidraw", "version": 2, "elements": elements})


def test_excalidraw_bound_text_and_arrows_become_a_graph() -> None:
    text = _excalidraw(
        [
            {"id": "a", "type": "rectangle"},
            {"id": "ta", "type": "text", "text": "Web client", "containerId": "a"},
            {"id": "b", "type": "ellipse"},
            {"id": "tb", "type": "text", "text": "Redis cache", "containerId": "b"},
            {
                "id": "arr",
                "type": "arrow",
                "startBinding": {"elementId": "a"},
                "endBinding": {"elementId": "b"},
            },
            {"id": "tl", "type": "text", "text": "GET /x", "containerId": "arr"},
            {"id": "gone", "type": "rectangle", "isDeleted": True},
            {"id": "loose", "type": "arrow", "startBinding": {"elementId": "a"}},
        ]
    )
    diagram, notices = parse_excalidraw(text)
    assert {n.label: n.kind for n in diagram.nodes.values()} == {
        "Web client": "client",
        "Redis cache": "cache",
    }
    assert [(e.source, e.target, e.label) for e in diagram.edges] == [("a", "b", "GET /x")]
    assert len(notices) == 1 and "not attached" in notices[0].message


def _box(element_id: str, label: str, x: int, y: int) -> list[dict[str, object]]:
    return [
        {"id": element_id, "type": "rectangle", "x": x, "y": y},
        {"id": f"t{element_id}", "type": "text", "text": label, "containerId": element_id},
    ]


def _arrow(source: str, target: str) -> dict[str, object]:
    return {
        "id": f"{source}-{target}",
        "type": "arrow",
        "startBinding": {"elementId": source},
        "endBinding": {"elementId": target},
    }


def test_excalidraw_text_becomes_lines_read_top_to_bottom(tmp_path: Path) -> None:
    board = tmp_path / "board.excalidraw"
    board.write_text(
        _excalidraw(
            [
                *_box("db", "MySQL", 0, 300),
                *_box("app", "App\nserver", 0, 200),
                *_box("c", "Client", 0, 0),
                {"id": "note", "type": "text", "text": "reads: 10K/s", "x": 300, "y": 0},
                _arrow("c", "app"),
                _arrow("app", "db"),
            ]
        )
    )
    doc = load_design(board)
    assert doc.lines == ["Client", "reads: 10K/s", "App server", "MySQL"]
    (diagram,) = doc.diagrams
    assert {n.label: n.line for n in diagram.nodes.values()} == {
        "Client": 1,
        "reads: 10K/s": 2,
        "App server": 3,
        "MySQL": 4,
    }
    assert all(doc.line(n.line) == n.label for n in diagram.nodes.values() if n.line)


@pytest.mark.parametrize("text", ["{not json", "[]", '{"elements": 3}'])
def test_malformed_excalidraw_is_a_clear_error(text: str) -> None:
    with pytest.raises(DrawingError):
        parse_excalidraw(text, "board.excalidraw")


def test_transcript_turns_with_clock() -> None:
    doc = parse_design(
        "Interviewer: Design a chat app.\n[00:40] Candidate: How many users?\n"
        "Interviewer: 50M daily.\nCandidate: (03:10) OK, I'll assume 40 messages a day.\n"
    )
    assert doc.is_transcript
    assert [(t.speaker, t.line, t.seconds) for t in doc.turns] == [
        ("interviewer", 1, None),
        ("candidate", 2, 40),
        ("interviewer", 3, None),
        ("candidate", 4, 190),
    ]


def test_colon_lines_that_are_not_a_transcript() -> None:
    doc = parse_design("C: the client\nI: the index\n")
    assert not doc.is_transcript


def test_endpoints_from_prose_tables_and_curl() -> None:
    doc = parse_design(
        "| POST | /v1/links |\n- `GET /{code}` redirects\n"
        "$ curl -X POST --data '{}' \\\n  https://example.com/api/v1/paste\n"
    )
    # The table row writes its endpoint across two cells: "| POST | /v1/links |".
    assert [(e.method, e.path, e.line) for e in doc.endpoints] == [
        ("POST", "/v1/links", 1),
        ("GET", "/{code}", 2),
        ("POST", "/api/v1/paste", 3),
    ]


@pytest.mark.parametrize(
    ("label", "shape", "kind"),
    [
        ("User Service", "box", "service"),
        ("Users", "cylinder", "database"),
        ("CDN", "box", "cdn"),
        ("S3 bucket", "box", "object-store"),
        ("Elasticsearch", "box", "search-index"),
        ("Fan-out workers", "box", "worker"),
        ("Thing", "cylinder", "database"),
        # a coordinator's own database is a database; a coordination product is not
        ("KGS MySQL primary", "cylinder", "database"),
        ("Scheduler DB", "box", "database"),
        ("Key Generation Service", "box", "coordination"),
        ("KGS Zookeeper/DB", "cylinder", "coordination"),
    ],
)
def test_node_kinds(label: str, shape: str, kind: str) -> None:
    assert infer_kind(label, shape) == kind


def test_empty_binary_and_huge_files_are_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("  \n")
    binary = tmp_path / "image.md"
    binary.write_bytes(b"\x89PNG\x00\x00\x01")
    huge = tmp_path / "huge.md"
    huge.write_bytes(b"a" * (10 * 1024 * 1024))
    for path, words in ((empty, "is empty"), (binary, "binary"), (huge, "too large")):
        with pytest.raises(DesignFileError, match=words):
            load_design(path)


def test_latin1_file_is_refused_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "old.md"
    path.write_bytes("caf\xe9 design".encode("latin-1"))
    with pytest.raises(DesignFileError, match="UTF-8"):
        load_design(path)


def test_entities_with_keys_from_prose_and_sql() -> None:
    doc = parse_design(
        "- `messages(message_id PK, conversation_id, sent_at)`\n"
        "code = hash(url) % 62\n"
        "```sql\nCREATE TABLE links (\n  code CHAR(7) PRIMARY KEY,\n  long_url TEXT\n);\n```\n"
    )
    assert [(e.name, e.line, e.keys) for e in doc.entities] == [
        ("messages", 1, ("message_id",)),
        ("links", 4, ("code",)),
    ]
    assert doc.entities[1].fields == ("code", "long_url")


def test_a_record_laid_out_as_a_labelled_list_of_fields_is_an_entity() -> None:
    doc = parse_design(
        "## Storage\n\n"
        "- **Ticket Record**: ticket ID, show time, seat, price, and buyer email.\n"
        "- **Venue Metadata:** Unique venue name, city, capacity (seats), owner\n"
        "- **Ticket Record**: Stores what the buyer paid for each seat.\n"
        "- **Seat Service**: hold, release, confirm, expire\n"
    )
    assert [(e.name, e.line, e.keys) for e in doc.entities] == [
        ("Ticket Record", 3, ("ticket ID",)),
        ("Venue Metadata", 4, ("Unique venue name",)),
    ]
    assert doc.entities[1].fields == ("Unique venue name", "city", "capacity", "owner")


def test_classes_written_as_code_with_methods() -> None:
    doc = parse_design(
        "```java\nclass Lot {\n  List<Level> levels;\n  Ticket park(Vehicle v);\n}\n"
        "interface Pricing { Money price(Ticket t); }\n```\n"
        "```python\nclass Spot:\n    size: int\n    def take(self, v): ...\n```\n"
    )
    classes = {c.name: (c.kind, c.methods, c.line) for c in doc.classes}
    assert classes["Lot"] == ("class", ("park",), 2)
    assert classes["Pricing"] == ("interface", ("price",), 6)
    assert classes["Spot"] == ("class", ("take",), 9)


@pytest.mark.parametrize(
    ("statement", "edge"),
    [
        # Link text with no spaces around it, as Mermaid reads it: no node named by the text.
        ("Web--polls-->Api", ("Web", "Api", "polls")),
        ("N1 -.heartbeat.- N2", ("N1", "N2", "heartbeat")),
        ("N1 -. heartbeat .- N2", ("N1", "N2", "heartbeat")),
        ("N1-.heartbeat.->N2", ("N1", "N2", "heartbeat")),
    ],
)
def test_link_text_written_tight_labels_the_link(statement: str, edge: tuple[str, ...]) -> None:
    doc = parse_design(f"# t\n\n```mermaid\nflowchart LR\n  {statement}\n```\n")
    assert not doc.notices
    assert [(e.source, e.target, e.label) for g in doc.diagrams for e in g.edges] == [edge]


def test_a_chain_of_links_without_spaces_stays_a_chain() -> None:
    doc = parse_design("# t\n\n```mermaid\nflowchart LR\n  Web---Cache-->Db\n```\n")
    edges = [(e.source, e.target, e.label) for g in doc.diagrams for e in g.edges]
    assert edges == [("Web", "Cache", ""), ("Cache", "Db", "")]
