"""corpuskit's built-in exporters, registered through the ``corpuskit.exporters``
entry-point group exactly as a third-party plugin would be. They use only the public
``corpuskit`` API (a test checks it)."""
