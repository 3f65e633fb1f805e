"""New entity candidates, the document-level pass and name boundaries, on sentences made up
for these tests (none is taken from an article)."""
import pytest

from facts.extract import default_extractor
from facts.extract.content import analyse


@pytest.fixture(scope="module")
def ex():
    return default_extractor()


def ents(ex, text, kind):
    return [f.text for f in ex.extract(text).facts if f.kind == kind]


# -- candidates ----------------------------------------------------------------------
def test_kinship_word_and_one_syllable(ex):
    text = "Hôm qua, anh Tùng đi làm về muộn và cháu Bình ở nhà một mình."
    assert ents(ex, text, "person") == ["Tùng", "Bình"]


def test_initials(ex):
    text = "Nạn nhân là chị N.T.H. (32 tuổi). Sau đó chị H. được đưa đi cấp cứu."
    assert ents(ex, text, "person") == ["N.T.H.", "H."]


def test_feature_word_places_and_streets(ex):
    text = ("Xe chạy dọc sông Cầu Vồng rồi rẽ vào đường Lê Văn Tám, đến nút giao Trần Bình An "
            "thì dừng trước số 12 Hoàng Văn Lộc.")
    assert ents(ex, text, "location") == ["sông Cầu Vồng", "đường Lê Văn Tám", "Trần Bình An",
                                          "Hoàng Văn Lộc"]
    assert ents(ex, text, "person") == []  # streets named after people are places there


def test_lowercase_and_abbreviated_heads(ex):
    text = "Ông Lê Văn Tâm làm việc cho công ty Hoa Sen, còn vợ ông điều trị tại BVĐK Hòa Bình."
    orgs = ents(ex, text, "organization")
    assert "công ty Hoa Sen" in orgs and "BVĐK Hòa Bình" in orgs


def test_a_lowercase_head_before_a_place_alone_is_a_kind(ex):
    assert ents(ex, "Nhiều doanh nghiệp Nhật Bản đến thăm.", "organization") == []


def test_departments(ex):
    text = "Bệnh nhân được chuyển tới Khoa phục hồi chức năng rồi sang Đơn nguyên Sơ sinh."
    orgs = ents(ex, text, "organization")
    assert "Khoa phục hồi chức năng" in orgs and "Đơn nguyên Sơ sinh" in orgs


def test_head_with_an_administrative_word(ex):
    text = "Theo đó, UBND tỉnh yêu cầu các đơn vị khẩn trương thực hiện."
    assert ents(ex, text, "organization") == ["UBND tỉnh"]


def test_programme_office_after_any_title(ex):
    text = "Bà Lê Thu Hà, Điều phối viên Chương trình Nước sạch Miền Trung, phát biểu."
    assert "Chương trình Nước sạch Miền Trung" in ents(ex, text, "organization")


# -- the document-level pass -----------------------------------------------------------
def test_given_name_and_short_form_later(ex):
    text = ("Ông Nguyễn Văn Hải, Giám đốc Sở Y tế, cho biết. Sau đó ông Hải nói thêm. "
            "Bà Trần Thị Thu Trang đồng ý; Thu Trang đề nghị họp lại.")
    people = ents(ex, text, "person")
    assert people == ["Nguyễn Văn Hải", "Hải", "Trần Thị Thu Trang", "Thu Trang"]


def test_foreign_family_name_later(ex):
    text = "Ông John Miller đến Hà Nội hôm qua. Tại buổi họp, Miller nói sẽ quay lại."
    assert ents(ex, text, "person") == ["John Miller", "Miller"]


def test_given_name_not_the_syllable_of_a_word(ex):
    text = "Ông Lê Văn Nhân phát biểu. Nhân dân trong vùng ủng hộ."
    assert ents(ex, text, "person") == ["Lê Văn Nhân"]


def test_organisation_named_later_without_its_head(ex):
    text = "Bệnh nhân nhập Bệnh viện Hồng Phúc. Hai ngày sau được chuyển lên Hồng Phúc điều trị."
    assert ents(ex, text, "organization") == ["Bệnh viện Hồng Phúc", "Hồng Phúc"]


def test_place_named_later_without_its_administrative_word(ex):
    text = "Mưa lớn ở huyện Tân Lạc từ đêm qua. Nông dân Tân Lạc lo mất mùa."
    assert ents(ex, text, "location") == ["huyện Tân Lạc", "Tân Lạc"]


def test_bracketed_acronym_used_later(ex):
    text = "Hiệp hội Cà phê Miền Núi (HCMN) họp. Sau đó HCMN cho biết sẽ tăng giá."
    orgs = ents(ex, text, "organization")
    assert orgs == ["Hiệp hội Cà phê Miền Núi (HCMN)", "HCMN"]


# -- boundaries --------------------------------------------------------------------------
def test_trailing_syllable_only_where_it_makes_a_word(ex):
    orgs = ents(ex, "Bộ Y tế tổ chức hội nghị tại Hà Nội.", "organization")
    assert orgs == ["Bộ Y tế"]
    orgs = ents(ex, "Sở Nông nghiệp và Phát triển nông thôn tỉnh Hòa Bình cho biết.", "organization")
    assert orgs == ["Sở Nông nghiệp và Phát triển nông thôn tỉnh Hòa Bình"]


def test_internal_joiners(ex):
    orgs = ents(ex, "Theo Sở LĐ-TB&XH Hòa Bình, số lao động tăng.", "organization")
    assert orgs == ["Sở LĐ-TB&XH Hòa Bình"]
    orgs = ents(ex, "Sinh viên Trường Đại học Kinh tế - Luật tham gia.", "organization")
    assert orgs == ["Trường Đại học Kinh tế - Luật"]


def test_a_dash_before_a_place_ends_the_name(ex):
    text = "Sáng nay, TAND huyện Tân Lạc - Hòa Bình xét xử vụ án."
    assert ents(ex, text, "organization") == ["TAND huyện Tân Lạc"]


def test_number_and_country_after_a_name(ex):
    assert ents(ex, "Bệnh nhân chuyển về Bệnh viện Quân đội 108 ngay.", "organization") == [
        "Bệnh viện Quân đội 108"]
    text = "Chính phủ Nhật Bản viện trợ thiết bị."
    assert ents(ex, text, "organization") == ["Chính phủ Nhật Bản"]
    assert ents(ex, text, "location") == []


def test_outlet_with_its_type(ex):
    assert ents(ex, "Trả lời Báo Tuổi Trẻ, ông cho biết.", "organization") == ["Báo Tuổi Trẻ"]


# -- the story's edges, found by structure ------------------------------------------------------
def test_story_begins_at_the_headline_over_the_date_line():
    text = ("Widget\nMục khác\nTiêu đề bài viết\n01/02/2024 | 10:00 AM\n"
            "Ngày 1/2, Bộ Y tế họp bàn về dịch bệnh.\n")
    (s, _), = analyse(text).content
    assert text[s:].startswith("Tiêu đề bài viết")


def test_story_ends_at_its_source_line_and_before_links():
    text = ("Tiêu đề\nBộ Y tế họp bàn về dịch bệnh.\nNguồn: baomau.vn\nBình chọn\nÝ kiến của bạn\n")
    content = analyse(text).content
    assert text[content[-1][0]:content[-1][1]].endswith("Nguồn: baomau.vn")
    text = ("Tiêu đề\nBộ Y tế họp bàn về dịch bệnh.\nTin khác\n- Một tin khác\n- Tin thứ hai\n")
    content = analyse(text).content
    assert text[content[-1][0]:content[-1][1]].endswith("dịch bệnh.")


def test_a_credit_under_a_picture_does_not_end_the_story(ex):
    """`Nguồn: …` ends the story where nothing but furniture follows; under a picture, with
    the story's sentences going on after it, it is a credit and the story goes on."""
    story = ["Bão số 3 gây mưa lớn tại các tỉnh miền Trung trong suốt ba ngày qua.",
             "(Ảnh: Mưa lớn tại Huế.", "Nguồn: Hãng tin X)",
             "Theo ông Lê Văn Tám, Chủ tịch xã, nước lên nhanh từ đêm qua khiến hơn 200 hộ dân bị cô lập.",
             "Chính quyền địa phương đã huy động lực lượng cứu hộ đưa người dân đến nơi an toàn ngay trong đêm.",
             "Bình Minh"]
    text = "Mưa lũ miền Trung\n" + "\n".join(story) + "\n"
    s, e = analyse(text).content[-1]
    assert text[s:e].rstrip().endswith("Bình Minh")
    assert "Lê Văn Tám" in ents(ex, text, "person")
    ended = "Mưa lũ miền Trung\n" + "\n".join(story[:3]) + "\nTin liên quan\nBình chọn\n"
    s, e = analyse(ended).content[-1]
    assert ended[s:e].endswith("Nguồn: Hãng tin X)")


# -- places: feature and region words (FACTS.md v2) --------------------------------------
def test_region_word_in_the_span_of_a_region(ex):
    facts = [f for f in ex.extract("Mưa lớn ở khu vực Tây Nguyên và khu vực Xóm Mới.").facts
             if f.kind == "location"]
    assert [(f.text, f.value) for f in facts] == [("khu vực Tây Nguyên", "khu vực Tây Nguyên")]


def test_sea_of_a_province_is_the_province_and_a_dike_names_its_place(ex):
    text = "Sạt lở bờ biển Cà Mau. Kè ở thị trấn Sông Đốc. Tuyến đê biển Sông Đốc bị vỡ, gần biển Đông."
    assert ents(ex, text, "location") == ["Cà Mau", "thị trấn Sông Đốc", "Sông Đốc", "biển Đông"]


def test_two_streets_at_a_junction(ex):
    text = "Kẹt xe tại nút giao Lê Văn Sỹ – Trần Quang Diệu từ sáng."
    assert ents(ex, text, "location") == ["Lê Văn Sỹ", "Trần Quang Diệu"]


# -- numbers ---------------------------------------------------------------------------
def facts_of(ex, text, kind):
    return [(f.text, f.value) for f in ex.extract(text).facts if f.kind == kind]


def test_number_glued_to_a_unit_abbreviation(ex):
    text = "Con cá nặng 2,8kg, dài 75cm; mỗi ngày uống 250ml nước, đi khoảng 12km trong 72h."
    qs = [(f.text, f.value, f.unit, f.approx) for f in ex.extract(text).facts if f.kind == "quantity"]
    assert qs == [("2,8kg", "2.8", "kg", "exact"), ("75cm", "75", "cm", "exact"),
                  ("250ml", "250", "ml", "exact"), ("khoảng 12km", "12", "km", "about"),
                  ("72h", "72", "h", "exact")]


def test_clock_time_with_h_is_no_quantity(ex):
    assert facts_of(ex, "Cuộc họp bắt đầu lúc 8h và kết thúc lúc 10h.", "quantity") == []


def test_ranges_are_two_facts_the_first_inheriting(ex):
    text = "Giá từ 25.000 - 40.000 đồng, lương 5 đến 8 triệu đồng, tăng 12-18%, lớp có 30-35 học sinh."
    facts = ex.extract(text).facts
    money = [(f.text, f.value, f.currency) for f in facts if f.kind == "money"]
    assert money == [("25.000", "25000", "VND"), ("40.000 đồng", "40000", "VND"),
                     ("5", "5000000", "VND"), ("8 triệu đồng", "8000000", "VND")]
    assert facts_of(ex, text, "percentage") == [("12", "12"), ("18%", "18")]
    qs = [(f.text, f.value, f.unit) for f in facts if f.kind == "quantity"]
    assert qs == [("30", "30", "học sinh"), ("35", "35", "học sinh")]


def test_an_approximator_before_a_range_belongs_to_the_first(ex):
    facts = [f for f in ex.extract("Tỷ lệ xấp xỉ 20-25% trong năm.").facts if f.kind == "percentage"]
    assert [(f.text, f.approx) for f in facts] == [("xấp xỉ 20", "about"), ("25%", "exact")]


def test_a_score_is_no_range(ex):
    assert facts_of(ex, "Đội khách thua 2-3 sau hiệp phụ.", "quantity") == []


def test_stacked_approximators(ex):
    facts = [f for f in ex.extract("Tổng vốn lên tới hơn 1.400 tỷ USD.").facts if f.kind == "money"]
    assert [(f.text, f.value, f.approx) for f in facts] == [("lên tới hơn 1.400 tỷ USD", "1400000000000", "more_than")]


def test_code_guard_only_when_the_code_word_directly_precedes(ex):
    text = "Ông Peter Brown (61 tuổi), Hợp phần 3 và trong số 40 học viên có 12 người đỗ."
    assert facts_of(ex, text, "quantity") == [("61", "61"), ("40", "40"), ("12", "12")]


def test_spelled_out_counts_and_durations(ex):
    text = "Sau hai tuần điều trị, một bác sĩ và ba điều dưỡng đến. Một số người ở lại; đây là một trong hai phương án."
    qs = [(f.text, f.value, f.unit) for f in ex.extract(text).facts if f.kind == "quantity"]
    assert qs == [("hai", "2", "tuần điều trị"), ("một", "1", "bác sĩ"), ("ba", "3", "điều dưỡng"),
                  ("hai", "2", "phương án")]


def test_number_word_with_a_scale_word(ex):
    facts = [f for f in ex.extract("Có gần hai triệu người đến xem.").facts if f.kind == "quantity"]
    assert [(f.text, f.value, f.unit, f.approx) for f in facts] == [("gần hai triệu", "2000000", "người", "nearly")]


def test_number_words_in_a_name_are_no_count(ex):
    assert facts_of(ex, "Từ ấp Ba Lai đến phường Hai Bà Trưng.", "quantity") == []


def test_bare_counts_after_a_colon(ex):
    text = "Số ca khỏi:\n- Lần 1: 4\n- Lần 2: 7\nHotline: 0912345678"
    assert facts_of(ex, text, "quantity") == [("4", "4"), ("7", "7")]


def test_scaled_amount_in_a_money_sentence(ex):
    assert facts_of(ex, "Gia đình đã hỗ trợ nạn nhân 15 triệu, sau đó thêm 5 triệu.", "money") == [
        ("15 triệu", "15000000"), ("5 triệu", "5000000")]


# -- dates ------------------------------------------------------------------------------
def test_periods_are_date_ranges(ex):
    text = "Trong 6 tháng đầu năm 2023 và quý III/2022, doanh thu tăng."
    assert facts_of(ex, text, "date") == [("6 tháng đầu năm 2023", "2023-01/2023-06"),
                                          ("quý III/2022", "2022-07/2022-09")]


def test_day_ranges_sharing_month_and_year(ex):
    text = "Hội chợ diễn ra từ ngày 3 đến 9/6/2024; nghỉ Tết 29/1-2/2."
    assert facts_of(ex, text, "date") == [("từ ngày 3 đến 9/6/2024", "2024-06-03/2024-06-09"),
                                          ("29/1-2/2", "--01-29/--02-02")]


def test_day_and_month_without_a_lead_word(ex):
    text = "Bắt đầu từ 15/8, dịp lễ 2/9 đông khách. Tỷ số 2/1 nghiêng về đội nhà, 3/4 số hộ đồng ý."
    assert facts_of(ex, text, "date") == [("15/8", "--08-15"), ("2/9", "--09-02")]


def test_month_and_year_without_thang_and_month_alone(ex):
    text = "Nhà máy xây từ 9/2020, hoàn thành cuối tháng 3 và vận hành vào tháng 8 năm ngoái."
    assert facts_of(ex, text, "date") == [("9/2020", "2020-09"), ("cuối tháng 3", "--03"),
                                          ("tháng 8 năm ngoái", "--08")]


def test_time_with_date(ex):
    text = ("Lúc 14h30 ngày 5/3/2021 xe bị lật; đến khoảng 16h cùng ngày đường thông. Cấm xe 6-22h. "
            "Từ 7h đến 9h ngày 6/3/2021 đường đóng.")
    assert facts_of(ex, text, "date") == [("14h30 ngày 5/3/2021", "2021-03-05T14:30"),
                                          ("khoảng 16h cùng ngày", "2021-03-05T16:00"), ("6-22h", "T06:00/T22:00"),
                                          ("Từ 7h đến 9h ngày 6/3/2021", "2021-03-06T07:00/2021-03-06T09:00")]


def test_time_on_a_date_without_its_year(ex):
    # FACTS.md v2: a partial date with its clock time, --03-05T14:30
    assert facts_of(ex, "Lúc 14h30 ngày 5/3, xe bị lật.", "date") == [("14h30 ngày 5/3", "--03-05T14:30")]
    text = "Từ 7h đến 9h ngày 6/3 đường đóng; khoảng 21h cùng ngày đường thông."
    assert facts_of(ex, text, "date") == [("Từ 7h đến 9h ngày 6/3", "--03-06T07:00/--03-06T09:00"),
                                          ("khoảng 21h cùng ngày", "--03-06T21:00")]


def test_partial_dates_with_a_time_are_valid_values():
    from facts.model import is_iso_date

    for good in ("--03-05T14:30", "--03-05T14:30:05", "--03-06T07:00/--03-06T09:00", "--03", "--03-05"):
        assert is_iso_date(good), good
    for bad in ("--03T14:30", "--03-05T", "--3-05T14:30", "--03-05T14", "---03-05"):
        assert not is_iso_date(bad), bad


def test_same_period_last_year(ex):
    assert facts_of(ex, "Số ca tăng so với cùng kỳ năm 2019.", "date") == [("cùng kỳ năm 2019", "2019")]


def test_a_decimal_is_never_a_year(ex):
    assert facts_of(ex, "Chỉ số đạt 1,2017-2018 điểm.", "date") == []


# -- legal references ---------------------------------------------------------------------
def legal(ex, text):
    return [(f.text, f.value, f.doc_type, f.issuer) for f in ex.extract(text).facts
            if f.kind == "legal_reference"]


def test_lowercase_types_and_spaced_hyphens(ex):
    text = "Làm theo thông tư 12/2019/TT-BTC, công văn 45/UBND-VX và Nghị định 15/2020 - NĐ-CP."
    assert legal(ex, text) == [("thông tư 12/2019/TT-BTC", "12/2019/TT-BTC", "Thông tư", "BTC"),
                               ("công văn 45/UBND-VX", "45/UBND-VX", "Công văn", "VX"),
                               ("Nghị định 15/2020 - NĐ-CP", "15/2020-NĐ-CP", "Nghị định", "CP")]


def test_a_document_by_number_alone(ex):
    text = "Căn cứ Nghị định 100/2019/NĐ-CP, cơ quan xử phạt. Nghị định 100 nêu rõ mức phạt; quyết định số 7 cũng vậy."
    assert [r[:2] for r in legal(ex, text)] == [("Nghị định 100/2019/NĐ-CP", "100/2019/NĐ-CP"),
                                                ("Nghị định 100", "100"), ("quyết định số 7", "7")]


def test_a_plan_of_five_years_is_no_reference(ex):
    assert legal(ex, "Kế hoạch 5 năm và Luật 2013 được nhắc lại.") == []


def test_type_and_number_separated_by_a_bracket(ex):
    text = "Theo Nghị định (số 100/2019/NĐ-CP) về giao thông."
    assert legal(ex, text) == [("Nghị định (số 100/2019/NĐ-CP", "100/2019/NĐ-CP", "Nghị định", "CP")]


# -- people without an honorific ------------------------------------------------------------
def test_foreign_name_without_honorific_and_its_family_name_later(ex):
    # a role or an age after it says the name is a person's; capitalised foreign words
    # alone may name anything
    text = ("Khi đó, Michael Brennan, giám đốc điều hành, đã rời công ty. Sau này Brennan kể lại "
            "chuyện cũ; Michael Brennan không hối tiếc. Zorvin Baltek chỉ là một cái tên.")
    assert ents(ex, text, "person") == ["Michael Brennan", "Brennan", "Michael Brennan"]


def test_a_club_or_a_shop_is_no_foreign_person(ex):
    text = "Anh ghi bàn vào lưới Real Madrid rồi uống cà phê ở Pacific Coffee."
    assert ents(ex, text, "person") == []


def test_occupation_before_a_name(ex):
    text = "Cuộc gặp có tỷ phú Oliver Grant và tài xế Hùng tham dự."
    assert ents(ex, text, "person") == ["Oliver Grant", "Hùng"]


def test_title_then_country_then_foreign_name(ex):
    facts = [f for f in ex.extract("Thủ tướng Ba Lan Tomasz Wendel phát biểu.").facts if f.kind == "person"]
    assert [(f.text, f.title) for f in facts] == [("Tomasz Wendel", "Thủ tướng Ba Lan")]


def test_byline_at_the_end_of_a_paragraph_with_its_outlet(ex):
    text = "Vụ việc đang được điều tra làm rõ. Lê Hoài\nCông việc còn dài. Theo Ngọc Mai (VNE)\n"
    assert ents(ex, text, "person") == ["Lê Hoài", "Ngọc Mai"]
    assert ents(ex, text, "organization") == ["VNE"]


def test_photo_credit_outside_brackets(ex):
    text = "Hiện trường vụ tai nạn. Ảnh: Minh Khôi Người dân đứng xem (ảnh: Thu Trà)."
    assert ents(ex, text, "person") == ["Minh Khôi", "Thu Trà"]


def test_kinship_word_before_a_full_name_with_thi(ex):
    assert ents(ex, "Tại tòa, cô Đình Thị Lụa trình bày.", "person") == ["Đình Thị Lụa"]


# -- organisations without a head ------------------------------------------------------------
def test_stock_codes_in_a_list_are_companies_wherever_named(ex):
    text = "Các mã KXA, PTQ và MNB giảm sàn. Riêng PTQ hồi phục cuối phiên. GDP, CPI và FDI tăng."
    assert ents(ex, text, "organization") == ["KXA", "PTQ", "MNB", "PTQ"]


def test_company_code_at_the_end_of_its_name(ex):
    text = "Công ty cổ phần dược phẩm TQX khánh thành nhà máy. TQX dự kiến xuất khẩu."
    assert ents(ex, text, "organization") == ["Công ty cổ phần dược phẩm TQX", "TQX"]


def test_brand_after_the_word_for_its_business(ex):
    text = "Anh làm ở chuỗi cửa hàng ăn nhanh Burger Palace rồi chuyển sang nhà sản xuất Zentrix."
    assert ents(ex, text, "organization") == ["Burger Palace", "Zentrix"]


def test_police_of_a_commune_and_of_a_glued_city(ex):
    text = "Sau đó công an xã đã có mặt, còn Công an TP.Vinh vào cuộc."
    assert ents(ex, text, "organization") == ["công an xã", "Công an TP.Vinh"]


# -- places ---------------------------------------------------------------------------------
def test_names_listed_with_a_known_place(ex):
    text = "Số ca tăng ở nhiều quận như: quận Cầu Giấy, Long Biên, Bắc Từ Liêm và Tây Hồ."
    assert ents(ex, text, "location") == ["quận Cầu Giấy", "Long Biên", "Bắc Từ Liêm", "Tây Hồ"]


def test_countries_that_are_words_among_countries(ex):
    text = "Pháp, Anh, Đức và Ý cùng ký thỏa thuận. Anh Tuấn đọc tiếng Anh, Nhật."
    assert ents(ex, text, "location") == ["Pháp", "Anh", "Đức", "Ý"]


def test_zone_keeps_its_word_and_its_name_alone_later(ex):
    text = "Khu công nghệ cao Láng Mới đón dự án. Doanh nghiệp vào Láng Mới được ưu đãi."
    assert ents(ex, text, "location") == ["Khu công nghệ cao Láng Mới", "Láng Mới"]


def test_city_glued_to_tp(ex):
    facts = [f for f in ex.extract("Giao thông trên địa bàn TP.Vinh hay ùn tắc.").facts if f.kind == "location"]
    assert [(f.text, f.level) for f in facts] == [("TP.Vinh", "district")]


# -- the same name again: both ways of finding it agree with a chain of str.find -------------
def _chain(text, name):
    """The reference: text.find(name, end of the last one found), kept where whole."""
    out, at = [], text.find(name)
    while at >= 0:
        end = at + len(name)
        if not ((at and text[at - 1].isalnum()) or (end < len(text) and text[end].isalnum())):
            out.append(at)
        at = text.find(name, end)
    return out


def test_repeated_names_found_alike_by_search_and_by_words():
    import random

    from facts.extract.rules import _find_whole, _find_whole_by_words

    rng = random.Random(3)
    names = ["Hà Thị Hà", "Nguyễn Văn N", "Lan", "Lê Lan", "An An An", "Ngô Bảo Châu"]
    pieces = names + [" ", ", ", ".", "x", "9", "\n", " Hà", "Thị ", "An "]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        want = {n: _chain(text, n) for n in names}
        assert _find_whole(text, names) == want, text
        assert _find_whole_by_words(text, names) == want, text
