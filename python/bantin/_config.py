"""Where `make install-python` put libbantin.so.0 (it rewrites this file on install), so that
the installed binding finds the library without ldconfig; None in the source tree."""
LIBDIR = None
