"""The record types, one module each: what one record of each collection is, as frozen pydantic models.

`base` holds what they share (`Record`, `Evidence`, the reference and text types); the collections, their files
and their record classes are listed once, in `vn_diplomacy.registry`. Nothing is imported here, so that a
question about partners builds the schemas of partners and sources only.
"""
