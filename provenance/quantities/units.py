"""Unit nouns and currencies in the five project languages, mapped to one English form.

A count is only comparable across a translation if both sides name the same thing:
"28 missions", "28次任务", "28회 임무" and "28 місій" all carry the unit "mission". The
tables below are deliberately news-oriented (launches, missions, people, casualties,
distances) and small enough to read; a noun missing from them still yields a count, just
without a unit.
"""

from __future__ import annotations

from provenance.lang import base_codes, is_cyrillic, languages_with
from provenance.quantities.lazyre import lazy_compile

# ISO 4217 code -> how an English sentence writes it (symbol prefix or word suffix).
CURRENCY_PREFIX = {"USD": "$", "EUR": "€", "GBP": "£"}
CURRENCY_WORD = {
    "CNY": "yuan",
    "KRW": "won",
    "UAH": "hryvnias",
    "RUB": "rubles",
    "JPY": "yen",
    "TWD": "New Taiwan dollars",
    "HKD": "Hong Kong dollars",
    "AUD": "Australian dollars",
    "CAD": "Canadian dollars",
    "CHF": "Swiss francs",
    "INR": "rupees",
}

# Currency symbols written before the amount, in every language.
PREFIX_SYMBOLS: dict[str, str] = {
    "US$": "USD",
    "US $": "USD",
    "USD": "USD",
    "$": "USD",
    "€": "EUR",
    "EUR": "EUR",
    "£": "GBP",
    "GBP": "GBP",
    "¥": "JPY",
    "￥": "CNY",
    "RMB": "CNY",
    "CNY": "CNY",
    "₩": "KRW",
    "KRW": "KRW",
    "₴": "UAH",
    "UAH": "UAH",
    "₽": "RUB",
    "RUB": "RUB",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "HK$": "HKD",
    "NT$": "TWD",
}

# A Korean noun ends at a particle or a non-Hangul character ("3,500억원을", "5천만 원.").
_KO_END = r"(?:(?=[을를이가의은는에도과와로만으어])|(?![가-힣]))"

# Currency words written after the amount: (regex, ISO code), per base language. Order
# matters: longer forms first so that "美元" is not read as "元".
SUFFIX_CURRENCIES: dict[str, list[tuple[str, str]]] = {
    "en": [
        (r"(?:US |U\.S\. |American )?dollars?", "USD"),
        (r"euros?", "EUR"),
        (r"(?:pounds? sterling|pounds?)", "GBP"),
        (r"yuan|renminbi", "CNY"),
        (r"won", "KRW"),
        (r"hryvnias?|hryvnyas?|hryvnia", "UAH"),
        (r"roubles?|rubles?", "RUB"),
        (r"yen", "JPY"),
        (r"USD", "USD"),
        (r"EUR", "EUR"),
    ],
    "zh": [
        (r"美元|美金|美圓|美圆", "USD"),
        (r"欧元|歐元", "EUR"),
        (r"英镑|英鎊", "GBP"),
        (r"日元|日圓|日圆", "JPY"),
        (r"韩元|韓元|韩圆|韓圓", "KRW"),
        (r"港元|港币|港幣", "HKD"),
        (r"卢布|盧布", "RUB"),
        (r"格里夫纳|赫夫纳|格里夫納", "UAH"),
        (r"新台币|新台幣|台币|台幣", "TWD"),
        (r"人民币|人民幣", "CNY"),
        (r"澳元", "AUD"),
        (r"加元", "CAD"),
        (r"元|块钱|塊錢", "LOCAL"),
    ],
    "ko": [
        (r"달러", "USD"),
        (r"유로", "EUR"),
        (r"파운드", "GBP"),
        (r"위안", "CNY"),
        (r"엔" + _KO_END, "JPY"),
        (r"루블", "RUB"),
        (r"흐리우냐|그리브나", "UAH"),
        (r"원" + _KO_END, "KRW"),
    ],
    "uk": [
        (r"(?:американських )?долар(?:ів|а|и|ам|ами)?(?: США)?|дол\.(?: США)?", "USD"),
        (r"євро", "EUR"),
        (r"фунт(?:ів|а|и)?(?: стерлінгів)?", "GBP"),
        (r"гривень|гривні|гривня|гривнями|грн\.?", "UAH"),
        (r"рубл(?:ів|я|і|ь)|руб\.", "RUB"),
        (r"юан(?:ів|я|і|ь)", "CNY"),
        (r"вон", "KRW"),
        (r"єн", "JPY"),
    ],
    "ru": [
        (r"(?:американских )?доллар(?:ов|а|ы|ам)?(?: США)?|долл\.(?: США)?|дол\.", "USD"),
        (r"евро", "EUR"),
        (r"фунт(?:ов|а|ы)?(?: стерлингов)?", "GBP"),
        (r"гривен|гривны|гривна|грн\.?", "UAH"),
        (r"рубл(?:ей|я|и|ь)|руб\.", "RUB"),
        (r"юан(?:ей|я|и|ь)", "CNY"),
        (r"вон", "KRW"),
        (r"иен", "JPY"),
    ],
}


def local_currency(lang: str) -> str:
    """The currency a bare 元 means: New Taiwan dollars in zh-tw/zh-hk texts, yuan elsewhere."""
    low = lang.lower()
    if low in ("zh-tw", "zh-hant"):
        return "TWD"
    if low == "zh-hk":
        return "HKD"
    return "CNY"


# English lemma -> surface forms per language. English forms are regular plurals unless
# listed; uk/ru entries are stems matched at the start of the word (covers the cases).
_UNITS: dict[str, dict[str, list[str]]] = {
    "launch": {
        "en": ["launch", "launches"],
        "zh": ["发射", "發射"],
        "ko": ["발사"],
        "uk": ["запуск"],
        "ru": ["запуск"],
    },
    "mission": {
        "en": ["mission"],
        "zh": ["任务", "任務", "使命"],
        "ko": ["임무", "미션"],
        "uk": ["місі"],
        "ru": ["мисси"],
    },
    "flight": {
        "en": ["flight"],
        "zh": ["飞行", "飛行", "航班"],
        "ko": ["비행"],
        "uk": ["польот", "політ"],
        "ru": ["полет", "полёт"],
    },
    "contract": {
        "en": ["contract"],
        "zh": ["合同", "合约", "合約", "订单", "訂單"],
        "ko": ["계약"],
        "uk": ["контракт", "угод"],
        "ru": ["контракт"],
    },
    "order": {"en": ["order"], "zh": [], "ko": ["주문"], "uk": ["замовлен"], "ru": ["заказ"]},
    "rocket": {"en": ["rocket"], "zh": ["火箭"], "ko": ["로켓"], "uk": ["ракет"], "ru": ["ракет"]},
    "satellite": {
        "en": ["satellite"],
        "zh": ["卫星", "衛星"],
        "ko": ["위성"],
        "uk": ["супутник"],
        "ru": ["спутник"],
    },
    "time": {
        "en": ["time"],
        "zh": ["次", "回", "遍"],
        "ko": ["번", "회", "차례"],
        "uk": ["раз"],
        "ru": ["раз"],
    },
    "person": {
        "en": ["people", "person", "persons", "individual"],
        "zh": ["人", "名", "位", "口"],
        "ko": ["명", "사람", "인"],
        "uk": ["люд", "осіб", "особ", "чоловік"],
        "ru": ["челов", "люд", "лиц"],
    },
    "victim": {
        "en": ["victim", "casualt", "death"],
        "zh": ["遇难者", "死者"],
        "ko": ["사망자", "희생자"],
        "uk": ["жертв", "загибл"],
        "ru": ["жертв", "погибш"],
    },
    "soldier": {
        "en": ["soldier", "troop"],
        "zh": ["士兵", "军人", "軍人"],
        "ko": ["병사", "군인"],
        "uk": ["військов", "солдат", "бійц"],
        "ru": ["военн", "солдат", "бойц"],
    },
    "rescuer": {
        "en": ["rescuer"],
        "zh": ["救援人员", "救援人員"],
        "ko": ["구조대원"],
        "uk": ["рятувальник"],
        "ru": ["спасател"],
    },
    "country": {
        "en": ["country", "countries", "nation"],
        "zh": ["国家", "國家", "个国家"],
        "ko": ["개국", "국가", "나라"],
        "uk": ["країн"],
        "ru": ["стран"],
    },
    "company": {
        "en": ["company", "companies", "firm"],
        "zh": ["公司", "企业", "企業"],
        "ko": ["기업", "회사"],
        "uk": ["компані"],
        "ru": ["компани"],
    },
    "case": {
        "en": ["case"],
        "zh": ["例", "病例", "起"],
        "ko": ["건", "사례"],
        "uk": ["випад"],
        "ru": ["случа"],
    },
    "attack": {
        "en": ["attack"],
        "zh": ["袭击", "襲擊", "攻击", "攻擊"],
        "ko": ["공격"],
        "uk": ["атак"],
        "ru": ["атак"],
    },
    "sample": {
        "en": ["sample"],
        "zh": ["样本", "樣本"],
        "ko": ["샘플", "검체"],
        "uk": ["зраз"],
        "ru": ["образ"],
    },
    "player": {
        "en": ["player"],
        "zh": ["球员", "球員", "选手"],
        "ko": ["선수"],
        "uk": ["гравц", "гравець"],
        "ru": ["игрок"],
    },
    "vote": {"en": ["vote"], "zh": ["票"], "ko": ["표"], "uk": ["голос"], "ru": ["голос"]},
    "tree": {
        "en": ["tree"],
        "zh": ["树", "樹", "棵"],
        "ko": ["나무", "그루"],
        "uk": ["дерев"],
        "ru": ["дерев"],
    },
    "dog": {
        "en": ["dog"],
        "zh": ["狗", "犬", "只狗"],
        "ko": ["강아지", "견"],
        "uk": ["собак"],
        "ru": ["собак"],
    },
    "vehicle": {
        "en": ["vehicle", "unit"],
        "zh": ["辆", "輛", "台"],
        # 20대 남성 is "a man in his twenties", not twenty vehicles
        "ko": ["대(?!\\s?(?:남성|여성|남자|여자|청년|초반|중반|후반))"],
        "uk": ["одиниц", "машин"],
        "ru": ["единиц", "машин"],
    },
    "tank": {
        "en": ["tank"],
        "zh": ["坦克"],
        "ko": ["탱크", "전차"],
        "uk": ["танк"],
        "ru": ["танк"],
    },
    "year_old": {
        "en": ["year-old", "years old"],
        "zh": ["岁", "歲"],
        "ko": ["세", "살"],
        "uk": ["річн"],
        "ru": ["летн"],
    },
    "year": {
        "en": ["year"],
        "zh": ["年"],
        "ko": ["년"],
        "uk": ["рок", "рік", "літ"],
        "ru": ["год", "лет"],
    },
    "month": {
        "en": ["month"],
        "zh": ["个月", "個月"],
        "ko": ["개월", "달"],
        "uk": ["місяц"],
        "ru": ["месяц"],
    },
    "week": {
        "en": ["week"],
        "zh": ["周", "週", "星期"],
        "ko": ["주"],
        "uk": ["тиж"],
        "ru": ["недел"],
    },
    "day": {
        "en": ["day"],
        "zh": ["天"],
        "ko": ["일간", "일 동안"],
        "uk": ["дн", "доб", "день"],
        "ru": ["дн", "сут", "день"],
    },
    "hour": {
        "en": ["hour"],
        "zh": ["小时", "小時", "个小时", "個小時"],
        "ko": ["시간"],
        "uk": ["годин"],
        "ru": ["час"],
    },
    "minute": {
        "en": ["minute"],
        "zh": ["分钟", "分鐘"],
        "ko": ["분(?!기)"],  # 1분기 is the first quarter
        "uk": ["хвилин"],
        "ru": ["минут"],
    },
    "second": {
        "en": ["second"],
        "zh": ["秒"],
        "ko": ["초(?!반)"],
        "uk": ["секунд"],
        "ru": ["секунд"],
    },
    "kilometer": {
        "en": ["kilometer", "kilometre", "km", "㎞"],
        "zh": ["公里", "千米", "km", "㎞"],
        "ko": ["킬로미터", "km", "㎞"],
        "uk": ["кілометр", "км", "㎞"],
        "ru": ["километр", "км", "㎞"],
    },
    # "=" marks a whole word: "мили" must not catch "милиция"
    "mile": {
        "en": ["mile"],
        "zh": ["英里", "哩"],
        "ko": ["마일"],
        "uk": ["=миля", "=милі", "=миль", "=милях"],
        "ru": ["=миля", "=мили", "=миль", "=милях"],
    },
    "meter": {
        "en": ["meter", "metre", "m"],
        "zh": ["米", "公尺"],
        "ko": ["미터"],
        "uk": ["метр"],
        "ru": ["метр"],
    },
    "foot": {
        "en": ["foot", "feet", "ft"],
        "zh": ["英尺", "呎"],
        "ko": ["피트"],
        "uk": ["фут"],
        "ru": ["фут"],
    },
    "inch": {
        "en": ["inch", "inches"],
        "zh": ["英寸", "吋"],
        "ko": ["인치"],
        "uk": ["дюйм"],
        "ru": ["дюйм"],
    },
    "centimeter": {
        "en": ["centimeter", "centimetre", "cm"],
        "zh": ["厘米", "公分"],
        "ko": ["센티미터", "cm"],
        "uk": ["сантиметр", "см"],
        "ru": ["сантиметр", "см"],
    },
    "acre": {
        "en": ["acre"],
        "zh": ["英亩", "英畝"],
        "ko": ["에이커"],
        "uk": ["акр"],
        "ru": ["акр"],
    },
    "hectare": {
        "en": ["hectare"],
        "zh": ["公顷", "公頃"],
        "ko": ["헥타르"],
        "uk": ["гектар", "га"],
        "ru": ["гектар", "га"],
    },
    "kilogram": {
        "en": ["kilogram", "kilogramme", "kg"],
        "zh": ["公斤", "千克"],
        "ko": ["킬로그램", "kg"],
        "uk": ["кілограм", "кг"],
        "ru": ["килограмм", "кг"],
    },
    "ton": {
        "en": ["ton", "tonne"],
        "zh": ["吨", "噸"],
        "ko": ["톤"],
        "uk": ["тонн"],
        "ru": ["тонн"],
    },
    "signature": {
        "en": ["signature"],
        "zh": ["签名", "簽名"],
        "ko": ["서명"],
        "uk": ["підпис"],
        "ru": ["подпис"],
    },
    "employee": {
        "en": ["employee", "worker", "staff"],
        "zh": ["员工", "員工", "工作人员", "工作人員"],
        "ko": ["직원", "근로자"],
        "uk": ["працівник", "співробітник"],
        "ru": ["работник", "сотрудник"],
    },
    "voter": {
        "en": ["voter"],
        "zh": ["选民", "選民"],
        "ko": ["유권자"],
        "uk": ["виборц", "виборець"],
        "ru": ["избирател"],
    },  # fmt: skip
    "candidate": {
        "en": ["candidate", "applicant"],
        "zh": ["候选人", "候選人", "申请者", "申請者"],
        "ko": ["후보"],
        "uk": ["кандидат"],
        "ru": ["кандидат"],
    },
}

# English function words that never name the counted thing in "N <word>".
_NOT_UNITS_TEXT = (
    "others those these its his her their and or of in on at to for as is was are were has "
    "have had by from with than this that which who percent per cent times"
)
_EN_NOT_UNITS = frozenset(_NOT_UNITS_TEXT.split())

_IRREGULAR_EN = {
    "people": "person",
    "feet": "foot",
    "children": "child",
    "men": "man",
    "women": "woman",
    "staff": "staff",
    "inches": "inch",
    "countries": "country",
    "companies": "company",
    "casualties": "casualty",
    "launches": "launch",
}


def singular_en(word: str) -> str:
    """A crude English singular: enough to make "missions" and "mission" the same unit."""
    low = word.lower()
    if low in _IRREGULAR_EN:
        return _IRREGULAR_EN[low]
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("ches", "shes", "sses", "xes")):
        return low[:-2]
    if low.endswith("s") and not low.endswith("ss") and len(low) > 3:
        return low[:-1]
    return low


def _build_lookup() -> dict[str, list[tuple[str, str]]]:
    # a unit form in a language without quantity rules fails here, at import
    by_lang: dict[str, list[tuple[str, str]]] = {
        code: [] for code in base_codes(languages_with("quantities"))}
    for lemma, forms in _UNITS.items():
        for lang, words in forms.items():
            for w in words:
                by_lang[lang].append((w.lower(), lemma))
    for lang in by_lang:
        by_lang[lang].sort(key=lambda p: -len(p[0]))
    return by_lang


LOOKUP = _build_lookup()
_EN_LEMMAS = {singular_en(w): lemma for w, lemma in LOOKUP["en"]}
_KO_FORMS = [(lazy_compile(w), lemma) for w, lemma in LOOKUP["ko"]]


def unit_words(lemma: str, lang: str) -> list[str]:
    """The surface forms (or stems) of one unit in a language ("time": 次, 차례, раз)."""
    return [w for w, known in LOOKUP.get(lang.split("-")[0].lower(), []) if known == lemma]


def unit_lemma(word: str, lang: str, *, guess: bool = False) -> str | None:
    """The English lemma of a unit noun, or None when the word is not a known unit.

    ``word`` is one word (en, uk, ru) or the characters after a number (zh, ko; matched
    as a prefix). With ``guess`` an unknown English plural noun becomes its own singular.
    """
    if not word:
        return None
    b = lang.split("-")[0].lower()
    low = word.lower()
    if b == "en":
        if low in _EN_NOT_UNITS:
            return None
        sing = singular_en(low)
        if sing in _EN_LEMMAS:
            return _EN_LEMMAS[sing]
        for w, lemma in LOOKUP["en"]:
            if w.endswith("-") or " " in w:
                continue
            if len(w) > 4 and low.startswith(w):  # casualt- -> casualties
                return lemma
        if guess and low.isalpha() and low.endswith("s") and len(low) > 3 and low.islower():
            return sing
        return None
    if b == "ko":
        for rx, lemma in _KO_FORMS:
            if rx.match(low):
                return lemma
        return None
    for w, lemma in LOOKUP.get(b, []):
        if w.startswith("="):
            if low == w[1:]:
                return lemma
            continue
        if low.startswith(w):
            if is_cyrillic(b) and len(w) <= 2 and low != w:
                continue  # "км", "га": only the bare abbreviation, not any word starting so
            return lemma
    return None


# Measures a translator may convert: unit -> (dimension, size in SI units).
UNIT_SCALES: dict[str, tuple[str, float]] = {
    "kilometer": ("length", 1000.0), "mile": ("length", 1609.344), "meter": ("length", 1.0),
    "foot": ("length", 0.3048), "inch": ("length", 0.0254), "centimeter": ("length", 0.01),
    "acre": ("area", 4046.8564224), "hectare": ("area", 10000.0),
    "kilogram": ("mass", 1.0), "ton": ("mass", 1000.0),
}  # fmt: skip


def plural_en(unit: str, value: float | None) -> str:
    """English surface form of a unit for a value: 1 mission, 28 missions, 3 people."""
    if value == 1:
        return unit
    if unit == "person":
        return "people"
    if unit == "foot":
        return "feet"
    if unit == "year_old":
        return "year-old"
    if unit.endswith(("ch", "sh", "s", "x")):
        return unit + "es"
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    return unit + "s"
