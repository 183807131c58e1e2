"""stancegraph: diplomatic news in, a stance-tracking knowledge graph out.

The Python API mirrors the command line::

    from stancegraph import Store, build
    store = Store.open(".stancegraph", create=True)
    build(store, ["corpus/"])
    rows = store.run_stored("who-demanded-what")
"""

__version__ = "0.1.0"
