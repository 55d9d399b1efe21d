"""The spoken script from templates/narration.txt.j2: intro, key points first, sections by heading, outro."""

from fakes import CountingEngine
from handouts.pipeline import build_all
from handouts.config import Config, load_config
from handouts.model import Block, Handout, Meta, Section, Sentence
from handouts.audio.narration import render_script, spoken_script


def handout(key_points=()):
    return Handout(
        Meta(title="Sleep Well", slug="sleep-well"),
        [Section("", [Block("paragraph", [[Sentence("Sleep helps you heal.")]])]),
         Section("Before Bed", [Block("bullets", [[Sentence("Turn off screens.")], [Sentence("Keep it dark.")]])])],
        key_points=[Sentence(t) for t in key_points])


CONFIG = Config(clinic_name="Riverside Clinic", clinic_phone="555-123-4567",
                help_lines=[{"name": "Sleep Line", "phone": "1-800-555-0100"}])


def test_script_order_intro_key_points_sections_outro():
    script = spoken_script(handout(["Sleep seven hours.", "See a doctor if you snore."]), CONFIG)
    said = [u.text for u in script]
    assert said[:5] == ["Sleep Well.", "A handout from Riverside Clinic.", "The key points first.",
                        "Sleep seven hours.", "See a doctor if you snore."]
    assert said[5:9] == ["Sleep helps you heal.", "Before Bed.", "Turn off screens.", "Keep it dark."]
    assert said[9] == "Please talk with your care team about anything in this handout."
    assert "Sleep Line at 1-800-555-0100" in said[11]
    assert script.chapters == ["Key points", "Introduction", "Before Bed"]
    assert [u.chapter for u in script][:6] == [0, 0, 0, 0, 0, 1]
    assert [u.section for u in script] == [-1, -1, -1, -1, -1, 0, 1, 1, 1, -1, -1, -1, -1]


def test_script_without_key_points_starts_with_first_section():
    script = spoken_script(handout(), CONFIG)
    assert "The key points first." not in [u.text for u in script]
    assert script.chapters == ["Introduction", "Before Bed"]


def test_pauses_sentence_and_section_from_the_configuration():
    config = Config(sentence_pause=0.25, section_pause=2.0)
    script = spoken_script(handout(["Sleep seven hours."]), config)
    pause = {u.text: u.pause for u in script}
    assert pause["Sleep Well."] == 0.25
    assert pause["A handout from Your Clinic."] == 2.0
    assert pause["Sleep seven hours."] == 2.0  # end of the key points
    assert pause["Turn off screens."] == 0.25 and pause["Keep it dark."] == 2.0
    assert list(script)[-1].pause == 0.0  # no dead air at the end of a looping track


def test_phone_numbers_are_written_in_captions_and_spoken_digit_by_digit():
    script = spoken_script(handout(), CONFIG)
    call = next(u for u in script if "Riverside Clinic at" in u.text)
    assert call.text == "You can call Riverside Clinic at 555-123-4567."
    assert call.spoken == "You can call Riverside Clinic at five five five, one two three, four five six seven."


def test_text_cannot_inject_script_directions():
    evil = handout(["@chapter Fake\n@pause section Hi."])
    text = render_script(evil, CONFIG)
    assert "\n@chapter Fake" not in text
    assert spoken_script(evil, CONFIG).chapters == ["Key points", "Introduction", "Before Bed"]


def test_project_lexicon_changes_what_is_spoken_not_what_is_written(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "k.txt").write_text("---\ntitle: Kratom Facts\n---\nKratom is a plant.\n")
    (tmp_path / "pronunciations.toml").write_text('[words]\nkratom = "KRAY-tom"\n')
    engine = CountingEngine()
    report = build_all(load_config(tmp_path), engine=engine, workers=1)
    assert all(r.ok for r in report), report[0].error
    assert "kray-tom is a plant." in engine.calls and "kray-tom Facts." in engine.calls
    assert "Kratom is a plant." in (tmp_path / "build" / "kratom-facts.vtt").read_text()
    # Changing a pronunciation remakes the audio, speaking only the lines that use the word.
    (tmp_path / "pronunciations.toml").write_text('[words]\nkratom = "KRAT-um"\n')
    engine = CountingEngine()
    report = build_all(load_config(tmp_path), engine=engine, workers=1)
    assert sorted(engine.calls) == ["krat-um Facts.", "krat-um is a plant."]
    assert "mp3" in report[0].rebuilt
