"""The project configuration: errors name the file, the line and the fix."""

import pytest

from handouts.config import load_config
from handouts.errors import ConfigError


def test_broken_toml_names_the_line(tmp_path):
    (tmp_path / "handouts.toml").write_text('voice = "piper"\nclinic_name = "Open quote\n', encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_config(tmp_path)
    assert str(e.value).startswith(f"{tmp_path / 'handouts.toml'}, line 2: this is not valid TOML")
    assert "Check quotes" in str(e.value)


def test_misspelt_setting_names_the_line_and_the_known_settings(tmp_path):
    (tmp_path / "handouts.toml").write_text('[clinic]\nclinic_nmae = "X"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"line 2: unknown setting 'clinic_nmae'\. Known settings: .*clinic_name"):
        load_config(tmp_path)


def test_wrong_type_is_named(tmp_path):
    (tmp_path / "handouts.toml").write_text('sentence_pause = "long"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"line 1: 'sentence_pause' should be float"):
        load_config(tmp_path)


def test_no_file_means_defaults(tmp_path):
    config = load_config(tmp_path)
    assert config.voice == "piper" and config.page_size == "letter" and config.sentence_pause == 0.4


def test_a_retired_setting_is_a_warning_not_an_error(tmp_path):
    (tmp_path / "handouts.toml").write_text('voice = "piper"\nallow_meaning_changes = true\n', encoding="utf-8")
    config = load_config(tmp_path)
    assert config.voice == "piper"
    assert config.warnings == [f"{tmp_path / 'handouts.toml'}, line 2: 'allow_meaning_changes' is no longer used "
                               "(a rewrite that would change the meaning is never made now: the sentence is kept as "
                               "the source says it, and the review page says why). Delete the line."]
