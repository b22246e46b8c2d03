"""The batch engine: many profiles judged in order, streamed, with bounded memory."""
