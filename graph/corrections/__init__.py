"""Analysts' corrections: what a correction says and the file that keeps them, corrections.yaml
(`file`); their application to each entry's statements after extraction and to the store
(`correcting`); and what the `standpoint correct` commands do: find what the analyst names,
record and apply the correction, list the corrections and export them as a gold file (`command`).
"""
