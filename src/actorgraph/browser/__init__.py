"""Neo4j Browser out of the box: the style, the display labels it needs, and the guide it opens.

Browser styles select nodes by label only, so :mod:`.labels` adds one display label per actor kind
(and a rank label from stored centrality); :mod:`.grass` reads the style the way Browser does, so a
test can prove it parses; :mod:`.bundle` ships the guide and the style inside the local Neo4j's own
``/browser`` so ``:play``/``:style`` load them from the same server, with no outside host allowed.
"""
