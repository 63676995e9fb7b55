"""Practice between interviews: flashcard decks, their spaced-repetition schedule, progress."""
