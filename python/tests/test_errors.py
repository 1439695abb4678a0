"""bantin.Error and its subclasses: one per status code, carrying the library's message."""
import pytest

import bantin
from bantin.errors import error_for


@pytest.mark.parametrize("code,cls", [
    (-1, bantin.InvalidError), (-2, bantin.OutOfMemoryError), (-3, bantin.IOFailedError),
    (-4, bantin.ParseError), (-5, bantin.NoArticleError), (-6, bantin.UnsupportedError),
    (-7, bantin.DatabaseError), (-8, bantin.NotFoundError), (-9, bantin.LimitError),
    (-10, bantin.ExistsError)])
def test_each_code_has_its_class(code, cls):
    e = error_for(code, "a.html: what went wrong")
    assert type(e) is cls and isinstance(e, bantin.Error)
    assert e.code == code and e.message == "a.html: what went wrong"
    assert str(e) == "a.html: what went wrong"


def test_unknown_code_is_plain_error():
    e = error_for(-99, "new")
    assert type(e) is bantin.Error and e.code == -99


def test_version_is_the_library():
    assert bantin.version().count(".") == 2
    assert bantin.__version__ == bantin.version()


def test_help_shows_docstrings():
    import pydoc
    text = pydoc.render_doc(bantin)
    assert "iter_captures" in text and "GIL" in text and "Store" in text
