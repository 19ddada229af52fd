"""Protecting people: keys, encryption, access, audit, backup."""
