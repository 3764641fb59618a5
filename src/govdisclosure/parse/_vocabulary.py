"""The words the parser knows, as data: page chrome, header labels, measure words, role and fact cues.

Everything wording-dependent lives here, so that supporting another portal's chrome or another agency's
phrasing is an edit of a list, not of code.
"""

from __future__ import annotations

import re
from typing import Final

from govdisclosure.model import HEADER_FIELDS
from govdisclosure.model import OTHER_HEADER_LABELS as MODEL_OTHER_HEADER_LABELS

# -------------------------------------------------------------------------------------------------
# Page chrome: lines a portal prints around the document. A line is chrome when, with its white space
# removed, it is one of CHROME_LINES, or matches one of CHROME_PATTERNS, or is made only of
# CHROME_TOKENS (separated by spaces, |, / or brackets, as in 【打印】【关闭】 or 打印本页 关闭窗口).

CHROME_LINES: Final = frozenset(
    {
        "附件下载",
        "相关附件",
        "扫一扫在手机上查看当前页面",
        "扫一扫在手机打开当前页",
        "扫一扫在手机上打开当前页",
        "扫一扫",
        "手机扫一扫",
        "相关解读",
        "文字解读",
        "图片解读",
        "视频解读",
        "访谈解读",
        "媒体报道",
        "政策解读",
        "相关链接",
        "相关文章",
        "相关信息",
        "分享",
        "分享到",
        "分享到:",
        "分享到：",
        "微信",
        "微博",
        "QQ空间",
        "网站地图",
        "联系我们",
        "无障碍",
        "无障碍浏览",
        "长者模式",
        "English",
        "首页",
        "【我要纠错】",
        "我要纠错",
        "纠错",
        "[]",
        "【】",
    }
)

CHROME_TOKENS: Final = frozenset(
    {
        "打印",
        "打印本页",
        "打印此页",
        "打印文章",
        "我要打印",
        "关闭",
        "关闭窗口",
        "关闭本页",
        "返回",
        "返回顶部",
        "返回首页",
        "顶部",
        "收藏",
        "加入收藏",
        "收藏本页",
        "保存",
        "保存本页",
        "分享",
        "纠错",
        "我要纠错",
        "字号",
        "字体",
        "大",
        "中",
        "小",
        "默认",
        "大字号",
        "中字号",
        "小字号",
    }
)

CHROME_PATTERNS: Final = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            r"^【?(?:字号|字体)[:：]?[大中小默认]*】?(?:[|｜]?[大中小默认])*】?$",
            r"^(?:分享到|分享至)[:：]",
            r"^(?:当前位置|您现在的位置|您的位置|你的位置|所在位置)[:：]",
            r"^(?:上一篇|下一篇|上一条|下一条)[:：]",
            r"^(?:浏览次数|访问次数|阅读次数|点击数|点击次数|访问量)[:：]?\d*次?$",
            r"^[—\-－–]+\d+[—\-－–]+$",  # a page number — 1 — from a PDF
            r"^(?:版权所有|主办单位|承办单位|技术支持|网站标识码|ICP备案|[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]ICP备)",
        )
    )
)

# Chrome that portals print at the end of a header line (来源:… 时间:… 【字号：大 中 小】): cut from values.
INLINE_CHROME_TAIL: Final = re.compile(
    r"[\s\u3000]*(?:【[^】\n]{0,20}】|[\[［](?:打印|关闭|收藏|字号|字体)[^\]］\n]{0,12}[\]］]"
    r"|(?:字号|字体)[:：]?[\s\u3000]*[大中小](?:[\s\u3000|｜]*[大中小])*|打印本页|关闭窗口|分享到[:：]?.*"
    r"|(?:字号|字体)(?:大小)?[:：]?[\s\u3000]*[【\[［]?[\s\u3000]*[\]］】]?)+$"
)

# Characters a portal puts before a line as a list bullet (dropped from the line's start).
BULLETS: Final = "•·●○◆◇■□▪▫►▶▸◦∙"

# -------------------------------------------------------------------------------------------------
# Header labels (页面元数据). Spaces inside a label are tolerated (索 引 号). Each maps to a Header field.

HEADER_LABELS: Final = HEADER_FIELDS
OTHER_HEADER_LABELS: Final = MODEL_OTHER_HEADER_LABELS

# -------------------------------------------------------------------------------------------------
# Roles (章节类别), by the wording of a heading or of a block's opening paragraph.

PROBLEM_WORDS: Final = re.compile(
    r"存在|问题|不足|差距|困难|薄弱|短板|不够|不到位|有待|亟待|欠缺|滞后"
)
PLAN_WORDS: Final = re.compile(r"计划|下一步|改进|打算|工作思路|工作安排|努力方向|展望|今后")
# A block opens a plan when it starts (within its first few characters) with one of these.
PLAN_OPENINGS: Final = re.compile(r"下一步|明年|今后|新的一年|下一年")

# -------------------------------------------------------------------------------------------------
# Facts

# Measure words (量词) a count is written with, longest first so that 人次 wins over 人.
MEASURE_WORDS: Final = (
    "部(份)",
    "部（份）",
    "人次",
    "件次",
    "个次",
    "条次",
    "份次",
    "批次",
    "万份",
    "项",
    "个",
    "条",
    "件",
    "份",
    "部",
    "幅",
    "次",
    "人",
    "家",
    "期",
    "篇",
    "场",
    "批",
    "台",
    "本",
    "册",
    "张",
    "处",
    "种",
    "类",
    "名",
    "户",
    "起",
    "宗",
    "套",
    "块",
    "所",
    "轮",
    "章",
    "节",
    "课",
)

# Words before a counted thing that are not part of it (verbs, adverbs, 其中): stripped from the left of the
# clause, longest first, repeatedly (共清理出相关的规章制度 → 规章制度).
SUBJECT_PREFIXES: Final = tuple(
    sorted(
        {
            "其中",
            "共",
            "共计",
            "合计",
            "总计",
            "累计",
            "历年",
            "今年",
            "本年",
            "全年",
            "年内",
            "已",
            "均",
            "还",
            "并",
            "又",
            "另",
            "新增",
            "涉及",
            "包括",
            "包含",
            "清理",
            "清理出",
            "梳理",
            "梳理出",
            "相关的",
            "相关",
            "制作",
            "绘制",
            "编写",
            "发放",
            "投入",
            "收取",
            "下达",
            "拨付",
            "安排",
            "制定",
            "出台",
            "完善",
            "修订",
            "修改",
            "建立",
            "健全",
            "排查",
            "排查出",
            "查找",
            "查找出",
            "公开",
            "发布",
            "公布",
            "主动公开",
            "受理",
            "办理",
            "收到",
            "答复",
            "处理",
            "印发",
            "编制",
            "编印",
            "开展",
            "组织",
            "举办",
            "召开",
            "参加",
            "培训",
            "达到",
            "达",
            "有",
            "为",
            "是",
            "及时",
            "准确",
            "了",
            "和",
            "及",
            "与",
            "、",
        },
        key=len,
        reverse=True,
    )
)

# Subjects of money that only say "amount" (金额): the money has no subject then.
GENERIC_MONEY_SUBJECTS: Final = frozenset(
    {"金额", "总金额", "总额", "资金", "共计", "合计", "总计"}
)

# The power inventory (行政权力清理)
POWER_MATTERS: Final = re.compile(r"权[力利]|职权")
POWER_RULES: Final = re.compile(r"规章|制度|规范性文件")
POWER_RULES_VERBS: Final = re.compile(r"清理|梳理")
POWER_FLOWCHARTS: Final = re.compile(r"流程图")
POWER_DOCUMENTS: Final = re.compile(r"制度|文件")
POWER_DOCUMENTS_VERBS: Final = re.compile(r"制定|出台|完善|修订|建立|健全")

# The integrity-risk review (廉政风险点排查)
RISK_POINTS: Final = re.compile(r"风险点|风险")
RISK_MEASURES: Final = re.compile(r"措施")
RISK_HIGH: Final = re.compile(r"^(?:高级|高风险|高|一级)")
RISK_MEDIUM: Final = re.compile(r"^(?:中级|中风险|中|二级)")
RISK_LOW: Final = re.compile(r"^(?:低级|低风险|低|三级)")

# Where an inventory was published: 均已在…发布
# Greedy: the place runs to the last verb of the clause (…权力公开透明运行网发布 is one place, then 发布).
PUBLISHED_ON: Final = re.compile(
    r"(?:均已|已|均|并|同时)在([^，,；;。：:]{2,40})上?(?:发布|公布|公开|公示|上线)"
)

# Disclosure figures (信息公开情况)
DISCLOSURE_VERBS: Final = re.compile(r"公开|发布|公布")
DISCLOSURE_UNITS: Final = frozenset({"条", "件", "篇", "期"})
CUMULATIVE_WORDS: Final = re.compile(r"历年|至今|以来累计|总量")
AS_OF: Final = re.compile(
    r"(?:截至|截止)(?:到|至)?[^，,；;。]{1,15}?(?:底|末|为止|止)?(?=[，,；;。]|累计|共|全年|本年|今年)"
)
FOCUS_AREAS: Final = re.compile(
    r"重点(?:抓好|做好|推进|公开了?|围绕|突出|加强)?([^，,；;。：:]{2,200}?)等(?:方面|领域|内容|重点)?的?(?:政府)?信息(?:的)?(?:公开)?"
)
PROJECT_SUBJECT: Final = re.compile(r"项目$")

# Channels (公开渠道): 以…为主, 以…为辅
CHANNELS_PRIMARY: Final = re.compile(r"以([^，,；;。：:以]{2,200}?)为主(?:渠道|阵地|平台)?")
CHANNELS_AUXILIARY: Final = re.compile(r"以([^，,；;。：:以]{2,200}?)为(?:辅|补充)")
# A channel is named as one: the list must mention at least one of these.
CHANNEL_WORDS: Final = re.compile(
    r"网|平台|栏|政务|媒体|微博|微信|公众号|公报|报刊|报纸|电视|广播|热线|APP|客户端|门户|渠道|短信|载体|大厅|新闻发布"
)
CHANNEL_TAIL: Final = re.compile(r"等(?:载体|平台|渠道|方式|形式|途径|媒介|媒体)?$")

# The work plan (工作计划)
PRINCIPLES: Final = re.compile(
    r"(?:本着|坚持|遵循|秉持|按照)([^，,；;。：:]{2,100}?)的(?:工作)?原则"
)

# -------------------------------------------------------------------------------------------------
# The statutory tables (表二、表三、表四). Their labels come from the model (each format's labels verbatim);
# here is only how real pages depart from them. Labels are compared after normalisation (NFKC, so full-width
# and half-width （）() ：: ，, agree; white space removed, so 商业 企业 is 商业企业; “”"" alike; 1、 as 1.).

# Known typos of real reports, as (wrong, right) fragments of a normalised label: a label that matches once
# the fragment is replaced is read as that label, with a diagnostic (GP501).
TABLE_LABEL_TYPOS: Final = (
    ("内容事务", "内部事务"),  # 5.属于三类内容事务信息 (长春市二道区房屋征收工作管理办公室, 2022)
    (
        "只计这一情况",
        "只计这一情形",
    ),  # （二）部分公开（区分处理的，只计这一情况，…） (the same report)
)

# Shortened or reworded labels of real reports: variant → the label as the format prints it (GP501).
TABLE_LABEL_VARIANTS: Final[dict[str, str]] = {
    "（二）部分公开": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "本年收费金额": "本年收费金额（单位：万元）",
}

# A cell containing this word is table 三's top-left corner (its wording varies: 勾稽关系 is constant).
TABLE_CORNER_WORD: Final = "勾稽关系"

# A label that is neither exact nor a known typo or variant is read as the label of its table it is most
# similar to, when their similarity (difflib's ratio on the normalised texts) is at least this: one wrong
# character in seven (4.保护第三方合法权利 is 0.91). Two distinct labels of one table and format are at most
# 0.75 similar (一、本年新收… and 二、上年结转…; tested), so no label can be taken for another. Block titles
# of table 二 (第二十条第（五）项 …) differ by one character and are matched exactly only.
TABLE_LABEL_SIMILARITY: Final = 0.85

# A page has statutory tables only if its text has one of these (a | of a flattened table, or a word every
# table prints, in simplified or traditional characters): pages without are not searched for tables.
TABLE_ANCHORS: Final = (
    "|",
    "｜",
    "\t",
    "自然人",
    "信息内容",
    "信息內容",
    "第二十条",
    "第二十條",
    "勾稽",
    "行政复议",
    "行政復議",
)

# Cells that mean "nothing reported" without a figure: read as blank (None), without a diagnostic.
TABLE_BLANK_MARKS: Final = frozenset({"-", "--", "—", "——", "/", "\\", "－", "／", "─"})
