"""Back-of-the-envelope maths: reading candidates' estimates and checking their arithmetic."""
