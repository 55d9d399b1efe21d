"""The review screen: a small local web app (Flask) where a reviewer approves, corrects and signs each handout.

May import pipeline and everything below it; only the cli imports it.
"""
