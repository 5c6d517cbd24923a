"""The form, the draft and the responder carry the owner's options as one shape."""

from dataclasses import fields

import pytest

from bot.blocks.responder_form import Form
from bot.core.responder import Draft, Options
from bot.core.responder_value import Responder


@pytest.mark.parametrize("shape", [Draft, Form, Responder])
def test_it_gives_every_option_with_its_default(shape: type[Options]) -> None:
    options = {field.name: field.default for field in fields(Options)}
    carried = {field.name: field.default for field in fields(shape) if field.name in options}
    assert issubclass(shape, Options)
    assert carried == options
