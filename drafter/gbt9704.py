"""Every number drafter takes from GB/T 9704-2012《党政机关公文格式》, in one place.

Each constant names its clause.  Units: twips (1/20 pt) unless the name says otherwise;
``MM`` converts millimetres to twips.  Nothing else in drafter may hard-code a layout number:
the writer, the inspector and the PDF measurer all read them from here.
"""
from __future__ import annotations

# --- units ------------------------------------------------------------------------------
TWIPS_PER_PT = 20
MM_PER_PT = 25.4 / 72
EMU_PER_MM = 36000


def mm(value: float) -> int:
    """Millimetres -> twips (rounded)."""
    return round(value / MM_PER_PT * TWIPS_PER_PT)


def twips_to_mm(value: float) -> float:
    return value / TWIPS_PER_PT * MM_PER_PT


def emu(mm_value: float) -> int:
    return round(mm_value * EMU_PER_MM)


# --- font sizes (§3, table of 号) in points ------------------------------------------------
SIZE_2HAO = 22.0      # 2号: title (§7.3.1)
SIZE_3HAO = 16.0      # 3号: body and most elements (§5.2.2)
SIZE_4HAO = 14.0      # 4号: 版记 (§7.4.2) and page numbers (§7.5)
FONT_SIZES = {"初号": 42, "小初": 36, "1号": 26, "小1": 24, "2号": 22, "小2": 18, "3号": 16, "小3": 15, "4号": 14}

# --- paper and 版心 (§5.1, §5.2.1) ---------------------------------------------------------
PAGE_WIDTH_MM = 210.0                  # §5.1 A4
PAGE_HEIGHT_MM = 297.0
PAGE_WIDTH = 11906                     # twips
PAGE_HEIGHT = 16838
MARGIN_TOP_MM = 37.0                   # §5.2.1 天头
MARGIN_LEFT_MM = 28.0                  # §5.2.1 订口
TYPE_AREA_WIDTH_MM = 156.0             # §5.2.1 版心 156 mm × 225 mm (不含页码)
TYPE_AREA_HEIGHT_MM = 225.0
MARGIN_TOP = 2098                      # 37.01 mm
MARGIN_LEFT = 1588                     # 28.01 mm
TYPE_AREA_WIDTH = 8844                 # 156.01 mm
TYPE_AREA_HEIGHT = 12756               # 225.00 mm
MARGIN_RIGHT = PAGE_WIDTH - MARGIN_LEFT - TYPE_AREA_WIDTH     # 1474 = 26.0 mm
MARGIN_BOTTOM = PAGE_HEIGHT - MARGIN_TOP - TYPE_AREA_HEIGHT   # 1984 = 35.0 mm
TYPE_AREA_RIGHT_MM = MARGIN_LEFT_MM + TYPE_AREA_WIDTH_MM      # 184
TYPE_AREA_BOTTOM_MM = MARGIN_TOP_MM + TYPE_AREA_HEIGHT_MM     # 262
MARGIN_TOLERANCE_MM = 1.0              # §5.2.1 allows ±1 mm; §6.1 版心 error ≤ 1 mm
HEADER_DISTANCE = 851                  # 15 mm; nothing is printed in the header

# --- grid (§5.2.3: 一般每面排22行，每行排28个字，并撑满版心) -------------------------------------------
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
LINE_PITCH = TYPE_AREA_HEIGHT // LINES_PER_PAGE   # 579 twips = 28.95 pt; 580 would fit 21 lines
LINE_PITCH_MM = TYPE_AREA_HEIGHT_MM / LINES_PER_PAGE  # 10.227 mm, the ideal pitch
CHAR_PITCH_MM = TYPE_AREA_WIDTH_MM / CHARS_PER_LINE   # 5.571 mm
# Run character spacing, in twentieths of a point: 16 pt − 0.3 pt = 15.7 pt per character, so
# 28 characters (439.6 pt) fit in 442.2 pt and 29 do not.  Valid range −5 … −15 (spec §1 P7, G3/G4).
CHAR_SPACING = -6
CHAR_SPACING_RANGE = (-15, -5)

# --- 字 (§3.1): the width of one 汉字 of the size in question ---------------------------------
ZI_3HAO = round(SIZE_3HAO * TWIPS_PER_PT)   # 320 twips
ZI_4HAO = round(SIZE_4HAO * TWIPS_PER_PT)   # 280 twips
FIRST_LINE_INDENT = 2 * ZI_3HAO             # §7.3.3 每个自然段左空二字 = 640 twips

# --- colours (§5.2.4, §7.2.4, §10.1) ---------------------------------------------------------
RED = "FF0000"
BLACK = "000000"

# --- 信函格式 (§10.1) ----------------------------------------------------------------------
LETTER_FLAG_TOP_MM = 30.0              # 发文机关标志上边缘距上页边 30 mm
LETTER_FLAG_SIZE_PT = 26.0             # size "由发文机关酌定" — drafter default, shrunk to fit
LETTER_FLAG_MIN_SIZE_PT = 18.0
LETTER_LINE_LENGTH_MM = 170.0          # 双线长 170 mm, centred on the 版心
LETTER_LINE_GAP_BELOW_FLAG_MM = 4.0    # 标志下 4 mm 处 上粗下细 双线
LETTER_BOTTOM_LINE_FROM_EDGE_MM = 20.0  # 下页边 20 mm 处 上细下粗 双线
LETTER_THICK_LINE_PT = 1.5             # widths are not in the standard (spec §13: practice)
LETTER_THIN_LINE_PT = 0.5
LETTER_DOUBLE_LINE_DISTANCE_MM = 1.0   # centre distance between the two strokes (practice)
SEVEN_EIGHTHS_3HAO_MM = SIZE_3HAO * 7 / 8 * MM_PER_PT   # 4.94 mm: gap under the double line
LETTER_DOC_NUMBER_LINE = 2             # 发文字号 sits on body grid line 2 (spec §11)
TITLE_GAP_LINES = 2                    # §7.3.1/§10.1: title 2 lines below the element above

# --- 通用格式 版头 (§7.2) ---------------------------------------------------------------------
FILE_FLAG_TOP_MM = MARGIN_TOP_MM + 35.0   # §7.2.4 上边缘至版心上边缘为 35 mm
FILE_FLAG_SIZE_PT = 36.0                  # practice: 小初; shrunk to fit the 版心 width
FILE_FLAG_MIN_SIZE_PT = 22.0
FILE_FLAG_WORD = "文件"                    # §7.2.4 发文机关全称或者规范化简称后加“文件”二字
# §7.2.4 联合行文: the organs' names stacked (主办机关 first), each spread to the widest (分散对齐), and
# "文件" right of them, centred on them top to bottom.  Spacing is the issuer's: drafter's practice
FLAG_JOINT_LINE_EM = 1.2                  # one name's line to the next, in flag sizes
FLAG_JOINT_GAP_ZI = 1                     # between the names and "文件", in flag characters
FLAG_BOX_SLACK_MM = 1.0                   # drafter: a joint 标志's boxes this much wider than their text
FILE_SEPARATOR_GAP_MM = 4.0               # §7.2.7 发文字号之下 4 mm 处 红色分隔线, 与版心等宽
FILE_SEPARATOR_PT = 1.0                   # thickness not in the standard (practice 1–1.5 pt)
SIGNER_RIGHT_INDENT = ZI_3HAO             # §7.2.6 签发人 居右空一字
SIGNERS_PER_LINE = 2                      # §7.2.6 一般每行排两个姓名，回行时与上一行第一个签发人姓名对齐

# --- page 1: what room the 主送机关 and the body have (§7.3.2) ----------------------------------
# grid lines above the title: 函 发文字号 on line 2 + TITLE_GAP_LINES; 文件 flag 35 mm down, flag,
# 发文字号, separator and 2 lines (measured on LO 7.4: title on line 11); a web copy starts with it
PAGE1_LINES_ABOVE_TITLE = {"函": LETTER_DOC_NUMBER_LINE + TITLE_GAP_LINES, "文件": 10, "无": 0}
TITLE_CHARS_PER_LINE = int(TYPE_AREA_WIDTH_MM / (SIZE_2HAO * MM_PER_PT))   # 20 字 of 2号
ADDRESSEE_GAP_LINES = 1                   # §7.3.2 主送机关 标题下空一行
DOC_NUMBER_LEFT_INDENT_UP = ZI_3HAO       # §7.2.5 上行文 发文字号 居左空一字

# --- signature block (§7.3.5) -------------------------------------------------------------
SIG_RIGHT_INDENT_ZI = 2          # §7.3.5.2 署名 右空二字
SIG_DATE_OFFSET_ZI = 2           # 成文日期首字比署名首字右移二字
SIG_SEALED_DATE_RIGHT_ZI = 4     # §7.3.5.1 成文日期 右空四字
SIG_BLANK_LINES = 1              # §7.3.5.2 正文（或附件说明）下空一行
SIG_SEALED_BLANK_LINES = 3       # practice for a 42 mm seal (spec §13)
# §7.3.5.1 联合行文 with seals: the names side by side in rows (整齐排列), a seal pressing each, the
# last seal pressing the last name and the date; seals 互不相交或相切, each row's seals within the 版心
SEAL_DIAMETER_MM = 42.0          # practice: a 县/乡 organ's seal (spec S1 and §13: "a 42 mm seal")
SEAL_DIAMETER = mm(SEAL_DIAMETER_MM)
SEAL_GAP = ZI_3HAO               # drafter: one 字 between two seals, so that they visibly do not touch
SIG_JOINT_NAME_GAP = ZI_3HAO     # drafter: at least one 字 between two names on a row
# name rows one seal and one gap apart, in whole grid lines: ceil((42 mm + 1 字) / 10.2 mm) = 5
SIG_JOINT_ROW_LINES = -(-(SEAL_DIAMETER + SEAL_GAP) // LINE_PITCH)

# --- 版记 (§7.4) ----------------------------------------------------------------------------
COLOPHON_THICK_RULE = 8          # eighths of a point: 1 pt ≈ 0.35 mm 推荐 (§7.4.1)
COLOPHON_THIN_RULE = 6           # 0.75 pt ≈ 0.25 mm
COLOPHON_INDENT = ZI_4HAO        # 左右各空一字 (§7.4.2, §7.4.3)

# --- tables (GB/T 9704 is silent on tables in the body; drafter follows 公文 practice) --------------
TABLE_SIZE_PT = SIZE_4HAO        # cells 仿宋 4号 by default (a setting: 格式.表格字号)
TABLE_SIZES_PT = (14.0, 12.0, 10.5)   # 4号, 小4, 5号: a table too wide for its size is set one smaller
TABLE_MIN_SIZE_PT = 10.5         # 5号: the smallest drafter sets; a table still too wide is refused (FZ044)
TABLE_LINE_EM = 1.5              # a cell's lines, exact, in cell font sizes
TABLE_CELL_PAD = 85              # 1.5 mm of white left and right of a cell's text (twips)
TABLE_RULE = 4                   # single black borders of 0.5 pt (eighths of a point)
TABLE_WIDTH = TYPE_AREA_WIDTH    # inside the 版心: at most 156 mm wide
TABLE_MIN_COLUMN_ZI = 2          # a column is at least two characters of its size wide (a “数量” unbroken)

# --- 附件 (§7.3.7, §8) -------------------------------------------------------------------------
ATTACHMENT_TITLE_LINE = 3        # §7.3.7 附件标识 on the 版心's first line, the title on its third
# §8 横排表格: a landscape page whose 版心 lies where a portrait page's does on the sheet (turned, the
# table's head toward the 订口 on odd pages and the 切口 on even ones: the sheet's left edge); margins
# of the landscape page, reading it: top = 订口, bottom = the right white, left = the foot, right = 天头
LANDSCAPE_MARGIN_TOP = MARGIN_LEFT
LANDSCAPE_MARGIN_BOTTOM = MARGIN_RIGHT
LANDSCAPE_MARGIN_LEFT = MARGIN_BOTTOM
LANDSCAPE_MARGIN_RIGHT = MARGIN_TOP
LANDSCAPE_TYPE_AREA_WIDTH = TYPE_AREA_HEIGHT     # 225 mm
LANDSCAPE_FOOTER_DISTANCE = 283                  # 5 mm: the footer holds only the page number's anchor

# --- page numbers (§7.5) ------------------------------------------------------------------
PAGE_NUMBER_SIZE_PT = SIZE_4HAO         # 4号半角宋体阿拉伯数字
PAGE_NUMBER_DASH = "\u2014"             # 一字线 on each side: "— 1 —"
PAGE_NUMBER_BELOW_TYPE_AREA_MM = 7.0    # 一字线距版心下边缘 7 mm
PAGE_NUMBER_SIDE_INDENT = ZI_4HAO       # 单页码居右空一字，双页码居左空一字
# LibreOffice puts an exact 14 pt footer line's em box 265.6–270.5 mm with footer=1446 (spec §6 N3);
# 1390 puts the 一字线 at 269 mm.  Measured in tests/test_layout_pdf.py.
FOOTER_DISTANCE = 1390

# --- renderer calibration (measured on LibreOffice 7.4; spec §11) ---------------------------------
# Glyph box top of 16 pt text below the top of its exact 28.95 pt line: first body line at 39.05 mm.
GLYPH_TOP_IN_LINE_MM = 2.05
# The flag's text box top is raised by this fraction of the flag size so that the glyph box top,
# not the box, is 30 mm (§10.1) / 72 mm (§7.2.4) from the top edge.
FLAG_GLYPH_OFFSET_EM = -0.2
# LibreOffice adds this much (× font size) at every change between CJK and Latin script: it ignores
# w:autoSpaceDE/DN.  Measured: 3.5 pt at 16 pt between "2024" and "年".
LO_SCRIPT_SPACE_EM = 0.219

# --- text rules ---------------------------------------------------------------------------
DOC_NUMBER_BRACKETS = ("\u3014", "\u3015")   # §7.2.5 六角括号 〔〕
HEADING_MARKERS = ("一、", "（一）", "1.", "（1）")  # §7.3.3 结构层次序数
