"""A design written for the web tests, with one known defect at a known line."""

# Written for these tests. Line 8's arithmetic is wrong (100M a month is about 39 a second),
# so the reviewer must cite line 8; the Mermaid block is lines 11-16.
DESIGN = """# URL shortener

## Requirements
- Users shorten a long link and get a 7-character code.
- 100M new links a month; reads are 100x writes.

## Capacity
- Writes: 100M / month = 400 writes/s
- Storage: 100M x 500 B = 50 GB a month

```mermaid
flowchart LR
  user[Browser] --> lb[Load balancer]
  lb --> app[App servers]
  app --> db[(Postgres)]
```
"""
WRONG_LINE = 8
