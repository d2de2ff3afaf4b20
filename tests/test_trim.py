"""The one trimmer: words the conventions leave outside an INDICATOR span, numbers never cut."""

from __future__ import annotations

import pytest

from extract.document import Span
from extract.tagger.trim import snap_to_numbers, trim_indicator, trim_phases


def trimmed(text: str, phases=None) -> str:
    s = trim_indicator(text, Span("INDICATOR", 0, len(text)), phases)
    return text[s.start:s.end]


@pytest.mark.parametrize("name, expected", [
    ("争取到市级财政资金", "市级财政资金"),    # hand-down verb (rule 59)
    ("计划使用财政资金", "财政资金"),
    ("部门年初预算", "年初预算"),             # scope words (rule 69)
    ("年中调整预算", "调整预算"),
    ("实施清洁取暖", "清洁取暖"),             # verbs and scope the conventions leave out (issue 16's examples)
    ("确定农村危房改造", "农村危房改造"),
    ("市直养护里程", "养护里程"),
    ("中央下达优抚对象生活补助资金", "优抚对象生活补助资金"),
    ("飞机飞行时长≥", "飞机飞行时长"),           # a comparator is the target's
    ("设备安装验收合格率至少", "设备安装验收合格率"),   # … written in words too (train e43)
    ("设备使用年限不低于", "设备使用年限"),
    ("满意度达到", "满意度"),                # linking word after the name
    ("资金到位率为", "资金到位率"),
    (" 培训人次 ", "培训人次"),
    ("下达", "下达"),                       # never trimmed below two characters
    ("实际支出", "实际支出"),               # stage verbs stay
    ("案件侦办费用支出", "案件侦办费用"),     # 支出 as the verb after a fee (seed 000, train c13) …
    ("人员经费支出", "人员经费"),
    ("一般公共预算基本支出", "一般公共预算基本支出"),   # … not as the head of a kind of spending
    ("节约民警资金支出", "节约民警资金支出"),
    ("及连接线养护费", "连接线养护费"),       # a conjunction or 含 left before the name (train a19, a12) …
    ("含结转", "结转"),
    ("及格率", "及格率"),                     # … not 及格, 及时, 含量
    ("及时率", "及时率"),
    ("含量", "含量"),
    ("仅有民警编制数", "民警编制数"),          # train b01, b04
    ("成功转化邪教人员", "转化邪教人员"),
    ("成功率", "成功率"),
    ("总经费约需", "总经费"),                  # an estimate's 约 (train c07), not the end of 节约
    ("资金节约", "资金节约"),
    ("下達(dá)補助資金", "補助資金"),           # the words matched in traditional characters, across glosses (train e19)
    ("(dá)我區(qū)補助資金", "補助資金"),        # … and a gloss cut from the word before
    ("补助资金下达我区", "补助资金"),          # the hand-down after a fund's name (train e09) …
    ("實際下達", "實際下達"),                  # … not after a stage word
    ("全市婚检率", "婚检率"),               # scope and time words of real prose (dev reports a03, c10, e25)
    ("我国城市化率", "城市化率"),
    ("年底追加预算资金", "追加预算资金"),
    ("已使用资金", "资金"),
    ("我省服务业发展资金", "服务业发展资金"),     # train a17, e44, b07, a10, b02
    ("本级项目资金", "本级项目资金"),           # 本级 names the level of the funds (train b03)
    ("底实际领取待遇人数", "实际领取待遇人数"),   # a remnant of 年底
    ("农村公路危桥改造、", "农村公路危桥改造"),
    ("指标金额是", "指标金额"),
    ("底数", "底数"),                           # the remnant pattern needs two characters after it
    ("無人機(jī)", "無人機"),                    # a gloss after the last character stays out (GUIDELINES 79)
    ("初我局申请预算资金", "申请预算资金"),      # a 年初 remnant before a scope word (dev e25)
    (".洗车费", "洗车费"),                      # the point of a list number (4.洗车费, dev e39)
    ("有城市道路", "城市道路"),                  # 有 as a verb (dev c10, train b15) …
    ("有效投诉处理率", "有效投诉处理率"),        # … not the start of 有效 or 有害
    ("有害生物防治费", "有害生物防治费"),
    ("采購(gòu)激流救生衣", "采購(gòu)激流救生衣"),   # … one inside stays
])
def test_every_indicator_loses_these(name, expected):
    assert trimmed(name) == expected


@pytest.mark.parametrize("name, expected", [
    ("全市项目资金", "资金"),
    ("2024年度资金使用率", "资金使用率"),
    ("年项目资金实际执行率", "项目资金实际执行率"),   # phase 2 strips 年 only
    ("办案差旅费支出", "办案差旅费"),
    ("全年", ""),                             # nothing left: no indicator
])
def test_baseline_phases(name, expected):
    assert trimmed(name, trim_phases("baseline")) == expected


@pytest.mark.parametrize("text, span, expected", [
    ("共20000元", Span("MONEY", 2, 7), "20000元"),
    ("共20000元", Span("MONEY", 1, 3), "20000"),
    ("达100%", Span("PERCENT", 1, 5), "100%"),
    ("发放补助资金三百万元", Span("MONEY", 7, 10), "三百万元"),      # a Chinese numeral cut off by the model
    ("培训一百二十人", Span("QUANTITY", 3, 7), "一百二十人"),
    ("完成1部宣传片,2套方案", Span("QUANTITY", 8, 10), "2套"),       # a comma after a word is no digit group
    ("维修费5次*5000=25000元", Span("MONEY", 6, 17), "25000元"),    # a reckoning: its result is the value
    ("图书20000册*25=500000元", Span("MONEY", 9, 19), "500000元"),
    ("目标=100%", Span("TARGET", 2, 7), "=100%"),                    # a target's = is its comparator
    ("报刊1000种*15=15000元", Span("TARGET", 8, 17), "15000元"),     # … but not a = after digits
    ("汽油20次*500=10000元", Span("MONEY", 6, 10), "500"),           # an operand loses its =
    ("市級財政252萬元;其他萬元", Span("MONEY", 4, 14), "252萬元"),     # a value ends at a clause's end
    ("资金1,000万元，其中", Span("MONEY", 2, 11), "1,000万元"),         # … not at a thousands comma
    ("完成3、5号楼", Span("QUANTITY", 2, 5), "3"),
    ("26.31万元，占比75%", Span("PERCENT", 8, 13), "75%"),          # a value opens with its number
    ("共约100万元", Span("MONEY", 1, 7), "100万元"),                 # 约 stays outside (GUIDELINES 62)
    ("收容近百头", Span("QUANTITY", 2, 5), "百头"),
    ("按户籍人口万分之六", Span("PERCENT", 5, 9), "万分之六"),        # a Chinese numeral opens it
    ("设备故障率低于5%", Span("TARGET", 6, 9), "低于5%"),             # a target takes in the comparator it cut
    ("目录......................28", Span("TARGET", 2, 26), "28"),   # no value opens with a contents line's leader
    ("长4 段,长", Span("TARGET", 4, 6), ",长"),                      # … a mark before no number stays (no value)
    ("覆盖率85%左右", Span("TARGET", 3, 8), "85%左右"),
    ("全年支出１，２３４．５６万元，执行率", Span("MONEY", 4, 14), "１，２３４．５６万元"),  # a full-width thousands comma
    ("经综合评价，本项目自评得分95.", Span("QUANTITY", 13, 16), "95"),   # the sentence's full stop is no decimal point
    ("州市170.18170.\n3、18", Span("MONEY", 2, 12), "170.18170."),      # … a point before a wrapped number stays
    ("实际完成320小时。", Span("QUANTITY", 4, 8), "320小时"),          # a unit word cut in two is taken whole
    ("飞行时长≥300小时", Span("TARGET", 4, 9), "≥300小时"),
    ("补助15.5万元", Span("MONEY", 2, 7), "15.5万元"),
    ("培训100人次", Span("QUANTITY", 2, 6), "100人次"),
    ("发放35万人次", Span("MONEY", 2, 5), "35万"),                    # … and 人次 no money unit
    ("完成3平方", Span("QUANTITY", 2, 5), "3平方"),                   # the text does not go on with the unit
])
def test_value_spans_never_cut_a_number(text, span, expected):
    s = snap_to_numbers(text, span)
    assert text[s.start:s.end] == expected


@pytest.mark.parametrize("text, value, ok", [
    ("预算100万元", "100万元", True),
    ("资金总额 35", "35", True),
    ("一百二十人", "一百二十人", True),
    ("点击查看>> 万元", ">> 万元", False),                # no numeral
    ("索引号:jyj/1606877482923", "1606877482923", False),  # a code after its label
    ("联系电话:13800138000", "13800138000", False),
    ("统一编码 421002", "421002", False),
    ("编号：2021", "2021", False),
    ("合计 123456789", "123456789", False),              # nine digits: a code, never an amount
    ("合计 12345678", "12345678", True),
    ("邮政编码|410011\n项", "410011\n项", False),          # a code, the next line's first word taken as its unit
    ("完成52\n万吨", "52\n万吨", True),                    # a value wrapped before its unit
    ("表1 项目支出绩效自评表", "1 项", False),               # the number of a table, an annex, a page
    ("附表2 部门整体支出绩效自评表", "2 部", False),
    ("详见附件3", "3", False),
    ("第 3 页 共 5 页", "5 页", False),
    ("人大代表3名", "3名", True),                          # a count after a word that ends in 表
    ("发表论文3篇", "3篇", True),
    ("更换智能水表200个", "200个", True),                  # a meter, a form: counts
    ("发放调查表300份", "300份", True),
    ("详见表2", "2", False),
    ("预算执行\n(E/C×100%)\n", "100%", False),           # a formula's factor
    ("执行率=执行数/预算数*100%", "100%", False),
    ("每人500元×120人发放", "120人", True),                 # a count after a multiplication sign
    ("列次 0 1 2 3 4 5 6 7 所需材料", "7", False),          # the numbers of a form's columns
    ("栏次\t1\t2\t3", "3", False),
    ("| 列次 | 1 | 2 | 3 |", "2", False),
    ("资金总额 行次 1 52.80", "52.80", True),              # an amount after the row's number
    ("列次说明 共3项", "3项", True),
    ("完成率100%", "100%", True),
    ("联系电话\n0817-5123456\n", "5123456", False),       # a phone number after its area code
    ("项目负责人\n0838\n", "0838", False),                # a leading zero: a code, never an amount
    ("预算单位代码\n\t301005\n", "301005", False),        # a code under its label, one cell per line
    ("功能科目\n\n2130301\n", "2130301", False),
    ("全年预算数\n\t301005\n", "301005", True),           # an amount under its column head
    ("资金\n0.5", "0.5", True),
    ("发布日期：2024-03-15    浏览次数：236", "236", False),  # a web page's counter
    ("第1页/共6页", "6页", False),                          # a page mark
    ("预 算 编 码: 106006\n", "106006", False),            # a code label spread over its cell
    ("郵  編\n\n414100\n", "414100", False),              # … in traditional characters, the code below it
    ("填报日期:2023.03.15   联系电话", "2023.03.15", False),  # a day written with dots
    ("计划开始时间 计划完成时间\n2017.01 2017.03 疫物质采购", "2017.01", False),  # two months side by side: dates
    ("计划开始时间 计划完成时间\n2017.01 2017.03 疫物质采购", "2017.03", False),
    ("服务周期2023.07-2024.01,全市", "2024.01", False),     # a period
    ("年度资金总额\n2030.12\n2030.12\n", "2030.12", True),  # an amount that looks like a month, alone
    ("结束日期:  2021 年 12  月31日", "12", False),          # a part of a date
    ("结束日期:  2021 年 12  月31日", "2021", False),
    ("2021年度部门预算", "2021", False),
    ("起止时间 2021年   1    月起至", "1", False),  # a form's padding inside a date
    ("起止时间 2021年   1    月起至     2021    年    12   月止", "12", False),
    ("发布日期 2024-09-26 12:55:40 发文单位", "40", False),          # a time of day
    ("发布时间：09:53 浏览", "53", False),
    ("配套比例为1:1，补助3:00前到账的50户", "50户", True),
    ("自评得分9.5：10", "10", True),                              # a score over its points, no time of day
    ("分值 | 20 | 年度指标值", "20", True),                   # points before the next cell's 年度
    ("100%20年度績效指標", "20", True),
    ("州市170.18170.\n3、18", "170.18170.", False),          # two decimal points: glued cells, no one value
    ("796.8317796.8317796.8317", "796.8317796.8317796.8317", False),
    ("||||\n30226 勞務費 |\n50,000.00 |", "30226", False),  # an account code before its name, opening its cell
    ("其中:1、运行维护经费\n\n          2专项资金\n", "2", False),  # a list's number before its name
    ("||||\n30226 勞務費 |\n50,000.00 |", "50,000.00", True),
    ("支出总额\n\n1274.38\n\n基本支出", "1274.38", True),   # an amount, the next cell's name on the next line
    ("完成情况\n5 个\n", "5 个", True),                          # a unit after one space
    ("1.完成培训\n3.开展宣传", "3.", False),                        # a list's number with its mark
    ("1.完成培训\n3.开展宣传", "1", False),
    ("可行性论证充分5(10)绩效目标明确性", "10", True),                # points in brackets after a number: no list
    ("经综合评价，本项目自评得分95.", "95", True),
    ("年度资金总额 2030.12 2030.12 1925.67 10 94.85% 9.9", "2030.12", True),  # amounts alike: a budget, no period
    ("单位：万元\n年度资金总额 2019.12 2019.12 2019.12 10 100% 10", "2019.12", True),
    ("办结时限 | ≤15日 | 12 日 | 10 | 10", "12 日", True),          # a day count, no date's day
    ("建设期3年", "3", True),                                      # a duration, no year
    ("4)加强管理", "4)", False),
    ("完成3.5公里", "3.5公里", True),
])
def test_codes_and_numberless_spans_are_no_values(text, value, ok):
    from extract.tagger import is_value_text

    start = text.rindex(value)
    assert is_value_text(text, start, start + len(value)) is ok


def test_an_indicator_ends_where_its_widened_value_starts():
    from extract.document import Document
    from extract.pipeline import add_entities
    doc = Document("n", "发放补助资金三百万元。")
    add_entities(doc, [Span("INDICATOR", 0, 7), Span("MONEY", 7, 10)])
    assert [(e.label, e.text) for e in doc.entities] == [("INDICATOR", "发放补助资金"), ("MONEY", "三百万元")]
    assert doc.entities[1].attrs["yuan"] == 3_000_000


@pytest.mark.parametrize("text, start, end, expected", [
    ("全部办结，办结率和满意率均为100%", 1, 13, "办结率和满意率"),            # a name is one clause (dev 004)
    ("其中年初预算（综治、平安建设经费）36万元", 7, 17, "年初预算（综治、平安建设经费）"),   # its bracket and the word before
    ("，解决“五小工程”问题150余件", 5, 11, "解决“五小工程”问题"),          # a closing quote takes in its opening one
    ("发放1-4级分散供养残疾军人护理费3.89万元", 5, 17, "1-4级分散供养残疾军人护理费"),   # a grade range opens the name
    ("指标2群众对脱毒种薯的认知度", 3, 14, "群众对脱毒种薯的认知度"),          # a row label's number does not
    ("轉移支付至縣(區)2364.88", 0, 9, "轉移支付至縣(區)"),                 # balanced brackets stay as they are
    ("2021年我委年初预算（综治、平安建设经费）36万元", 12, 22, "年初预算（综治、平安建设经费）"),   # not the year's 年
    ("泥沙量明显减少;保土率达到80%", 7, 11, "保土率"),                     # an ASCII semicolon ends a clause
    ("我国城市化率首次突破60%", 0, 8, "城市化率"),                         # 首次 after the name
    ("开展各类平安创建活动260余次", 2, 10, "平安创建活动"),
    ("其中年初预算资金数为100元", 3, 9, "年初预算资金数"),          # 年初预算 is a kind of budget (dev b14)
    ("1、、道班房维修费10万元", 1, 9, "道班房维修费"),                  # a list's marks before the name
    ("| 培训人数 | 500人", 0, 6, "培训人数"),                         # a cell's bar
    ("开展城乡环境卫生整治次数20次", 3, 12, "城乡环境卫生整治次数"),      # a name opens at a word's start
    ("全年电子商务进农村示范资金300万元", 3, 13, "电子商务进农村示范资金"),
    ("养老金领取人数全年平均数10.2万人", 4, 12, "领取人数全年平均数"),
    ("我局局领导出国经费3万元", 2, 9, "局领导出国经费"),                # jieba's guesses (局局) join no word
    ("年初我局申请预算资金20万元", 1, 10, "申请预算资金"),               # a word the trimmer drops stays its to drop
    ("完成中小河流治理工程3处", 6, 10, "中小河流治理工程"),               # the nouns before it are its phrase
    ("完成小型水库工程维修养护12座", 6, 12, "小型水库工程维修养护"),
    ("东至县申请基础养老金补贴461.76万元", 3, 12, "申请基础养老金补贴"),   # not a place (scope) …
    ("市文化馆事业编制核定数35名", 4, 11, "事业编制核定数"),             # … an institution …
    ("3条建制村通双车道18.8公里", 2, 9, "建制村通双车道"),              # … a classifier …
    ("2023年度项目绩效目标审核得分95分", 8, 16, "绩效目标审核得分"),     # … a time word or the project
    ("城管执法支队拆除违法建筑面积1.2万平方米", 6, 14, "拆除违法建筑面积"),   # … a unit's name (review)
    ("我局部门预算执行率达到95%", 2, 9, "预算执行率"),                    # jieba's 局部 across 我局 | 部门 (review)
])
def test_model_indicators_are_mended_at_their_start(text, start, end, expected):
    """As the pipeline does: mended, then trimmed (其中 goes)."""
    from extract.tagger.trim import repair_indicator
    s = trim_indicator(text, repair_indicator(text, Span("INDICATOR", start, end)))
    assert text[s.start:s.end] == expected


@pytest.mark.parametrize("name, expected", [
    ("办结率和满意率", ["办结率", "满意率"]),                       # dev 004: two names, one value
    ("覆盖率及资金到位率", ["覆盖率", "资金到位率"]),
    ("覆盖率、到位率和满意率", ["覆盖率", "到位率", "满意率"]),
    ("城乡低保、特困供养、临时救助项目", ["城乡低保、特困供养、临时救助项目"]),   # one name: its parts are no names
    ("中央和省级财政资金", ["中央和省级财政资金"]),
])
def test_coordinated_names_are_split(name, expected):
    from extract.tagger.trim import split_coordinated
    assert [name[s.start:s.end] for s in split_coordinated(name, Span("INDICATOR", 0, len(name)))] == expected


def test_the_nearest_of_two_coordinated_names_takes_the_value():
    from extract.pipeline import run_text
    doc = run_text("群众信访件全部办结，办结率和满意率均为100%。", "c")
    by = doc.entity_by_id()
    assert [(by[r.head].text, r.slot, by[r.tail].text) for r in doc.relations] == [("满意率", "actual", "100%")]


@pytest.mark.parametrize("text, start, end, expected", [
    ("其中：一般公共预算基本支出13246.78万元", 3, 11, "一般公共预算基本支出"),   # a kind of spending keeps its head
    ("其他项目支出654.32万元", 0, 4, "其他项目支出"),
    ("一般公共预算财政拨款收入24716万元", 0, 10, "一般公共预算财政拨款收入"),
    ("办案差旅费支出9.9万元", 0, 5, "办案差旅费"),                            # a fee is spent: 支出 is the verb
])
def test_a_kind_of_spending_keeps_its_head_word(text, start, end, expected):
    from extract.tagger.trim import repair_indicator
    s = trim_indicator(text, repair_indicator(text, Span("INDICATOR", start, end)))
    assert text[s.start:s.end] == expected


@pytest.mark.parametrize("text", ["经济效益方面农民人均增收1200元", "产出数量方面新建蔬菜大棚120座"])
def test_a_name_a_model_began_with_a_section_word_takes_in_no_category_before_it(text):
    """经济效益 | 方面…: the category before a section word stays out of the name, so prose levels can read it (review)."""
    from extract.tagger.trim import repair_indicator
    start = text.index("方面")
    s = repair_indicator(text, Span("INDICATOR", start, start + 8))
    assert s.start == start
