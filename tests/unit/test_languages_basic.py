"""The basic tier (issue 16): for each basic language, the language is told apart from its
neighbours, cited sources are read with its own cue words, numbers and dates with its
own conventions, and every output can say what the tier leaves out. A language the tool
cannot read is named, not passed off as another.

Sentences are written for these tests, shaped like news relays."""

from __future__ import annotations

import datetime as dt

import pytest

from provenance import lang
from provenance.attribution import extract_attributions
from provenance.glossary import default_glossary
from provenance.langid import detect_language, sentence_language
from provenance.quantities import extract_quantities

WSJ = "The Wall Street Journal"
BASIC = ("bg", "ro", "it", "fr", "es", "de", "pt", "pl", "ar", "ja", "vi", "tr")


@pytest.fixture(scope="module")
def glossary():
    return default_glossary()


def test_the_basic_tier_is_the_one_issue_16_asks_for() -> None:
    assert {r.base for r in lang.languages(tier=lang.BASIC)} == set(BASIC)
    for code in BASIC:
        assert lang.has(code, "attribution") and lang.has(code, "numbers"), code


# -- language identification -----------------------------------------------------------------
LANGID = [
    ("bg", "Илон Мъск поддържа редовни контакти с руския президент, написа вестникът."),
    ("bg", "Според източници на вестника разговорите са засягали бизнеса."),
    ("ru", "Илон Маск поддерживает регулярные контакты с президентом России, пишет газета."),
    ("ru", "Об этом сообщает (WSJ) со ссылкой на осведомлённые источники."),
    ("uk", "Ілон Маск підтримує регулярні контакти з президентом Росії, пише видання."),
    ("sr", "Илон Маск је у редовном контакту са руским председником, пише лист."),
    ("mk", "Илон Маск е во редовен контакт со рускиот претседател, пишува весникот."),
    ("be", "Ілон Маск рэгулярна размаўляе з прэзідэнтам Расіі, паведамляе газета."),
    ("ro", "Potrivit publicației, Musk are contacte regulate cu președintele rus."),
    ("it", "Lo riporta il Wall Street Journal, citando fonti vicine al dossier."),
    ("fr", "Selon le Wall Street Journal, Elon Musk parle régulièrement avec Vladimir Poutine."),
    ("es", "Según The Wall Street Journal, Musk mantiene contactos regulares con Putin."),
    ("de", "Laut Wall Street Journal steht Musk in regelmäßigem Kontakt mit Putin."),
    ("pt", "Segundo o Wall Street Journal, Musk mantém contactos regulares com Putin."),
    ("pl", "Według Wall Street Journal Musk utrzymuje regularne kontakty z Putinem."),
    ("ar", "وفقا لصحيفة وول ستريت جورنال، يتواصل ماسك بانتظام مع بوتين."),
    ("ja", "ウォール・ストリート・ジャーナルによると、マスク氏はプーチン氏と定期的に"
           "連絡を取っている。"),
    ("vi", "Theo Wall Street Journal, Musk thường xuyên liên lạc với Putin."),
    ("tr", "Wall Street Journal'a göre Musk, Putin ile düzenli olarak görüşüyor."),
]


@pytest.mark.parametrize(("code", "text"), LANGID, ids=[f"{c}-{i}" for i, (c, _) in
                                                        enumerate(LANGID)])
def test_short_sentences_get_their_language(code: str, text: str) -> None:
    assert detect_language(text)[0] == code


def test_a_bulgarian_sentence_in_a_bulgarian_article_stays_bulgarian() -> None:
    assert sentence_language("Той каза, че това не е вярно.", "bg") == "bg"
    assert sentence_language("Это было ясно и понятно всем.", "bg") == "ru"  # a Russian quote


@pytest.mark.parametrize(("text", "code", "name"), [
    ("לפי הוול סטריט ג'ורנל, מאסק נמצא בקשר קבוע עם פוטין.", "he", "Hebrew"),
    ("ვოლ სტრიტ ჯორნალის ცნობით, მასკი რეგულარულად ესაუბრება პუტინს.", "ka", "Georgian"),
    ("Ըստ Wall Street Journal-ի՝ Մասկը պարբերաբար խոսում է Պուտինի հետ։", "hy", "Armenian"),
])
def test_a_language_the_tool_cannot_read_is_named(text: str, code: str, name: str) -> None:
    assert detect_language(text)[0] == code
    assert lang.display_name(code) == name and lang.tier_of(code) == lang.NONE
    assert lang.support_notice(code).startswith(f"{name}: not supported")


# -- cited sources ----------------------------------------------------------------------------
CITED = [
    ("bg", "Мъск поддържа контакти с Путин, написа The Wall Street Journal.", {WSJ}),
    ("bg", "Според Reuters разговорите са започнали през 2022 година.", {"Reuters"}),
    ("ro", "Potrivit Wall Street Journal, Musk are contacte regulate cu Putin.", {WSJ}),
    ("ro", "Reuters relatează că discuțiile au început în 2022.", {"Reuters"}),
    ("it", "Secondo Bloomberg, Musk è in contatto regolare con Putin.", {"Bloomberg"}),
    ("it", "Lo riporta il Wall Street Journal, citando fonti vicine al dossier.",
     {WSJ, "<unnamed>"}),
    ("fr", "Selon le Wall Street Journal, Elon Musk parle avec Vladimir Poutine.", {WSJ}),
    ("fr", "Le Kremlin a démenti, rapporte l'AFP.", {"Agence France-Presse", "Kremlin"}),
    ("es", "Según The Wall Street Journal, Musk mantiene contactos con Putin.", {WSJ}),
    ("es", "Reuters informó que el Kremlin lo negó.", {"Reuters"}),
    ("de", "Laut Wall Street Journal steht Musk in Kontakt mit Putin.", {WSJ}),
    ("de", "Wie das Wall Street Journal unter Berufung auf Quellen berichtet, gibt es einen "
           "Plan.", {WSJ, "<unnamed>"}),
    ("pt", "Segundo o Wall Street Journal, Musk mantém contactos com Putin.", {WSJ}),
    ("pt", "Reuters noticiou que o Kremlin negou.", {"Reuters"}),
    ("pl", "Według Wall Street Journal Musk utrzymuje kontakty z Putinem.", {WSJ}),
    ("pl", "Jak podaje Bloomberg, rozmowy trwają od 2022 roku.", {"Bloomberg"}),
    ("ar", "وفقا لصحيفة وول ستريت جورنال، يتواصل ماسك بانتظام مع بوتين.", {WSJ}),
    ("ar", "ذكرت وكالة رويترز أن الكرملين نفى ذلك.", {"Reuters"}),
    ("ja", "ウォール・ストリート・ジャーナルによると、マスク氏はプーチン氏と"
           "連絡を取っている。", {WSJ}),
    ("ja", "ロイター通信は、クレムリンが否定したと報じた。", {"Reuters"}),
    ("vi", "Theo Wall Street Journal, Musk thường xuyên liên lạc với Putin.", {WSJ}),
    ("vi", "Reuters đưa tin rằng Điện Kremlin đã bác bỏ thông tin này.", {"Reuters"}),
    ("tr", "Wall Street Journal'a göre Musk, Putin ile düzenli olarak görüşüyor.", {WSJ}),
    ("tr", "Reuters, Kremlin'in iddiaları yalanladığını bildirdi.", {"Reuters"}),
]


def _cited(found) -> set[str]:
    return {"<unnamed>" if a.kind == "unnamed" else a.source for a in found if not a.negated}


@pytest.mark.parametrize(("code", "sentence", "cited"), CITED,
                         ids=[f"{c}-{i}" for i, (c, *_) in enumerate(CITED)])
def test_cited_sources_in_each_basic_language(glossary, code, sentence, cited) -> None:
    assert _cited(extract_attributions(sentence, code, glossary)) == cited


@pytest.mark.parametrize(("code", "sentence"), [
    ("it", "Elon Musk ha lanciato un razzo dal Texas."),
    ("fr", "Le président a rencontré Elon Musk à Paris."),
    ("es", "Elon Musk se reunió con el presidente."),
    ("de", "Das Treffen mit Elon Musk fand in Berlin statt."),
    ("bg", "Илон Мъск изстреля ракета от Тексас."),
    ("tr", "Elon Musk, Teksas'tan bir roket fırlattı."),
])
def test_subjects_of_ordinary_verbs_are_not_sources(glossary, code, sentence) -> None:
    assert _cited(extract_attributions(sentence, code, glossary)) == set()


# -- numbers and dates ------------------------------------------------------------------------
PUBLISHED = dt.date(2024, 10, 26)
NUMBERS = [
    ("bg", "На 25 октомври платиха 5,9 млрд.", "2024-10-25", 5.9),
    ("ro", "Pe 25 octombrie 2024 au plătit 5,9 miliarde.", "2024-10-25", 5.9),
    ("it", "Il 25 ottobre 2024 ha pagato 1.290,5 euro.", "2024-10-25", 1290.5),
    ("fr", "Le 25 octobre, le front mesurait 1 290 km.", "2024-10-25", 1290.0),
    ("es", "El 25 de octubre de 2024 se pagaron 5,9 millones.", "2024-10-25", 5.9),
    ("de", "Am 25. Oktober zahlte die Firma 3,5 %.", "2024-10-25", 3.5),
    ("pt", "Em 25 de outubro foram pagos 5,9 milhões.", "2024-10-25", 5.9),
    ("pl", "25 października zapłacono 5,9 mld.", "2024-10-25", 5.9),
    ("ar", "في 25 أكتوبر 2024 دفعت 5.9 مليار دولار.", "2024-10-25", 5.9),
    ("ja", "2024年10月25日、59億ドルを支払った。", "2024-10-25", 59.0),
    ("vi", "Ngày 25 tháng 10, họ trả 5,9 tỷ USD.", "2024-10-25", 5.9),
    ("tr", "25 Ekim 2024 tarihinde 5,9 milyar dolar ödendi.", "2024-10-25", 5.9),
]


@pytest.mark.parametrize(("code", "text", "date", "value"), NUMBERS,
                         ids=[c for c, *_ in NUMBERS])
def test_numbers_and_dates_in_each_basic_language(code, text, date, value) -> None:
    found = extract_quantities(text, code, PUBLISHED)
    assert date in [q.date for q in found if q.kind == "date"]
    assert value in [q.value for q in found if q.kind not in ("date", "time")]
    for q in found:
        assert text[q.start:q.end] == q.text


# -- what the tier leaves out -----------------------------------------------------------------
def test_every_basic_language_says_what_it_omits() -> None:
    for code in BASIC:
        notice = lang.support_notice(code)
        # German, French and Spanish have drift lexicons (provenance/data/lexicons/)
        drift = lang.has(code, "drift")
        assert notice and "basic support" in notice, code
        assert ("hedge, negation" in notice) is not drift, code
        assert lang.omissions(code)
    assert lang.support_notice("en") is None and lang.omissions("ko") == []
    assert lang.support_lines([("a1", "it"), ("a2", "en"), ("a3", None)]) == [
        f"a1: {lang.support_notice('it')}", f"a3: {lang.support_notice(None)}"]


def test_the_help_lists_the_tiers_from_the_registry() -> None:
    summary = lang.support_summary()
    for record in lang.languages(tier=lang.BASIC):
        assert record.name in summary
    assert "Chinese (Simplified and Traditional)" in summary
