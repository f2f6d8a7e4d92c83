"""Real translation pairs from ../shared/data/parallel: the same quantities on both sides.

The sample below is copied from the WMT22 en-zh and WMT23 uk-en test sets (line i of
the original and of a human translation). Each row lists what the source side holds;
every one of those must find a "same" partner in the translation. The last test runs
over the whole shared data set and checks the match rate the benchmark reports.
"""

from __future__ import annotations

import pytest
from conftest import parallel_docs

from provenance.quantities import Quantity, extract_quantities

SAMPLE: list[tuple[str, str, str, str, list[str]]] = [
    ("en", "According to the latest figures, eight cities are in the orange zones, 119 in the "
     "yellow category, and 321 cities are in blue zones.",
     "zh-cn", "根据最新数据，8 个城市在橙色区域，119 个在黄色区域，321 个在蓝色区域。",
     ["8 cities", "119", "321 cities"]),
    ("en", "Passengers on a local train to Belgrade were stuck in snow for seven hours before "
     "they were provided bus transportation to the capital.",
     "zh-cn", "前往贝尔格莱德的当地火车上的乘客被困在雪中 7 个小时后，"
     "才被安排乘坐公共汽车前往首都。",
     ["7 hours"]),
    ("en", "British Garden Centres said sales of smaller trees are up 50 per cent this year "
     "across its 58 sites.",
     "zh-cn", "英国花园中心表示，今年它的 58 个销售点的小树销量增长了 50%。",
     ["50%", "this year", "58 sites"]),
    ("en", "The avalanche was reported about 10:50 a.m. in the Silver Basin area of Crystal "
     "Mountain, which is located about 85 miles (137 kilometers) southeast of Seattle.",
     "zh-cn", "雪崩发生在上午 10 点 50 分左右，"
     "地点在西雅图东南约 85 英里（137 公里）的水晶山银盆地区。",
     ["T10:50", "about 85 miles", "137 kilometers"]),
    ("en", "A further £75 million in aid is to be given to Afghanistan by the UK to help address "
     "its worsening humanitarian situation, Liz Truss has announced.",
     "zh-cn", "利兹·特拉斯宣布，英国将向阿富汗提供 7500 万英镑的援助，"
     "以帮助解决该国日益恶化的人道主义局势。",
     ["£75 million"]),
    ("en", "The additional financial support will bring the UK's commitment to Afghanistan to "
     "£286 million this year.",
     "zh-cn", "这笔额外的财政支持将使英国今年对阿富汗的承诺达到 2.86 亿英镑。",
     ["£286 million", "this year"]),
    ("en", "Primary and backup generators powering the global broadcast of the Gabba Test went "
     "down for about 25 minutes on day four.",
     "zh-cn", "为 Gabba 测试全球转播提供动力的主要和备用发电机在第四天关闭了大约 25 分钟。",
     ["about 25 minutes", "4"]),
    ("en", "According to Press TV, the Ministry announced on Saturday that 58 Iranians died from "
     "the disease, noting that out of the new cases detected over the past 24 hours, 286 "
     "patients were admitted to hospital.",
     "zh-cn", "据新闻电视台报道，卫生部周六宣布，有 58 名伊朗人死于这种疾病，"
     "并指出在过去 24 小时内发现的新病例中，有 286 名患者入院。",
     ["Saturday", "58", "24 hours", "286 patients"]),
    ("en", "Ukraine is predominantly Orthodox Christian, with Catholics of either the Latin Rite "
     "or Byzantine rite making up about 10% of the population in the former Soviet republic.",
     "zh-cn", "乌克兰主要信奉东正教，在前苏联共和国，"
     "信奉拉丁礼或拜占庭礼的天主教徒约占人口的 10%。",
     ["about 10%"]),
    ("en", "Tottenham Hotspur have already been struggling with the virus, with their match "
     "against Brighton on Sunday postponed after eight players and five members of staff "
     "returned positive results.",
     "zh-cn", "托特纳姆热刺队已经在与病毒作斗争，"
     "周日与布莱顿的比赛在八名球员和五名工作人员返回阳性结果后被推迟。",
     ["Sunday", "8 players", "5 members"]),
    ("en", "Shiba Inu is the latest meme-crypto to go viral and despite being down almost 60% "
     "from it's all-time high, the market cap still stands at an eye-watering $20 billion, "
     "making it the 12th biggest crypto in the world by valuation.",
     "zh-cn", "柴犬币是最新一款走红的表情包加密货币，尽管已经从历史高点下跌了近 60%，"
     "但其市值仍高达 200 亿美元，按估值计算，它是全球第 12 大加密货币。",
     ["about 60%", "$20 billion", "12th"]),
    ("en", "In July, Rogers campaigned for the election to be decertified and previously "
     "launched a petition that she claimed gained 663,000 signatures.",
     "zh-cn", "今年 7 月，罗杰斯发起了取消选举认证的活动，"
     "此前她发起了一份请愿书，声称已经获得了 66.3 万个签名。",
     ["--07", "663,000 signatures"]),
    ("en", "In 2014, Russia seized the Black Sea peninsula of Crimea from Ukraine, prompting the "
     "West to slap sanctions on Russia.",
     "zh-cn", "2014 年，俄罗斯从乌克兰手中夺取了黑海克里米亚半岛，促使西方对俄罗斯实施制裁。",
     ["2014"]),
    ("en", "Four days of national mourning were declared in his honor.",
     "zh-cn", "为了纪念他，宣布全国哀悼四天。", ["4 days"]),
    ("uk", "Внаслідок землетрусів у Туреччині та Сирії загинули понад 23 тисячі людей.",
     "en", "As a result of the earthquakes in Turkey and Syria, more than 23,000 people died.",
     ["more than 23,000 people"]),
    ("uk", "Станом на середину дня 9 лютого кількість жертв землетрусу в Туреччині зросла до "
     "14 014 людей, ще 63 794 людини зазнали поранень.",
     "en", "As of the afternoon of February 9, the number of victims of the earthquake in Turkey "
     "increased to 14,014 with another 63,794 people injured.",
     ["--02-09", "14,014 people", "63,794 people"]),
    ("uk", "Разом із рятувальниками МВС України направило до Туреччини 10 пошуково-рятувальних "
     "собак та 18 одиниць техніки.",
     "en", "The Ministry of Internal Affairs of Ukraine sent 10 search and rescue dogs and 18 "
     "pieces of equipment to Turkey along with the rescuers.",
     ["10 dogs", "18 vehicles"]),
    ("uk", "За оцінками Організації Об'єднаних Націй (ООН), внаслідок землетрусу близько 5,4 "
     "мільйона людей залишилися без даху над головою.",
     "en", "The United Nations (UN) estimated that the earthquake left about 5.4 million people "
     "homeless.",
     ["about 5.4 million people"]),
    ("uk", "З них понад вісім тисяч рятувальників - з 61 країни.",
     "en", "Out of these, more than eight thousand rescuers are from 61 countries.",
     ["more than 8,000 rescuers", "61 countries"]),
    ("uk", "Рано вранці 6 лютого на південному сході Туреччини, а також на півночі Сирії стався "
     "потужний землетрус магнітудою 7,8.",
     "en", "In the early morning of February 6, a powerful earthquake with a 7.8 magnitude "
     "struck southeastern Turkey and northern Syria.",
     ["--02-06", "7.8"]),
    ("uk", "За їхніми даними, група змогла врятувати майже три тисячі людей.",
     "en", "According to their data, the group has managed to save nearly three thousand people.",
     ["about 3,000 people"]),
    ("uk", "Протягом менш ніж 12 годин південний схід Туреччини сколихнув другий потужний "
     "землетрус магнітудою 7,5.",
     "en", "In less than 12 hours, a second powerful earthquake with a 7.5 magnitude shook "
     "southeastern Turkey.",
     ["less than 12 hours", "2nd", "7.5"]),
    ("uk", "Анкара відкрила закритий понад 30 років перехід, через який пройшли вантажівки з "
     "гуманітарною допомогою від Вірменії.",
     "en", "Ankara opened a crossing that had been closed for more than 30 years, through which "
     "trucks with humanitarian aid from Armenia passed.",
     ["more than 30 years"]),
    ("uk", "Надзвичайний саміт Євросоюзу пройде 9-10 лютого в Брюсселі.",
     "en", "An extraordinary EU summit will be held on February 9-10 in Brussels.",
     ["--02-09/--02-10"]),
    ("uk", "31 хвилин (и) тому", "en", "31 minute(s) ago", ["31 minutes ago"]),
]  # fmt: skip


def _all_matched(src: list[Quantity], tgt: list[Quantity]) -> list[str]:
    """Source quantities without a "same" partner (one-to-one) in the target."""
    free = list(tgt)
    missing = []
    for q in src:
        partner = next((t for t in free if q.compare(t).verdict == "same"), None)
        if partner is None:
            missing.append(str(q))
        else:
            free.remove(partner)
    return missing


@pytest.mark.parametrize(("src_lang", "src", "tgt_lang", "tgt", "expected"), SAMPLE,
                         ids=[row[1][:40] for row in SAMPLE])  # fmt: skip
def test_translation_keeps_every_quantity(src_lang, src, tgt_lang, tgt, expected) -> None:
    found = extract_quantities(src, src_lang)
    assert [str(q) for q in found] == expected
    assert _all_matched(found, extract_quantities(tgt, tgt_lang)) == []


def test_a_changed_number_is_caught() -> None:
    src = extract_quantities("The UK's commitment to Afghanistan is £286 million this year.", "en")
    tgt = extract_quantities("英国今年对阿富汗的承诺达到 28.6 亿英镑。", "zh-cn")
    assert _all_matched(src, tgt) == ["£286 million"]
    money = next(q for q in src if q.kind == "money")
    verdicts = [money.compare(t) for t in tgt if t.kind == "money"]
    assert verdicts[0].verdict == "different" and verdicts[0].ratio == pytest.approx(10.0)


@pytest.mark.parametrize(("pair", "src_name", "src_lang", "tgt_name", "tgt_lang", "floor"), [
    ("en-zh", "en.txt", "en", "zh.a.txt", "zh-cn", 0.85),
    ("en-zh", "zh.a.txt", "zh-cn", "zh.b.txt", "zh-cn", 0.90),
    ("uk-en", "uk.txt", "uk", "en.a.txt", "en", 0.88),
])  # fmt: skip
def test_match_rate_on_the_shared_parallel_data(
    pair, src_name, src_lang, tgt_name, tgt_lang, floor
) -> None:
    found = matched = 0
    for doc in parallel_docs(pair):
        src_lines = (doc / src_name).read_text(encoding="utf-8").splitlines()
        tgt_lines = (doc / tgt_name).read_text(encoding="utf-8").splitlines()
        for s, t in zip(src_lines, tgt_lines, strict=False):
            qs = extract_quantities(s, src_lang)
            found += len(qs)
            matched += len(qs) - len(_all_matched(qs, extract_quantities(t, tgt_lang)))
    assert found > 100
    assert matched / found >= floor
