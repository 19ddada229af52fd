"""Exports for the systems documenters already use: FollowTheMoney (Aleph, OpenSanctions),
HURIDOCS ESF CSV (OpenEvSys) and Uwazi's CSV import.

Every format reads one ``common.Snapshot`` taken under the rules of `rightsledger export`
(pseudonyms, published-only, small counts suppressed) and only reshapes it.
"""
