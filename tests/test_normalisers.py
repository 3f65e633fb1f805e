"""Normalisers of the extractor: numbers, money, dates and ranges, document numbers."""
import pytest

from facts.extract.dates import find_dates
from facts.extract.legal import find_legal
from facts.extract.numbers import number_value, parse_number
from facts.extract.numeric import find_money, find_percentages, find_quantities


@pytest.mark.parametrize("text,value", [
    ("8.900", "8900"), ("8.300.000", "8300000"), ("1,52", "1.52"), ("21,5", "21.5"),
    ("26", "26"), ("28,4", "28.4"), ("1.000.000,5", "1000000.5"), ("0,05", "0.05"),
])
def test_numbers(text, value):
    assert number_value(text) == value


def test_dot_decimal_before_scale_word():
    assert number_value("1.5", "tỉ") == "1500000000"
    assert number_value("800", "nghìn") == "800000"
    assert number_value("2", "nghìn tỷ") == "2000000000000"
    assert parse_number("abc") is None


def one(cands):
    assert len(cands) == 1, cands
    return cands[0]


@pytest.mark.parametrize("text,span,value,currency,approx", [
    ("ngân sách là 8.300.000 Euro thông qua", "8.300.000 Euro", "8300000", "EUR", "exact"),
    ("đã trao 3 tỷ đồng hỗ trợ", "3 tỷ đồng", "3000000000", "VND", "exact"),
    ("tổng số tiền lên tới 3 tỷ đồng với", "lên tới 3 tỷ đồng", "3000000000", "VND", "up_to"),
    ("dự án đạt 1,52 tỷ USD, trong", "1,52 tỷ USD", "1520000000", "USD", "exact"),
    ("cho Việt Nam khoảng 300 triệu đô la Mỹ, trong", "khoảng 300 triệu đô la Mỹ", "300000000", "USD", "about"),
    ("vốn vay 1.5 tỉ đồng", "1.5 tỉ đồng", "1500000000", "VND", "exact"),
    ("giá 500.000 VNĐ một", "500.000 VNĐ", "500000", "VND", "exact"),
    ("hơn 2 nghìn tỷ đồng", "hơn 2 nghìn tỷ đồng", "2000000000000", "VND", "more_than"),
])
def test_money(text, span, value, currency, approx):
    c = one(find_money(text))
    assert (text[c.start:c.end], c.value, c.fields["currency"], c.fields["approx"]) == (
        span, value, currency, approx)


def test_money_ignores_dong_as_a_word():
    assert find_money("cộng đồng 5 đồng bộ") == []
    assert find_money("có 26 trạm y tế") == []


@pytest.mark.parametrize("text,span,value,approx", [
    ("đã có 76% trạm", "76%", "76", "exact"),
    ("chiếm 28,4%.", "28,4%", "28.4", "exact"),
    ("chiếm khoảng 30%.", "khoảng 30%", "30", "about"),
    ("tăng 15 phần trăm so", "15 phần trăm", "15", "exact"),
    ("lãi suất 1.5% một năm", "1.5%", "1.5", "exact"),
])
def test_percentages(text, span, value, approx):
    c = one(find_percentages(text))
    assert (text[c.start:c.end], c.value, c.fields["approx"]) == (span, value, approx)


@pytest.mark.parametrize("text,span,value,approx,unit", [
    ("Hơn 8.900 cán bộ y tế cơ sở đã được", "Hơn 8.900", "8900", "more_than", "cán bộ y tế cơ sở"),
    ("gần 800 nghìn người dân được sàng lọc", "gần 800 nghìn", "800000", "nearly", "người dân"),
    ("gần như 1.600 trạm y tế được", "gần như 1.600", "1600", "nearly", "trạm y tế"),
    ("cử hàng nghìn lượt cán bộ đã", "hàng nghìn", "1000", "at_least", "lượt cán bộ"),
    ("hàng chục bệnh viện đã", "hàng chục", "10", "at_least", "bệnh viện"),
    ("mỗi trạm có ít nhất một bác sĩ cơ hữu;", "ít nhất một", "1", "at_least", "bác sĩ cơ hữu"),
    ("triển khai 26 trạm y tế xã/phường mô hình", "26", "26", "exact", "trạm y tế xã/phường"),
    ("tại 13 tỉnh dự án như", "13", "13", "exact", "tỉnh dự án"),
])
def test_quantities(text, span, value, approx, unit):
    c = one(find_quantities(text))
    assert (text[c.start:c.end], c.value, c.fields["approx"], c.fields["unit"]) == (
        span, value, approx, unit)


@pytest.mark.parametrize("text", [
    "thuộc Hợp phần 3 của dự án", "ứng dụng Y360 mới",
    "đại dịch COVID-19 vừa qua", "một số địa phương", "một trong những", "giai đoạn 3 Chương trình",
    "số giường bệnh trên 1 vạn dân",
])
def test_not_quantities(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text,span,value", [
    ("06/12/2024 | 14:38 PM", "06/12/2024 | 14:38 PM", "2024-12-06T14:38"),
    ("02/07/2025 | 08:27 PM", "02/07/2025 | 08:27 PM", "2025-07-02T20:27"),
    ("Ngày 06/12/2024, tại Hà Nội", "Ngày 06/12/2024", "2024-12-06"),
    ("Chiều 14/01/2025 tại", "Chiều 14/01/2025", "2025-01-14"),
    ("kết thúc vào 31/12/2024.", "31/12/2024", "2024-12-31"),
    ("hiệu lực từ tháng 5/2020, có", "tháng 5/2020", "2020-05"),
    ("Phấn đấu đến năm 2030, mỗi", "năm 2030", "2030"),
    ("Từ năm 2013, EU đã", "năm 2013", "2013"),
    ("của dự án trong 2017-2018 về", "2017-2018", "2017/2018"),
    ("giai đoạn 2021-2025; các", "2021-2025", "2021/2025"),
    ("trong 3 năm (từ 2022 đến 2023) hướng", "từ 2022 đến 2023", "2022/2023"),
    ("Từ năm 2010 đến 2016, tổng vốn", "Từ năm 2010 đến 2016", "2010/2016"),
    ("đầu năm 2025, Bệnh viện", "đầu năm 2025", "2025"),
    ("ký ngày 16.6.2017 tại", "ngày 16.6.2017", "2017-06-16"),
    ("từ 1-11-2014 đến", "1-11-2014", "2014-11-01"),
    ("ngày 6 tháng 10 năm 2024", "ngày 6 tháng 10 năm 2024", "2024-10-06"),
])
def test_dates(text, span, value):
    c = one(find_dates(text))
    assert (text[c.start:c.end], c.value) == (span, value)


@pytest.mark.parametrize("text,year,span,value", [
    ("Ngày 6/10, tại Hà Nội", None, "Ngày 6/10", "--10-06"),
    ("Sáng 7-12, Bộ Y tế", None, "Sáng 7-12", "--12-07"),
    ("Sáng 7-12, Bộ Y tế", 2018, "Sáng 7-12", "2018-12-07"),
    ("ngày 10.2 tới", 2025, "ngày 10.2", "2025-02-10"),
    ("ngày 9-5 vừa qua", None, "ngày 9-5", "--05-09"),
])
def test_dates_without_year(text, year, span, value):
    c = one(find_dates(text, year))
    assert (text[c.start:c.end], c.value) == (span, value)


def test_durations_and_fractions_are_not_dates():
    assert find_dates("sau 2 năm triển khai, 2/3 số xã") == []


@pytest.mark.parametrize("text,span,value,doc_type,issuer,date", [
    ("thực hiện Nghị quyết số 20-NQ/TW ngày 25/10/2017 của", "Nghị quyết số 20-NQ/TW ngày 25/10/2017",
     "20-NQ/TW", "Nghị quyết", "TW", "2017-10-25"),
    ("như Quyết định 2348/QĐ-TTg năm 2016 của", "Quyết định 2348/QĐ-TTg năm 2016", "2348/QĐ-TTg",
     "Quyết định", "TTg", "2016"),
    ("Thông tư số 52/2024/TT-BYT ban hành", "Thông tư số 52/2024/TT-BYT", "52/2024/TT-BYT",
     "Thông tư", "BYT", ""),
    ("theo Nghị định 30/2020/NĐ-CP về", "Nghị định 30/2020/NĐ-CP", "30/2020/NĐ-CP", "Nghị định", "CP", ""),
    ("Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của", "Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025",
     "02-KH/BCĐTW", "Kế hoạch", "BCĐTW", "2025-06-19"),
    ("văn bản số 123/QĐ-BYT của Bộ", "123/QĐ-BYT", "123/QĐ-BYT", "Quyết định", "BYT", ""),
])
def test_legal_references(text, span, value, doc_type, issuer, date):
    c = one(find_legal(text))
    assert (text[c.start:c.end], c.value, c.fields["doc_type"], c.fields["issuer"],
            c.fields["date"]) == (span, value, doc_type, issuer, date)


def test_document_named_without_number_is_not_a_reference():
    assert find_legal("theo Nghị quyết của Đảng về y tế") == []
