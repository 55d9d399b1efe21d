"""The shared Jinja2 environment: HTML escapes, plain text does not."""

from handouts.templates import environment


def test_html_templates_escape_and_text_templates_do_not():
    env = environment()
    assert env is environment()  # one environment, built once
    assert env.autoescape("x.html.j2") and env.autoescape("x.html")
    assert not env.autoescape("x.txt.j2") and not env.autoescape("x.txt")
    assert env.from_string("{{ v }}").render(v="<b>") == "&lt;b&gt;"
