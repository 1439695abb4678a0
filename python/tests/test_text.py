"""bantin.fold and bantin.decode: the text calls, and their bad input."""
import pytest

import bantin


def test_fold_removes_marks_and_case():
    assert bantin.fold("Đàm phán HÒA BÌNH") == "dam phan hoa binh"
    assert bantin.fold("") == ""


def test_fold_same_as_cli(cli):
    text = "Thủ tướng Phạm Minh Chính, Ελλάδα, Straße"
    assert bantin.fold(text) == cli("fold", text).stdout.decode().rstrip("\n")


def test_fold_wants_str():
    with pytest.raises(TypeError):
        bantin.fold(b"bytes")


def test_decode_legacy_charsets():
    assert bantin.decode("Việt Nam".encode("utf-8")) == "Việt Nam"
    # Windows-1258: the tone as a combining mark after the base letter, NFC out
    raw = "Vi\u00ea\u0323t".encode("cp1258")
    assert bantin.decode(raw, "windows-1258") == "Việt"
    assert bantin.decode(raw) == "Việt"  # detected


def test_decode_invalid_utf8_strict_and_lenient():
    with pytest.raises(bantin.ParseError) as e:
        bantin.decode(b"abc\xff\xfe", "utf-8", trust=True)
    assert "byte 3" in str(e.value)
    assert isinstance(e.value, ValueError)
    assert bantin.decode(b"abc\xff", "utf-8", lenient=True, trust=True) == "abc\ufffd"
    # without trust, UTF-8 the bytes contradict is read as the legacy charset they fit
    assert bantin.decode(b"abc\xff\xfe", "utf-8") != ""


def test_decode_unknown_charset_is_invalid():
    with pytest.raises(bantin.InvalidError, match="klingon"):
        bantin.decode(b"abc", "klingon")
    with pytest.raises(TypeError):
        bantin.decode("str", None)
