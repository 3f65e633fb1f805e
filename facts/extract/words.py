"""Closed word classes of Vietnamese news text: small, fixed, part of the grammar."""
from __future__ import annotations

# Approximators before a number, longest first within a class where it matters.
APPROX_WORDS: dict[str, str] = {
    "hơn": "more_than", "trên": "more_than", "vượt": "more_than", "ngoài": "more_than",
    "dưới": "less_than", "chưa đến": "less_than", "chưa tới": "less_than",
    "chưa đầy": "less_than", "không đến": "less_than", "ít hơn": "less_than",
    "khoảng": "about", "xấp xỉ": "about", "chừng": "about", "khoảng chừng": "about",
    "ước tính": "about", "ước khoảng": "about",
    "gần": "nearly", "gần như": "nearly", "suýt": "nearly",
    "ít nhất": "at_least", "tối thiểu": "at_least", "không dưới": "at_least",
    "tới": "up_to", "lên tới": "up_to", "lên đến": "up_to", "tối đa": "up_to",
}

SCALES: dict[str, int] = {
    "nghìn": 10**3, "ngàn": 10**3, "vạn": 10**4, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9,
    "nghìn tỷ": 10**12, "ngàn tỷ": 10**12, "nghìn tỉ": 10**12, "ngàn tỉ": 10**12,
}

# "hàng chục" etc.: at least that many.
VAGUE_COUNTS: dict[str, int] = {
    "hàng chục": 10, "hàng trăm": 100, "hàng nghìn": 1000, "hàng ngàn": 1000,
    "hàng vạn": 10_000, "hàng triệu": 1_000_000, "hàng chục nghìn": 10_000,
    "hàng chục ngàn": 10_000, "hàng trăm nghìn": 100_000, "hàng trăm ngàn": 100_000,
}

NUMBER_WORDS: dict[str, int] = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "bẩy": 7,
    "tám": 8, "chín": 9, "mười": 10,  # "năm" is left out: it is also "year"
}

CURRENCIES: dict[str, str] = {
    "đồng": "VND", "VNĐ": "VND", "VND": "VND", "vnđ": "VND", "đ": "VND",
    "USD": "USD", "đô la Mỹ": "USD", "đô la": "USD", "đôla": "USD", "đô-la": "USD",
    "Đô la Mỹ": "USD", "đô": "USD", "$": "USD", "US$": "USD",
    "Euro": "EUR", "euro": "EUR", "EUR": "EUR", "€": "EUR",
    "yên": "JPY", "Yên": "JPY", "JPY": "JPY", "won": "KRW", "Won": "KRW", "KRW": "KRW",
    "nhân dân tệ": "CNY", "NDT": "CNY", "CNY": "CNY", "bảng Anh": "GBP", "GBP": "GBP",
}

# Words that end the noun phrase after a number (the unit of a quantity).
UNIT_STOP = {
    "đã", "được", "và", "với", "của", "cho", "tại", "trong", "từ", "về", "như", "là", "có",
    "để", "nhằm", "theo", "đến", "lên", "xuống", "sẽ", "đang", "này", "đó", "bao", "gồm",
    "qua", "tham", "gia", "thực", "hiện", "trên", "tích", "cực", "vừa", "mới", "cũng", "mà",
    "thì", "nên", "nhưng", "hoặc", "hay", "so", "khi", "vào", "ra", "bị", "do", "bởi", "mô",
    "hình", "trước", "sau", "nay", "đây", "kia", "tới", "còn", "đều", "vẫn", "luôn", "rất",
    "hơn", "nhất", "thêm", "nữa", "ở", "làm", "việc", "triển", "khai", "tổ", "chức", "đạt",
}

# Words after which a number is a code or an ordinal, not a count.
CODE_WORDS = {"phần", "số", "khóa", "khoá", "mã", "điều", "khoản", "chương", "mục", "tầng",
              "lô", "phòng", "thứ", "hạng", "cấp", "tuyến", "kỳ", "đợt", "lần", "quận", "phường",
              "tổ", "ấp", "đường", "quốc", "lộ", "đoạn", "covid", "sars", "cov", "h5n1", "type", "loại"}

TITLES = [
    "Phó Thủ tướng Thường trực", "Phó Thủ tướng", "Thủ tướng", "Tổng Bí thư", "Phó Bí thư",
    "Bí thư", "Chủ tịch nước", "Phó Chủ tịch nước", "Phó Chủ tịch", "Chủ tịch", "Bộ trưởng",
    "Thứ trưởng", "Tổng Giám đốc", "Phó Tổng Giám đốc", "Phó Giám đốc", "Giám đốc",
    "Phó Viện trưởng", "Viện trưởng", "Phó Cục trưởng", "Cục trưởng", "Phó Vụ trưởng",
    "Vụ trưởng", "Chánh Văn phòng", "Chánh văn phòng", "Phó Chánh văn phòng", "Phó Trưởng ban",
    "Trưởng ban", "Trưởng phòng", "Phó Trưởng phòng", "Trưởng khoa", "Phó Trưởng khoa",
    "Phó Hiệu trưởng", "Hiệu trưởng", "Đại sứ", "Trưởng Đại diện", "Trưởng đại diện",
    "Điều phối viên", "Ủy viên", "Uỷ viên", "Tổng Thư ký", "Tổng thư ký", "Phó Chủ nhiệm",
    "Chủ nhiệm", "Trưởng đoàn", "Phó Trưởng đoàn", "Người phát ngôn", "Tổng thống",
    "Chuyên gia", "Trưởng Ban", "Phó Trưởng Ban", "Chánh Thanh tra", "Phó Giám đốc Sở",
    "Giám đốc Sở", "Trưởng Công an", "Tư lệnh", "Phó Tư lệnh", "Chánh án", "Viện trưởng",
    "Trưởng trạm", "Trạm trưởng", "Trưởng khoa", "Điều dưỡng trưởng",
]

HONORIFICS = [
    "GS.TSKH", "GS.TS.", "GS.TS", "GS. TS.", "GS. TS", "PGS.TS.", "PGS.TS", "PGS. TS.",
    "PGS. TS", "TS.BSCKII", "TS.BSCKI", "TS.BS", "TS. BS", "ThS.BSCKII", "ThS.BS", "ThS. BS",
    "BSCKII", "BSCKI", "BS.CKII", "BS.CKI", "BS.", "BS", "TS.", "TS", "ThS.", "ThS", "GS.",
    "PGS.", "GS", "PGS", "TSKH", "CN.", "KS.", "DS.", "Bác sĩ", "Bác sỹ", "bác sĩ", "bác sỹ",
    "Dược sĩ", "dược sĩ", "Kỹ sư", "Luật sư", "luật sư", "Nhà báo", "nhà báo", "Điều dưỡng",
    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá",
    "Trung tá", "Thiếu tá", "Đồng chí", "đồng chí", "Ông", "ông", "Bà", "bà", "Anh", "anh",
    "Chị", "chị", "Cụ", "cụ", "Ngài", "ngài", "Giáo sư", "giáo sư", "Tiến sĩ", "tiến sĩ",
    "Thạc sĩ", "thạc sĩ", "Phó Giáo sư", "Nghệ sĩ", "Nhà văn", "Mr.", "Ms.", "Mrs.", "Dr.",
]
# Courtesy words that are also ordinary words: a name must follow in two or more parts.
WEAK_HONORIFICS = {"Anh", "anh", "Chị", "chị", "Cụ", "cụ", "Điều dưỡng"}

# Head nouns that begin an organisation's name (longest first when matched).
ORG_HEADS = [
    "Ban Chấp hành Trung ương", "Ban chấp hành Trung ương", "Ban Chấp hành", "Ban chấp hành",
    "Ban Thường vụ", "Ban thường vụ", "Ban Quản lý", "Ban quản lý", "Ban Chỉ đạo",
    "Ban chỉ đạo", "Ban Tuyên giáo", "Ban Tổ chức", "Ban Kinh tế", "Ban Dân vận",
    "Ủy ban nhân dân", "Uỷ ban nhân dân", "UBND", "Hội đồng nhân dân", "HĐND",
    "Mặt trận Tổ quốc", "Bộ Chính trị", "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thành uỷ",
    "Huyện ủy", "Huyện uỷ", "Đảng ủy", "Đảng uỷ", "Đảng bộ",
    "Tổng cục", "Tổng hội", "Tổng công ty", "Tổng Công ty", "Tổng liên đoàn", "Tổng Liên đoàn",
    "Bộ", "Sở", "Cục", "Vụ", "Viện", "Bệnh viện", "Trường", "Đại học", "Học viện",
    "Ngân hàng", "Hội", "Hiệp hội", "Liên hiệp", "Ủy ban", "Uỷ ban", "Ban", "Trung tâm", "Quỹ",
    "Tổ chức", "Liên minh", "Liên đoàn", "Công ty", "Tập đoàn", "Phái đoàn", "Văn phòng",
    "Đại sứ quán", "Tổng Lãnh sự quán", "Lãnh sự quán", "Cơ quan", "Thanh tra", "Kho bạc",
    "Tòa án", "Toà án", "Viện kiểm sát", "Công an", "Bộ Tư lệnh", "Quân khu", "Hội đồng",
    "Phòng khám", "Trạm Y tế", "Trạm y tế", "Tạp chí",
    "Nhà xuất bản", "Câu lạc bộ", "Liên hiệp quốc", "Hợp tác xã", "Chi cục", "Trung ương Hội",
    "Trung ương Đoàn",
]
# Heads that may be followed by lowercase words before the capitalised name
# ("Ban Chấp hành …", "Trạm y tế xã …") are in ORG_HEADS with that casing.
# Representations abroad keep "tại <place>" in their name.
ORG_HEADS_WITH_PLACE = {"Phái đoàn", "Đại sứ quán", "Văn phòng", "Cơ quan", "Tổng Lãnh sự quán",
                        "Lãnh sự quán", "Văn phòng đại diện"}
# Words that, before a head noun, make the mention plural or generic.
GENERIC_BEFORE = {"các", "những", "nhiều", "mọi", "mỗi", "từng", "một", "số", "vài"}
# Function words that never end an organisation's name as its last syllable.
TRAIL_STOP = {
    "đã", "được", "và", "với", "của", "cho", "tại", "trong", "từ", "về", "như", "là", "có",
    "để", "nhằm", "theo", "đến", "sẽ", "đang", "này", "đó", "cũng", "mà", "thì", "khi", "vào",
    "ra", "bị", "do", "ông", "bà", "các", "những", "một", "vì", "bằng", "cùng", "đều", "vẫn",
    "rất", "ở", "lên", "xuống", "qua", "trên", "dưới", "sau", "trước", "nay", "không", "chưa",
}
# Lowercase words that never continue an organisation's name.
ORG_STOP = UNIT_STOP | {
    "ông", "bà", "anh", "chị", "tổ", "chức", "ký", "kết", "trao", "tặng", "phối", "hợp",
    "đánh", "giá", "phát", "biểu", "nhấn", "mạnh", "cho", "biết", "ghi", "nhận", "khẳng",
    "định", "chỉ", "đạo", "tiếp", "làm", "thăm", "chúc", "mừng", "gặp", "họp",
    "các", "những", "một", "tập", "trung", "đưa", "ban", "hành", "hỗ", "trợ",
    "thác", "nhận", "chủ", "trì", "thông", "tin", "đồng", "hành", "quan", "tâm", "nay",
    "vì", "bằng", "sự", "nỗ", "lực", "lãnh", "đạo", "thành", "lập", "sẽ", "cùng", "bố",
}

ADMIN_WORDS: dict[str, str] = {
    "tỉnh": "province", "Tỉnh": "province", "thành phố": "province", "Thành phố": "province",
    "TP.": "province", "TP": "province", "Tp.": "province",
    "huyện": "district", "Huyện": "district", "quận": "district", "Quận": "district",
    "thị xã": "district", "Thị xã": "district",
    "xã": "commune", "Xã": "commune", "phường": "commune", "Phường": "commune",
    "thị trấn": "commune", "Thị trấn": "commune",
    "vùng": "region", "Vùng": "region", "miền": "region", "Miền": "region",
    "thôn": "other", "ấp": "other", "bản": "other", "làng": "other",
}

DOC_TYPES = [
    "Thông tư liên tịch", "Nghị quyết liên tịch", "Nghị quyết", "Quyết định", "Chỉ thị",
    "Thông tư", "Nghị định", "Luật", "Pháp lệnh", "Kế hoạch", "Công văn", "Thông báo",
    "Kết luận", "Hướng dẫn", "Quy định", "Công điện", "Văn bản", "Tờ trình", "Lệnh",
]
# Document type from the code in a number ("2348/QĐ-TTg").
DOC_CODES = {
    "NQ": "Nghị quyết", "QĐ": "Quyết định", "CT": "Chỉ thị", "TT": "Thông tư",
    "NĐ": "Nghị định", "KH": "Kế hoạch", "CV": "Công văn", "TB": "Thông báo", "KL": "Kết luận",
    "HD": "Hướng dẫn", "QH": "Luật", "TTLT": "Thông tư liên tịch", "CĐ": "Công điện",
    "QyĐ": "Quy định", "UBTVQH": "Pháp lệnh",
}
