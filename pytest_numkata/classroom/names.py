"""Learners' names as file names (shared by the exports and the class report)."""


def safe_filename(learner: str) -> str:
    """A learner's name as a file name (entry names already are; this guards odd ones)."""
    keep = "".join(c if c.isalnum() or c in "-_.@+ " else "_" for c in learner).strip()
    return keep.lstrip(".") or "learner"
