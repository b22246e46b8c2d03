"""The law as data: the statutes verbatim with their dated versions (`statute`), and the
contested readings of their words (`readings`). Nothing here reasons about a profile."""
