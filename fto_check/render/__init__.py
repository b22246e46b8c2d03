"""Renderers: a Report in, text out. One module per format; none of them decides anything."""
