"""Rewrite a read handout in plain language: the ordered rules, merging repeats, key points, words to know and the change log; uses read/ and language/."""
