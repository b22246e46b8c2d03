"""Teaching the criteria: the lessons of the tour, the quiz's drills, and the interview that
writes a profile by asking questions."""
