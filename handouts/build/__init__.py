"""The build's bookkeeping: manifest and input fingerprints, output paths, the build lock, passive caches and their pruning, progress; knows nothing of how an output is made."""
