"""rightsledger: document human-rights violations and pursue accountability, offline first."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("rightsledger")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"
