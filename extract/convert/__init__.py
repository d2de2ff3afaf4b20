"""Converters between the gold format (:mod:`extract.annotations`) and other tools' formats.

One module per format: ``docbin`` (spaCy ``DocBin``, character tokens), ``hf`` (Hugging Face
``datasets`` with character-level IOB2 tags), ``labelstudio`` (Label Studio tasks with
spans and relations, as ``annotations`` or ``predictions``) and ``doccano`` (JSONL with
entities and relations). A span that cannot be represented is reported as a
:class:`~extract.errors.Problem`, never dropped silently.
"""
