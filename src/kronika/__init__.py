"""kronika: multilingual news to coded political and security events, with evidence.

The package does no work at import time; see :mod:`kronika.api` for the library
functions behind each CLI verb.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
