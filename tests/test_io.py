from __future__ import annotations

import pytest

from extract.errors import InputError
from extract.io import iter_input_files, read_text


def test_reads_seed_exactly(seed_paths):
    p = seed_paths[0]
    assert read_text(p) == p.read_bytes().decode("utf-8")


def test_bom_is_dropped(tmp_path):
    p = tmp_path / "r.txt"
    p.write_bytes(b"\xef\xbb\xbf" + "资金到位率100%".encode())
    assert read_text(p) == "资金到位率100%"


def test_crlf_is_kept(tmp_path):
    p = tmp_path / "r.txt"
    p.write_bytes("一\r\n二".encode())
    assert read_text(p) == "一\r\n二"


@pytest.mark.parametrize("data, code", [
    (b"", "E001"),
    (b"  \n\n", "E001"),
    ("资金到位率100%".encode("gbk"), "E002"),
    ("资金".encode("utf-16"), "E002"),
    (b"%PDF-1.4\x00\x00binary", "E005"),
])
def test_bad_files_raise_coded_errors(tmp_path, data, code):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_text(p)
    assert err.value.problem.code == code
    assert str(p) in str(err.value)


def test_gbk_error_names_the_encoding_and_offset(tmp_path):
    p = tmp_path / "gbk.txt"
    p.write_bytes("abc资金".encode("gbk"))
    with pytest.raises(InputError) as err:
        read_text(p)
    assert "GB18030" in str(err.value) and err.value.problem.offset == 3


def test_missing_file(tmp_path):
    with pytest.raises(InputError) as err:
        read_text(tmp_path / "nope.txt")
    assert err.value.problem.code == "E003"


def test_directory_without_txt(tmp_path):
    with pytest.raises(InputError) as err:
        list(iter_input_files([tmp_path]))
    assert err.value.problem.code == "E004"


def test_directory_lists_txt_sorted(tmp_path):
    for name in ("b.txt", "a.txt", "c.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in iter_input_files([tmp_path])] == ["a.txt", "b.txt"]
