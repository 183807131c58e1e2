"""Loaders: read articles and extract facts, one small step per module.

``reader`` (file → text and metadata) → ``segment`` (sentences with offsets) → ``dateline`` and
``dates`` (when) → ``gazetteer``/``actors`` (who) → ``attribution`` (who said it) → ``acts`` (kind
of act, stance, topic) → ``events`` → ``pipeline`` (the steps together, giving ArticleFacts).
"""
