"""`ooo dates`: one phrase or a stream of JSON lines in, JSON answers out, with exit codes."""

import argparse
import io
import json

import pytest

from bot.cli.dates import register, run

NOW = "2025-11-27T10:30:00+00:00"


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="ooo")
    register(parser.add_subparsers())
    return parser.parse_args(["dates", *argv])


def _run(*argv: str, stdin: str = "") -> tuple[int, str]:
    out = io.StringIO()
    args = _args(*argv)
    assert args.func is run
    code = args.func(args, stdin=io.StringIO(stdin), stdout=out)
    return code, out.getvalue()


@pytest.mark.parametrize(
    ("argv", "answer"),
    [
        (
            ["Dec 20 to Jan 3", "--tz", "Europe/Paris", "--now", NOW],
            {"start": "2025-12-20T00:00:00+01:00", "end": "2026-01-04T00:00:00+01:00"},
        ),
        (
            ["du 3 au 7 décembre", "--tz", "Europe/Paris", "--now", NOW, "--locale", "fr-FR"],
            {"start": "2025-12-03T00:00:00+01:00", "end": "2025-12-08T00:00:00+01:00"},
        ),
        (
            ["until further notice", "--now", NOW],
            {"start": "2025-11-27T10:30:00+00:00", "end": None},
        ),
        (
            ["12/24", "--now", "2025-11-27T10:30:00", "--tz", "America/New_York"],
            {"start": "2025-12-24T00:00:00-05:00", "end": "2025-12-25T00:00:00-05:00"},
        ),
    ],
)
def test_it_prints_the_range_as_json(argv: list[str], answer: dict[str, str | None]) -> None:
    assert _run(*argv) == (0, json.dumps(answer) + "\n")


def test_it_prints_an_error_and_exits_1_when_it_cannot_read_the_phrase() -> None:
    code, out = _run("yesterday", "--now", NOW)
    assert code == 1
    assert "in the past" in json.loads(out)["error"]


@pytest.mark.parametrize("words", ["until 12/31/9999", "until Dec 31 9999", "until 9999-12-31"])
def test_it_refuses_a_day_past_the_last_year_with_an_error_not_a_traceback(words: str) -> None:
    code, out = _run(words, "--now", NOW)
    assert code == 1
    assert "too far ahead" in json.loads(out)["error"]


def test_it_prints_the_start_it_read_when_a_phrase_gives_no_end() -> None:
    code, out = _run("Urlaub ab Montag", "--now", NOW, "--tz", "Europe/Berlin", "--locale", "de-DE")
    assert code == 1
    answer = json.loads(out)
    assert answer["start"] == "2025-12-01T00:00:00+01:00"
    assert "Urlaub ab Montag" in answer["error"]


def test_it_says_in_german_that_a_phrase_gives_no_end() -> None:
    code, out = _run("Urlaub ab Montag", "--now", NOW, "--tz", "Europe/Berlin", "--locale", "de-DE")
    assert code == 1
    assert "nicht, wann sie endet" in json.loads(out)["error"]


def test_it_uses_the_current_time_when_no_now_is_given() -> None:
    code, out = _run("next week", "--tz", "Asia/Tokyo")
    assert code == 0
    assert json.loads(out)["start"].endswith("T00:00:00+09:00")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["tomorrow", "--tz", "Mars/Olympus_Mons"], "unknown time zone"),
        (["tomorrow", "--now", "last tuesday"], "not ISO-8601"),
        (["tomorrow", "--locale", "xx-YY"], "unknown locale"),
        ([], "give a phrase"),
    ],
)
def test_it_exits_2_with_a_clear_message_on_bad_options(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(*argv) == (2, "")
    assert message in capsys.readouterr().err


def test_it_answers_json_lines_in_order_with_errors_in_place() -> None:
    lines = [
        {"text": "tomorrow", "tz": "Europe/Paris", "now": NOW, "locale": "en-US"},
        {"text": "morgen", "tz": "Europe/Berlin", "now": NOW, "locale": "de-DE"},
        "this is not json",
        {"text": "tomorrow", "tz": "Nowhere/Land", "now": NOW},
        {"text": "hier", "tz": "Europe/Paris", "now": NOW, "locale": "fr-FR"},
        {"tz": "UTC"},
        {"text": "mañana", "tz": "Europe/Madrid", "now": NOW, "locale": "es-ES"},
    ]
    stdin = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n"
    code, out = _run("--jsonl", stdin=stdin)
    answers = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert len(answers) == len(lines)
    assert answers[0]["start"] == "2025-11-28T00:00:00+01:00"
    assert answers[1]["end"] == "2025-11-29T00:00:00+01:00"
    assert [("error" in a) for a in answers] == [False, False, True, True, True, True, False]
    assert "unknown time zone" in answers[3]["error"]
    # Each line is answered in its own locale: the day yesterday ended, as French writes it.
    assert "jeu. 27 nov. 2025, 00:00" in answers[4]["error"]


def test_it_answers_a_json_line_in_its_locale() -> None:
    line = {"text": "hier", "tz": "Europe/Paris", "now": NOW, "locale": "fr-FR"}
    code, out = _run("--jsonl", stdin=json.dumps(line) + "\n")
    assert code == 0
    assert json.loads(out)["error"] == (
        "Cela finit dans le passé (jeu. 27 nov. 2025, 00:00)."
        " Essayez « du 20 décembre au 3 janvier » ou « de retour lundi »."
    )


@pytest.mark.parametrize(
    ("locale", "text", "start"),
    [
        ("en-GB", "24/12", "2025-12-24T00:00:00+00:00"),
        ("es-LA", "24/12", "2025-12-24T00:00:00+00:00"),
        ("pt-BR", "amanhã", "2025-11-28T00:00:00+00:00"),
        ("pt_br", "amanhã", "2025-11-28T00:00:00+00:00"),
        ("it-IT", "domani", "2025-11-28T00:00:00+00:00"),
        ("ja-JP", "12/24", "2025-12-24T00:00:00+00:00"),
        ("ko-KR", "내일", "2025-11-28T00:00:00+00:00"),
        ("zh-CN", "明天", "2025-11-28T00:00:00+00:00"),
        ("zh-TW", "後天", "2025-11-29T00:00:00+00:00"),
    ],
)
def test_it_reads_every_slack_locale(locale: str, text: str, start: str) -> None:
    code, out = _run(text, "--now", NOW, "--locale", locale)
    assert code == 0
    assert json.loads(out)["start"] == start


def test_it_prints_the_refusal_in_the_persons_language() -> None:
    code, out = _run("昨日", "--now", NOW, "--tz", "Asia/Tokyo", "--locale", "ja-JP")
    assert code == 1
    assert json.loads(out) == {
        "error": "終わりが過去になっています（2025年11月27日(木) 0:00）。"  # noqa: RUF001
        "「12月20日から1月3日まで」や「月曜日に戻ります」のように入力してください。"
    }


def test_it_refuses_an_unknown_locale_on_a_json_line() -> None:
    code, out = _run("--jsonl", stdin=json.dumps({"text": "tomorrow", "locale": "tlh"}) + "\n")
    assert code == 0
    assert "unknown locale" in json.loads(out)["error"]
