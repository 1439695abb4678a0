"""`make install-python` as documented: the package lands in PYTHONDIR, records where
libbantin.so.0 went, and imports from there without $BANTIN_LIB or ldconfig."""
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT


def test_make_install_python(tmp_path):
    if not shutil.which("make"):
        pytest.skip("no make")
    prefix, pydir = tmp_path / "prefix", tmp_path / "py"
    r = subprocess.run(["make", "-s", "-C", str(ROOT), "install-python", f"PREFIX={prefix}",
                        f"PYTHONDIR={pydir}", f"PYTHON={sys.executable}"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert (pydir / "bantin" / "py.typed").exists()
    assert (prefix / "lib" / "libbantin.so.0").exists()
    env = {k: v for k, v in os.environ.items() if k not in ("BANTIN_LIB", "PYTHONPATH")}
    env["PYTHONPATH"] = str(pydir)
    r = subprocess.run([sys.executable, "-c",
                        "import bantin; print(bantin.__file__); print(bantin.fold('Đà Nẵng'))"],
                       capture_output=True, text=True, env=env, cwd=str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [str(pydir / "bantin" / "__init__.py"), "da nang"]


def test_missing_library_is_a_clear_import_error(tmp_path):
    env = dict(os.environ, BANTIN_LIB=str(tmp_path / "nope.so"),
               PYTHONPATH=str(ROOT / "python"))
    r = subprocess.run([sys.executable, "-c", "import bantin"], capture_output=True, text=True,
                       env=env, cwd=str(tmp_path))
    assert r.returncode != 0
    assert "BANTIN_LIB" in r.stderr and "nope.so" in r.stderr
