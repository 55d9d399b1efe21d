"""The base of every text stage: sentence splitting, grammar helpers, the lexicon, readability, the meaning guard and their data; imports only model, config, errors and files."""
